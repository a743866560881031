import { useActingFor } from './useActingFor'

export { SELF } from './useActingFor'

/**
 * Whom the booking pages act for: myself or a relative I may book for (a confirmed proxy with BOOK), chosen in the
 * URL (`?for=<residentId>`); see useActingFor.
 */
export function useBookFor() {
  const who = useActingFor('BOOK')
  return { ...who, bookable: who.eligible }
}
