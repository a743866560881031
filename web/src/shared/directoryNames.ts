import { reactive } from 'vue'
import { directoryApi } from './endpoints'
import type { Department, OrganizationDetail, Practitioner } from './types'

/**
 * Names of organisations, practitioners and departments for lists that carry ids only (appointments, schedules),
 * fetched once per id and kept for the page's life. Lookups return the id (or the code) until the name arrives, and
 * are reactive, so a list re-renders as names come in.
 */
const organizations = reactive(new Map<string, OrganizationDetail | null>())
const practitioners = reactive(new Map<string, Practitioner | null>())
const departments = reactive(new Map<string, string>())
const pending = new Set<string>()
let departmentCodes: Promise<Department[]> | null = null

function fetchOnce<T>(key: string, cache: Map<string, T | null>, call: () => Promise<T>): void {
  if (cache.has(key) || pending.has(key)) return
  pending.add(key)
  call()
    .then((v) => cache.set(key, v))
    .catch(() => cache.set(key, null)) // shown by id; not asked again on this page
    .finally(() => pending.delete(key))
}

/** The standard department codes (诊疗科目), fetched once. */
export function loadDepartmentCodes(): Promise<Department[]> {
  if (!departmentCodes) {
    departmentCodes = directoryApi.departmentCodes().then((list) => {
      for (const d of list) if (!departments.has(d.code)) departments.set(d.code, d.name)
      return list
    })
    departmentCodes.catch(() => (departmentCodes = null))
  }
  return departmentCodes
}

export function organizationName(id: string | null | undefined): string {
  if (!id) return ''
  fetchOnce(`o:${id}`, organizations, () => directoryApi.organization(id))
  return organizations.get(`o:${id}`)?.name ?? ''
}

export function practitionerOf(id: string | null | undefined): Practitioner | null {
  if (!id) return null
  fetchOnce(`p:${id}`, practitioners, () => directoryApi.practitioner(id))
  return practitioners.get(`p:${id}`) ?? null
}

/** A department's name: the organisation's own name for it when known, else the standard one, else the code. */
export function departmentName(code: string | null | undefined, organizationId?: string | null): string {
  if (!code) return ''
  if (organizationId) {
    organizationName(organizationId)
    const own = organizations.get(`o:${organizationId}`)?.departments?.find((d) => d.code === code)
    if (own) return own.name
  }
  void loadDepartmentCodes().catch(() => undefined)
  return departments.get(code) ?? code
}
