// Shapes of the Huimin REST API (/api/v1). Keep in step with the back end's records.

export type Role =
  | 'RESIDENT'
  | 'FAMILY_DOCTOR'
  | 'CLINICIAN'
  | 'PHARMACIST'
  | 'NURSE'
  | 'SCHEDULER'
  | 'PHARMACY'
  | 'CDC'
  | 'INSURANCE'
  | 'CLERK'
  | 'DISPATCHER'
  | 'PLATFORM_ADMIN'
  | 'AUDITOR'

export const ROLES: readonly Role[] = [
  'RESIDENT',
  'FAMILY_DOCTOR',
  'CLINICIAN',
  'PHARMACIST',
  'NURSE',
  'SCHEDULER',
  'PHARMACY',
  'CDC',
  'INSURANCE',
  'CLERK',
  'DISPATCHER',
  'PLATFORM_ADMIN',
  'AUDITOR',
]

export type OrganizationType =
  | 'HOSPITAL'
  | 'TOWNSHIP_HEALTH_CENTRE'
  | 'COMMUNITY_HEALTH_CENTRE'
  | 'VILLAGE_CLINIC'
  | 'RETAIL_PHARMACY'
  | 'CDC'
  | 'EMERGENCY_CENTRE'
  | 'GOVERNMENT_OFFICE'

export const ORGANIZATION_TYPES: readonly OrganizationType[] = [
  'HOSPITAL',
  'TOWNSHIP_HEALTH_CENTRE',
  'COMMUNITY_HEALTH_CENTRE',
  'VILLAGE_CLINIC',
  'RETAIL_PHARMACY',
  'CDC',
  'EMERGENCY_CENTRE',
  'GOVERNMENT_OFFICE',
]

export type PractitionerKind = 'DOCTOR' | 'NURSE' | 'PHARMACIST'
export const PRACTITIONER_KINDS: readonly PractitionerKind[] = ['DOCTOR', 'NURSE', 'PHARMACIST']

/** Hospital level (一级/二级/三级) as the API sends it. */
export const LEVELS = ['1', '2', '3'] as const

export interface LoginResponse {
  accessToken: string
  tokenType: string
  expiresIn: number
  roles: string[]
  username: string
  displayName: string
}

export interface Me {
  username: string
  displayName: string
  roles: string[]
  organizationId?: string | null
  organizationName?: string | null
  practitionerId?: string | null
  residentId?: string | null
}

export interface Page<T> {
  items: T[]
  total: number
  page?: number
  size?: number
}

export interface Organization {
  id: string
  name: string
  type: OrganizationType | string
  level?: string | number | null
  grade?: string | null
  uscc?: string | null
  address?: string | null
  phone?: string | null
  divisionCode?: string | null
  latitude?: number | null
  longitude?: number | null
}

/** Body of POST /api/v1/directory/organizations; optional fields are left out when empty. */
export interface NewOrganization {
  name: string
  type: OrganizationType
  level?: string
  grade?: string
  uscc: string
  divisionCode?: string
  address?: string
  phone?: string
  latitude?: number
  longitude?: number
}

export interface Department {
  code: string
  name: string
}

export interface OrganizationDetail extends Organization {
  departments: Department[]
}

export interface PractitionerRole {
  organizationId: string
  organizationName: string
  departmentCode?: string | null
  departmentName?: string | null
}

export interface Practitioner {
  id: string
  name: string
  kind: PractitionerKind | string
  title?: string | null
  specialties?: string[] | null
  roles?: PractitionerRole[] | null
}

export interface Notification {
  id: string
  title: string
  body?: string | null
  createdAt: string
  readAt?: string | null
}

export interface NotificationPage extends Page<Notification> {
  unread: number
}

export interface AuditVerification {
  intact: boolean
  entries: number
  firstBroken?: { seq: number; reason: string } | null
}

export interface AuditEntry {
  seq: number
  occurredAt: string
  actor: string
  role?: string | null
  actingFor?: string | null
  organizationId?: string | null
  purpose?: string | null
  action: string
  resourceType?: string | null
  resourceId?: string | null
  outcome: string
  clientIp?: string | null
}

export interface Account {
  id: string
  username: string
  displayName?: string | null
  roles: string[]
  organizationId?: string | null
  locked: boolean
  lockedUntil?: string | null
  enabled: boolean
}

export interface DevSms {
  id: string
  phoneMasked: string
  text: string
  createdAt: string
}

/** Body of POST /api/v1/admin/accounts (staff accounts; never RESIDENT). */
export interface NewStaffAccount {
  username: string
  displayName: string
  password: string
  roles: Role[]
  organizationId?: string
  phone?: string
}
