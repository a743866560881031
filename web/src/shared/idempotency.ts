/** A random UUID; crypto.randomUUID exists in secure contexts only, getRandomValues everywhere. */
export function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/**
 * The `Idempotency-Key` of one confirmation: the same request (same `what`) asked again after a failure — a lost
 * answer, a timeout — reuses its key, so the server books once and answers the retry with the same appointment; a
 * different request, or the same one after it succeeded, gets a new key.
 */
export function useIdempotencyKey() {
  let pending: { what: string; key: string } | null = null

  function keyFor(what: string): string {
    if (!pending || pending.what !== what) pending = { what, key: randomKey() }
    return pending.key
  }

  /** The request succeeded: the next one is a new booking. */
  function done(): void {
    pending = null
  }

  return { keyFor, done }
}
