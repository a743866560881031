import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Calls `refresh` every `ms` while the page is visible, and at once when it becomes visible again; stops when the
 * component unmounts. The first load is the caller's.
 */
export function usePolling(refresh: () => unknown, ms: number): void {
  let timer: number | undefined

  function stop(): void {
    if (timer !== undefined) window.clearInterval(timer)
    timer = undefined
  }
  function start(): void {
    stop()
    timer = window.setInterval(() => void refresh(), ms)
  }
  function onVisibility(): void {
    if (document.hidden) {
      stop()
    } else {
      void refresh()
      start()
    }
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility)
    if (!document.hidden) start()
  })
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility)
    stop()
  })
}
