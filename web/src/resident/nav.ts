import type { Router } from 'vue-router'

/** Back when there is somewhere to go back to in this app, otherwise to a fallback (page opened directly). */
export function goBack(router: Router, fallback = '/'): void {
  const state = window.history.state as { back?: string | null } | null
  if (state?.back) router.back()
  else void router.replace(fallback)
}
