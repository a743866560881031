import { computed, onBeforeUnmount, onMounted, ref, shallowRef, watch, type Ref } from 'vue'
import { errorMessage } from '@/shared/api'
import { meApi } from '@/shared/endpoints'
import type { HealthCode } from '@/shared/types'

/** Seconds before a failed refresh is tried again by itself. */
const RETRY_SECONDS = 15

/**
 * A dynamic health code that refreshes itself: fetched for `holder` (null: me, else a relative's resident id),
 * refetched every `refreshSeconds` (or at `expiresAt`, whichever is first), paused while the page is hidden and
 * refetched at once when it comes back after the code's time is up.
 */
export function useHealthCode(holder: Ref<string | null>) {
  const code = shallowRef<HealthCode | null>(null)
  const loading = ref(false)
  const error = ref('')
  const now = ref(Date.now())
  /** Epoch ms of the next automatic refresh. */
  const nextAt = ref(0)
  /** Epoch ms the shown code stops being valid. */
  const expiresAt = ref(0)
  let timer: number | undefined
  let seq = 0

  const secondsLeft = computed(() => Math.max(0, Math.ceil((nextAt.value - now.value) / 1000)))
  const expired = computed(() => !!code.value && expiresAt.value > 0 && now.value >= expiresAt.value)

  async function refresh(): Promise<void> {
    const mine = ++seq
    const forWhom = holder.value
    loading.value = true
    error.value = ''
    try {
      const res = forWhom ? await meApi.relativeHealthCode(forWhom) : await meApi.healthCode()
      if (mine !== seq) return
      code.value = res
      const fetched = Date.now()
      const expiry = Date.parse(res.expiresAt)
      expiresAt.value = Number.isNaN(expiry) ? 0 : expiry
      const byInterval = fetched + Math.max(5, res.refreshSeconds || 60) * 1000
      nextAt.value = expiresAt.value ? Math.min(byInterval, expiresAt.value) : byInterval
    } catch (e) {
      if (mine !== seq) return
      error.value = errorMessage(e)
      nextAt.value = Date.now() + RETRY_SECONDS * 1000
    } finally {
      if (mine === seq) {
        loading.value = false
        now.value = Date.now()
      }
    }
  }

  function tick(): void {
    now.value = Date.now()
    if (!loading.value && nextAt.value > 0 && now.value >= nextAt.value) void refresh()
  }

  function start(): void {
    stop()
    tick()
    timer = window.setInterval(tick, 1000)
  }

  function stop(): void {
    if (timer !== undefined) window.clearInterval(timer)
    timer = undefined
  }

  function onVisibility(): void {
    if (document.hidden) stop()
    else start()
  }

  watch(holder, () => {
    code.value = null
    nextAt.value = 0
    expiresAt.value = 0
    void refresh()
  })

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    void refresh()
    if (!document.hidden) start()
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    stop()
    seq++
  })

  return { code, loading, error, secondsLeft, expired, refresh }
}
