import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import { session } from '@/shared/session'
import { meApi } from '@/shared/endpoints'
import { relationLabel } from '@/shared/labels'
import type { MyResident, ProxyPermission, Relative } from '@/shared/types'

/** The choice "myself" among the relatives. */
export const SELF = 'me'

/**
 * Whom a page acts for: myself or a relative I hold `permission` for (a confirmed proxy). The choice lives in the URL
 * (`?for=<residentId>`) so that links (a relative's card, the next page of the same service) open on it.
 * `selfLabel` is the i18n key of "myself" in the switcher.
 */
export function useActingFor(permission: ProxyPermission, selfLabel = 'booking.self') {
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

  /** Relatives I may act for here: confirmed, with the permission. */
  const eligible = computed(() => relatives.value.filter((r) => r.status === 'ACTIVE' && r.permissions.includes(permission)))
  const relative = computed(() => eligible.value.find((r) => r.residentId === residentId.value) ?? null)

  /** The resident whose data the page shows: the relative, or myself (null until my own id is known). */
  const subjectId = computed<string | null>(
    () => residentId.value ?? me.value?.residentId ?? session.user?.residentId ?? null,
  )

  const options = computed(() => [
    { value: SELF, label: t(selfLabel) },
    ...eligible.value.map((r) => ({ value: r.residentId, label: `${r.name}（${relationLabel(r.relation)}）` })),
  ])
  /** The name of whom I act for (my own when known). */
  const name = computed(() => (relative.value ? relative.value.name : (me.value?.name ?? t(selfLabel))))
  /** The `?for=` query of links to other pages for the same person. */
  const query = computed(() => {
    const q: Record<string, string> = {}
    if (residentId.value) q.for = residentId.value
    return q
  })

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
    // A link for someone I may not (or no longer) act for falls back to myself.
    if (residentId.value && !relative.value) choice.value = SELF
  }
  void load()

  return { choice, residentId, subjectId, options, eligible, relative, name, query, me, loaded }
}

/** What {@link useActingFor} returns: the chosen person and the choices. */
export type ActingFor = ReturnType<typeof useActingFor>
