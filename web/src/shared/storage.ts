// localStorage access that never throws (private browsing, disabled storage, quota).

export const STORAGE_KEYS = {
  token: 'huimin.token',
  locale: 'huimin.locale',
  elderly: 'huimin.elderly',
  /** The console's desk terminal (e.g. 挂号窗口-01), recorded with each code scan; set on the verify page. */
  terminalId: 'huimin.terminalId',
} as const

export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, value)
  } catch {
    // Preferences then last for this page only; nothing else to do.
  }
}

/**
 * A query parameter given at load time, from either the real query string (`/?lang=en#/me`) or the query part of the
 * hash route (`/#/me?lang=en`), so tests and links can open a page directly in a mode.
 */
export function startupParam(name: string): string | null {
  const fromSearch = new URLSearchParams(window.location.search).get(name)
  if (fromSearch !== null) return fromSearch
  const hash = window.location.hash
  const q = hash.indexOf('?')
  return q >= 0 ? new URLSearchParams(hash.slice(q + 1)).get(name) : null
}
