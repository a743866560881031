import { computed } from 'vue'
import { ApiError } from './api'
import { authApi } from './endpoints'
import { clearSession, saveSession, saveUser, session } from './session'
import type { Me, Role } from './types'

export { session }

export const isLoggedIn = computed(() => !!session.token)
export const currentUser = computed<Me | null>(() => session.user)
export const currentRoles = computed<string[]>(() => session.user?.roles ?? [])
export const displayName = computed(() => session.user?.displayName || session.user?.username || '')

export function hasAnyRole(...roles: Role[]): boolean {
  if (roles.length === 0) return true
  const mine = currentRoles.value
  return roles.some((r) => mine.includes(r))
}

/** Logs in, keeps the token, then loads /me (the login answer already carries name and roles, /me adds the rest). */
export async function login(username: string, password: string): Promise<Me> {
  const res = await authApi.login(username.trim(), password)
  const basic: Me = { username: res.username, displayName: res.displayName, roles: res.roles ?? [] }
  saveSession(res.accessToken, res.expiresIn, basic)
  try {
    const me = await authApi.me()
    saveUser(me)
    return me
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) throw e
    return basic
  }
}

/** Reloads /me for a kept token (a bare token in storage has no user yet). A 401 clears the session. */
export async function refreshMe(): Promise<Me | null> {
  if (!session.token) return null
  try {
    const me = await authApi.me()
    saveUser(me)
    return me
  } catch {
    return session.user
  }
}

/** Tells the server (best effort) and forgets the token either way. */
export async function logout(): Promise<void> {
  const hadToken = !!session.token
  try {
    if (hadToken) await authApi.logout()
  } catch {
    // The token is dropped locally regardless; an expired one cannot be revoked anyway.
  } finally {
    clearSession()
  }
}
