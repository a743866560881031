import { onBeforeUnmount, onMounted } from 'vue'

/**
 * Calls `tick` every `seconds` while the page is visible: paused while it is hidden (another tab, a locked screen),
 * called at once when it comes back, stopped when the component unmounts. A tick that is still running is not
 * started again.
 */
export function usePolling(tick: () => Promise<unknown>, seconds: number) {
  let timer: number | undefined
  let running = false

  async function run(): Promise<void> {
    if (running) return
    running = true
    try {
      await tick()
    } finally {
      running = false
    }
  }

  function start(): void {
    stop()
    timer = window.setInterval(() => void run(), seconds * 1000)
  }

  function stop(): void {
    if (timer !== undefined) window.clearInterval(timer)
    timer = undefined
  }

  function onVisibility(): void {
    if (document.hidden) {
      stop()
    } else {
      void run()
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

  return { stop }
}
