import { reactive } from 'vue'
import type { Me } from './types'
import { readStorage, STORAGE_KEYS, writeStorage } from './storage'

/** What survives a reload under localStorage `huimin.token`: the bearer token, its expiry and the last /me. */
export interface StoredSession {
  token: string
  /** Epoch milliseconds; absent when the server gave no lifetime. */
  expiresAt?: number | null
  user?: Me | null
}

export interface SessionState {
  token: string | null
  expiresAt: number | null
  user: Me | null
}

function load(): SessionState {
  const raw = readStorage(STORAGE_KEYS.token)
  if (!raw) return { token: null, expiresAt: null, user: null }
  let stored: StoredSession | null = null
  try {
    const parsed: unknown = JSON.parse(raw)
    if (parsed && typeof parsed === 'object' && typeof (parsed as StoredSession).token === 'string') {
      stored = parsed as StoredSession
    }
  } catch {
    // A bare token string (e.g. put there by a test) is accepted too; /me is fetched later.
    stored = { token: raw }
  }
  if (!stored || !stored.token || (stored.expiresAt && stored.expiresAt <= Date.now())) {
    writeStorage(STORAGE_KEYS.token, null)
    return { token: null, expiresAt: null, user: null }
  }
  return { token: stored.token, expiresAt: stored.expiresAt ?? null, user: stored.user ?? null }
}

export const session = reactive<SessionState>(load())

function persist(): void {
  if (!session.token) {
    writeStorage(STORAGE_KEYS.token, null)
    return
  }
  const stored: StoredSession = { token: session.token, expiresAt: session.expiresAt, user: session.user }
  writeStorage(STORAGE_KEYS.token, JSON.stringify(stored))
}

export function saveSession(token: string, expiresInSeconds: number | null | undefined, user: Me | null): void {
  session.token = token
  session.expiresAt = expiresInSeconds && expiresInSeconds > 0 ? Date.now() + expiresInSeconds * 1000 : null
  session.user = user
  persist()
}

export function saveUser(user: Me): void {
  session.user = user
  persist()
}

export function clearSession(): void {
  session.token = null
  session.expiresAt = null
  session.user = null
  persist()
}

/** The token, or null once it has expired (which also clears it). */
export function currentToken(): string | null {
  if (session.token && session.expiresAt && session.expiresAt <= Date.now()) clearSession()
  return session.token
}

// Another tab logged in or out: follow it.
window.addEventListener('storage', (e) => {
  if (e.key !== STORAGE_KEYS.token) return
  const next = load()
  session.token = next.token
  session.expiresAt = next.expiresAt
  session.user = next.user
})
