import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import { meApi } from '@/shared/endpoints'
import { relationLabel } from '@/shared/labels'
import type { MyResident, Relative } from '@/shared/types'

/** The choice "myself" among the relatives. */
export const SELF = 'me'

/**
 * Whom the booking pages act for: myself or a relative I may book for (a confirmed proxy with BOOK). The choice lives
 * in the URL (`?for=<residentId>`) so that links (the result of a booking, a relative's card) open on it.
 */
export function useBookFor() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const routeName = route.name

  const me = ref<MyResident | null>(null)
  const relatives = ref<Relative[]>([])
  const loaded = ref(false)

  const forParam = () => (typeof route.query.for === 'string' && route.query.for ? route.query.for : null)
  const choice = ref<string>(forParam() ?? SELF)
  /** The relative's id, or null for myself. */
  const residentId = computed<string | null>(() => (choice.value === SELF ? null : choice.value))

  /** Relatives I may book for: confirmed, with BOOK. */
  const bookable = computed(() => relatives.value.filter((r) => r.status === 'ACTIVE' && r.permissions.includes('BOOK')))
  const relative = computed(() => bookable.value.find((r) => r.residentId === residentId.value) ?? null)

  const options = computed(() => [
    { value: SELF, label: t('booking.self') },
    ...bookable.value.map((r) => ({ value: r.residentId, label: `${r.name}（${relationLabel(r.relation)}）` })),
  ])
  /** The name of whom I act for (my own when known). */
  const name = computed(() => (relative.value ? relative.value.name : (me.value?.name ?? t('booking.self'))))

  watch(choice, (v) => {
    if (route.name === routeName) void router.replace({ query: { ...route.query, for: v === SELF ? undefined : v } })
  })
  // A link to the same page for someone else (the page stays mounted).
  watch(
    () => route.query.for,
    () => {
      if (route.name === routeName) choice.value = forParam() ?? SELF
    },
  )

  async function load(): Promise<void> {
    const [mine, rels] = await Promise.allSettled([meApi.resident(), meApi.relatives()])
    if (mine.status === 'fulfilled') me.value = mine.value
    relatives.value = rels.status === 'fulfilled' ? (rels.value.items ?? []) : [] // then only myself is offered
    loaded.value = true
    // A link for someone I may not (or no longer) book for falls back to myself.
    if (residentId.value && !relative.value) choice.value = SELF
  }
  void load()

  return { choice, residentId, options, bookable, relative, name, me, loaded }
}
