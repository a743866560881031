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
  | 'INSTITUTION_SYSTEM'

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
  'INSTITUTION_SYSTEM',
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

// ---- Identity (一码通): real-name registration, health code, proxies, window registration, EMPI, signing keys ----

export type Sex = 'MALE' | 'FEMALE'

export type Scene = 'REGISTRATION' | 'CONSULTATION' | 'PAYMENT' | 'PHARMACY' | 'VACCINATION' | 'RECORD_LOOKUP' | 'ENTRY'
export const SCENES: readonly Scene[] = [
  'REGISTRATION',
  'CONSULTATION',
  'PAYMENT',
  'PHARMACY',
  'VACCINATION',
  'RECORD_LOOKUP',
  'ENTRY',
]

export type Relation = 'PARENT' | 'SPOUSE' | 'CHILD' | 'OTHER'
export const RELATIONS: readonly Relation[] = ['PARENT', 'SPOUSE', 'CHILD', 'OTHER']

export type ProxyPermission = 'SHOW_CODE' | 'BOOK' | 'PAY' | 'READ_RECORDS'
export const PROXY_PERMISSIONS: readonly ProxyPermission[] = ['SHOW_CODE', 'BOOK', 'PAY', 'READ_RECORDS']

export type ProxyStatus = 'PENDING' | 'ACTIVE'
export type ResidentStatus = 'ACTIVE' | 'UNVERIFIED' | 'MERGED'

export type CodeLinkKind = 'INSURANCE_VOUCHER' | 'PAYMENT_ACCOUNT'
export const CODE_LINK_KINDS: readonly CodeLinkKind[] = ['INSURANCE_VOUCHER', 'PAYMENT_ACCOUNT']

export type DocumentType =
  | 'BIRTH_CERTIFICATE'
  | 'PASSPORT'
  | 'HK_MACAO_PERMIT'
  | 'TAIWAN_PERMIT'
  | 'INSURANCE_NUMBER'
  | 'MRN'
export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'BIRTH_CERTIFICATE',
  'PASSPORT',
  'HK_MACAO_PERMIT',
  'TAIWAN_PERMIT',
  'INSURANCE_NUMBER',
  'MRN',
]

/** Staff roles that may verify a health code (every role but residents, auditors and institutions' system accounts). */
export const CODE_VERIFIER_ROLES: readonly Role[] = ROLES.filter(
  (r) => r !== 'RESIDENT' && r !== 'AUDITOR' && r !== 'INSTITUTION_SYSTEM',
)

/** Body of POST /api/v1/residents/register (public). */
export interface ResidentRegistration {
  idNumber: string
  name: string
  phone: string
  password: string
}

export interface RegistrationPending {
  residentId: string
  status: 'PENDING_PHONE' | string
  phoneMasked: string
  codeExpiresAt: string
}

/** GET /api/v1/me/resident */
export interface MyResident {
  residentId: string
  name: string
  sex: Sex | string
  birthDate: string
  age: number
  idNumberMasked: string
  phoneMasked?: string | null
  address?: string | null
  verified: boolean
  staticCodeIssuedAt?: string | null
}

/** GET /api/v1/me/health-code and /api/v1/residents/{id}/health-code */
export interface HealthCode {
  residentId: string
  token: string
  expiresAt: string
  refreshSeconds: number
  qrPng: string
  issuer: string
  kid: string
}

export interface CodeScan {
  scanId: string
  scene: Scene | string
  organizationName?: string | null
  terminalId?: string | null
  scannedAt: string
  outcome: 'ACCEPTED' | 'REFUSED' | string
  reason?: string | null
  actingForName?: string | null
}

/** A family proxy binding as either side sees it: the other person, the relation and what the proxy may do. */
export interface ProxyBinding {
  proxyId: string
  residentId: string
  name: string
  relation: Relation | string
  status: ProxyStatus | string
  permissions: (ProxyPermission | string)[]
  createdAt: string
  confirmedAt?: string | null
}

/** A relative I act for. */
export interface Relative extends ProxyBinding {
  minor: boolean
}

/** Someone who acts for me (the same binding, seen from the other side). */
export type ProxyForMe = ProxyBinding

export interface RelativesPage {
  items: Relative[]
  max: number
}

export interface NewRelative {
  idNumber: string
  name: string
  relation: Relation
  permissions?: ProxyPermission[]
}

export interface StaticCode {
  token: string
  qrPng: string
  issuedAt: string
}

export interface CodeLink {
  kind: CodeLinkKind | string
  referenceMasked: string
  linkedAt?: string | null
}

export interface VerifyRequest {
  token: string
  scene: Scene
  pin?: string
  terminalId?: string
}

export interface VerifyResult {
  valid: boolean
  scanId: string
  residentId: string
  maskedName: string
  maskedIdNumber: string
  sex?: Sex | string | null
  age?: number | null
  codeType: 'DYNAMIC' | 'STATIC' | string
  issuer: string
  kid: string
  expiresAt?: string | null
  links?: { kind: CodeLinkKind | string; referenceMasked: string }[]
}

export type KeyStatus = 'ACTIVE' | 'RETIRED' | 'REVOKED'

export interface TrustList {
  issuer: string
  keys: { kid: string; alg: string; x: string; region: string; status: KeyStatus | string; createdAt: string }[]
  issuedAt: string
}

export interface SigningKey {
  kid: string
  region: string
  status: KeyStatus | string
  createdAt: string
  retiredAt?: string | null
  revokedAt?: string | null
}

export interface TrustedKey {
  kid: string
  region: string
  x: string
  status?: KeyStatus | string | null
  /** When it was added here (the server may name it either way). */
  createdAt?: string | null
  addedAt?: string | null
  addedBy?: string | null
}

/** Body of POST /api/v1/residents (window registration). */
export interface NewResident {
  idNumber: string
  name: string
  phone?: string
  address?: string
  username?: string
  password?: string
}

/** A resident as staff see it (masked). */
export interface ResidentSummary {
  residentId: string
  name: string
  sex?: Sex | string | null
  birthDate?: string | null
  idNumberMasked?: string | null
  phoneMasked?: string | null
  address?: string | null
}

/** A row of GET /api/v1/residents (staff search). */
export interface ResidentRow extends ResidentSummary {
  status: ResidentStatus | string
  hasAccount: boolean
}

export interface NewProxyBinding {
  proxyResidentId: string
  relativeResidentId: string
  relation: Relation
  permissions?: ProxyPermission[]
}

export interface IdentityDocument {
  type: DocumentType | string
  valueMasked: string
}

/** One record of an EMPI review. */
export interface ReviewSide extends ResidentSummary {
  status?: ResidentStatus | string | null
  documents?: IdentityDocument[]
}

export type Agreement = 'AGREE' | 'PARTIAL' | 'DISAGREE' | 'MISSING'

export interface MatchReview {
  reviewId: string
  score: number
  status: 'OPEN' | 'DECIDED' | string
  createdAt: string
  left: ReviewSide
  right: ReviewSide
  fields: { field: string; left?: string | null; right?: string | null; weight: number; agreement: Agreement | string }[]
  decision?: 'MERGE' | 'KEEP_APART' | string | null
}

export interface MergeDecision {
  decision: 'MERGE' | 'KEEP_APART'
  survivorId?: string
  reason: string
}

export interface MergeRecord {
  mergeId: string
  survivor: { residentId: string; name: string }
  merged: { residentId: string; name: string }
  mergedAt: string
  mergedBy: string
  reason: string
  undoneAt?: string | null
}

export interface ResolveRequest {
  name: string
  sex: Sex
  birthDate: string
  phone?: string
  address?: string
  documents?: { type: DocumentType; value: string; issuer?: string }[]
}

export interface ResolveResult {
  outcome: 'MATCH' | 'POSSIBLE_MATCH' | 'NO_MATCH' | string
  residentId: string
  reviewId?: string | null
  score: number
}

// ---- Scheduling (分时段预约诊疗): slots, appointments, schedules; smart triage (智能导医) ----

export type Period = 'MORNING' | 'AFTERNOON' | 'EVENING'
export const PERIODS: readonly Period[] = ['MORNING', 'AFTERNOON', 'EVENING']

export type RegistrationType = 'GENERAL' | 'EXPERT' | 'SPECIAL'
export const REGISTRATION_TYPES: readonly RegistrationType[] = ['GENERAL', 'EXPERT', 'SPECIAL']

export type Channel = 'APP' | 'WINDOW' | 'PHONE' | 'FAMILY_DOCTOR' | 'REFERRAL'
/** The channels window staff book through. */
export const DESK_CHANNELS: readonly Channel[] = ['WINDOW', 'PHONE']

export type AppointmentStatus = 'BOOKED' | 'CANCELLED' | 'CHECKED_IN' | 'COMPLETED' | 'NO_SHOW' | 'STOPPED'

/** One time slot of GET /api/v1/slots; `fee` in yuan, instants in UTC. */
export interface Slot {
  slotId: string
  start: string
  end: string
  sessionId: string
  period: Period | string
  organizationId: string
  organizationName?: string | null
  organizationLevel?: string | null
  departmentCode: string
  departmentName?: string | null
  practitionerId?: string | null
  practitionerName?: string | null
  practitionerTitle?: string | null
  serviceName?: string | null
  registrationType: RegistrationType | string
  fee: number
  capacity: number
  /** What the caller's channel can take now (0 when not bookable). */
  available: number
  bookable: boolean
  status: 'OPEN' | 'STOPPED' | string
  releasesAt?: string | null
  distanceKm?: number | null
}

export interface SlotQuery {
  date: string
  department?: string
  organizationId?: string
  practitionerId?: string
  level?: string
  lat?: number
  lng?: number
  channel?: Channel
  availableOnly?: boolean
}

export interface SlotList {
  date: string
  channel: Channel | string
  items: Slot[]
}

export interface NewAppointment {
  slotId: string
  residentId?: string
  channel?: Channel
  /** A full slot books the nearest slot of the same session that has a place. */
  nearestInSession?: boolean
}

/** An appointment (no names: organisation, practitioner and department are resolved from the directory). */
export interface Appointment {
  appointmentId: string
  status: AppointmentStatus | string
  slotId: string
  residentId: string
  organizationId: string
  departmentCode: string
  practitionerId?: string | null
  day: string
  start: string
  end: string
  fee: number
  channel: Channel | string
  pool?: string | null
  bookedBy?: string | null
  actingFor?: boolean | null
  createdAt: string
  cancelledAt?: string | null
  cancelReason?: string | null
}

/** A waitlist entry (候补) for a full session; `position` (1-based) while WAITING. */
export type WaitlistStatus = 'WAITING' | 'FILLED' | 'CANCELLED' | 'SKIPPED' | 'EXPIRED'

export interface WaitlistEntry {
  id: string
  sessionId: string
  residentId: string
  channel: Channel | string
  status: WaitlistStatus | string
  /** The booking made for it once FILLED. */
  appointmentId?: string | null
  /** Why it was SKIPPED or EXPIRED (a problem type or a stop reason). */
  note?: string | null
  createdAt: string
  position?: number | null
  sessionStartsAt?: string | null
  organizationId?: string | null
  departmentCode?: string | null
  practitionerId?: string | null
}

/** A weekly schedule template (排班); `start`/`end` as "HH:mm[:ss]", `fee` in yuan. */
export interface ScheduleTemplate {
  id: string
  organizationId: string
  departmentCode: string
  practitionerId?: string | null
  serviceName?: string | null
  /** 1 = Monday … 7 = Sunday. */
  dayOfWeek: number
  period: Period | string
  start: string
  end: string
  slotMinutes: number
  slotCapacity: number
  registrationType: RegistrationType | string
  fee: number
  poolShares: string
  active: boolean
}

/** Body of POST /api/v1/schedules/templates; optional fields are left out when empty. */
export interface NewScheduleTemplate {
  organizationId?: string
  departmentCode: string
  practitionerId?: string
  serviceName?: string
  dayOfWeek: number
  period: Period
  start: string
  end: string
  slotMinutes: number
  slotCapacity: number
  registrationType: RegistrationType
  fee: number
  poolShares?: string
}

/** A holiday (no practitioner) or a practitioner's leave (停诊/休假). */
export interface ScheduleException {
  id: string
  organizationId: string
  practitionerId?: string | null
  day: string
  reason: string
}

/** A dated session (出诊) with its places, bookings and waitlist, as the scheduler manages it. */
export interface ScheduleSession {
  id: string
  organizationId: string
  departmentCode: string
  practitionerId?: string | null
  practitionerName?: string | null
  serviceName?: string | null
  day: string
  period: Period
  startsAt: string
  endsAt: string
  status: 'OPEN' | 'STOPPED'
  stopReason?: string | null
  capacity: number
  booked: number
  /** Residents on the waitlist (not the queue). */
  waiting: number
  room?: string | null
}

export interface NewScheduleException {
  organizationId?: string
  practitionerId?: string
  day: string
  reason: string
}

export type TriageSex = 'M' | 'F'

export interface TriageRequest {
  text: string
  age?: number
  sex?: TriageSex
}

/** A reason or a symptom of a triage answer: a plain text, or an object with a (localised) name. */
export type TriageTerm = string | { kind?: string; code?: string; name?: string; text?: string; weight?: number }

export interface TriageDepartment {
  code: string
  /** The standard department name (诊疗科目), as the directory has it. */
  name: string
  /** The name in the caller's language, when the server sends one. */
  displayName?: string | null
  /** 0–1, best first. */
  score: number
  specialties?: { code: string; name: string }[] | null
  /** Why it is recommended: symptoms (SYMPTOM), red flags (RED_FLAG), adjustments such as age (ADJUSTMENT). */
  reasons: TriageTerm[]
}

export interface TriageRedFlag {
  code: string
  name: string
  advice?: string | null
  hotline?: string | null
}

export interface TriageResult {
  redFlag: boolean
  advice?: string | null
  departments: TriageDepartment[]
  /** Terms found in the text: symptoms (kind SYMPTOM) and context about the patient (kind CONTEXT, e.g. 孩子). */
  matchedSymptoms?: TriageTerm[]
  /** Symptoms the text says are absent (不发烧). */
  negatedSymptoms?: TriageTerm[] | null
  redFlags?: TriageRedFlag[]
  disclaimer?: string | null
}

// ---- Check-in and the waiting queue (候诊叫号) ----

/** Who goes ahead: elderly (70+), disabled, same-day revisit, a skipped patient who came back (过号重排). */
export type QueuePriority = 'NORMAL' | 'ELDERLY' | 'DISABLED' | 'REVISIT' | 'RECALLED'
export type TicketStatus = 'WAITING' | 'CALLED' | 'DONE' | 'SKIPPED'

/** A queue ticket; `residentName` is masked, `ahead` counts the waiting tickets before a WAITING one. */
export interface QueueTicket {
  id: string
  sessionId: string
  appointmentId: string
  residentId: string
  residentName?: string | null
  number: number
  priority: QueuePriority | string
  status: TicketStatus | string
  ahead: number
  checkedInAt: string
  calledAt?: string | null
  room?: string | null
  slotStart?: string | null
  practitionerId?: string | null
  departmentCode?: string | null
  organizationId?: string | null
}

/** Body of POST /api/v1/check-in: a health code (and PIN of a static code), or an appointment id. */
export interface CheckInRequest {
  healthCode?: string
  pin?: string
  terminalId?: string
  appointmentId?: string
  disabled?: boolean
}

// ---- Health records (健康档案调阅): one lifelong record, shared with consent ----

export type RecordKind =
  | 'VISIT'
  | 'DIAGNOSIS'
  | 'LAB'
  | 'VITAL'
  | 'IMAGING'
  | 'REPORT'
  | 'MEDICATION'
  | 'IMMUNIZATION'
  | 'ALLERGY'
  | 'PROCEDURE'
  | 'CARE_PLAN'
  | 'DOCUMENT'
  | 'OTHER'
export const RECORD_KINDS: readonly RecordKind[] = [
  'VISIT',
  'DIAGNOSIS',
  'LAB',
  'VITAL',
  'IMAGING',
  'REPORT',
  'MEDICATION',
  'IMMUNIZATION',
  'ALLERGY',
  'PROCEDURE',
  'CARE_PLAN',
  'DOCUMENT',
  'OTHER',
]

/** Sensitive categories (all but GENERAL) are shared only when chosen explicitly; none given means [GENERAL]. */
export type ConsentCategory = 'GENERAL' | 'MENTAL_HEALTH' | 'REPRODUCTIVE_HEALTH' | 'HIV'
export const CONSENT_CATEGORIES: readonly ConsentCategory[] = ['GENERAL', 'MENTAL_HEALTH', 'REPRODUCTIVE_HEALTH', 'HIV']
export const SENSITIVE_CATEGORIES: readonly ConsentCategory[] = ['MENTAL_HEALTH', 'REPRODUCTIVE_HEALTH', 'HIV']

/** Why someone may read a record: the person themself, a proxy, a care relationship, consent, emergency, the sender. */
export type AccessBasis = 'SELF' | 'PROXY' | 'CARE_RELATIONSHIP' | 'CONSENT' | 'BREAK_GLASS' | 'SOURCE'
/** The purpose of a read, as the access log records it. */
export type RecordPurpose = 'SELF' | 'PROXY' | 'TREATMENT' | 'EMERGENCY' | 'INGEST'

/** H high, L low, A abnormal, N normal. */
export type RecordFlag = 'H' | 'L' | 'A' | 'N'

/** GET /api/v1/records/{residentId}/summary */
export interface RecordSummary {
  residentId: string
  name: string
  counts: Partial<Record<RecordKind | string, number>>
  organizations: { id: string; name: string }[]
  first?: string | null
  last?: string | null
}

/** One item of GET /api/v1/records/{residentId}/timeline (newest first). */
export interface RecordItem {
  id: string
  resourceType: string
  kind: RecordKind | string
  date?: string | null
  title: string
  detail?: string | null
  value?: string | null
  unit?: string | null
  flag?: RecordFlag | string | null
  referenceRange?: string | null
  code?: string | null
  organizationId?: string | null
  organizationName?: string | null
  author?: string | null
  category?: ConsentCategory | string | null
  /**
   * Mutual recognition (互认): true when the result is of an active catalogue item, within the item's window, from an
   * institution that passed quality control; clinicians then need not order it again.
   */
  recognised?: boolean | null
}

/** A numeric observation with at least two values (GET /api/v1/records/{residentId}/trends). */
export interface TrendCode {
  code: string
  display: string
  unit?: string | null
  count: number
  last?: string | null
}

export interface TrendPoint {
  date: string
  value: number
  flag?: RecordFlag | string | null
  organizationName?: string | null
}

/** GET /api/v1/records/{residentId}/trends/{code}: the values oldest first, with the reference range. */
export interface TrendDetail {
  code: string
  display: string
  unit?: string | null
  low?: number | null
  high?: number | null
  points: TrendPoint[]
}

export type ExportFormat = 'fhir' | 'pdf'

export type GranteeType = 'ORGANIZATION' | 'PRACTITIONER'
export const GRANTEE_TYPES: readonly GranteeType[] = ['ORGANIZATION', 'PRACTITIONER']
export type ConsentStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED'

/** A consent to share my record (or a relative's) with an organisation or a practitioner. */
export interface Consent {
  consentId: string
  residentId: string
  granteeType: GranteeType | string
  granteeId: string
  granteeName?: string | null
  categories: (ConsentCategory | string)[]
  expiresAt?: string | null
  createdAt: string
  status: ConsentStatus | string
  revokedAt?: string | null
}

/** Body of POST /api/v1/me/consents; `residentId` for a relative I act for. */
export interface NewConsent {
  granteeType: GranteeType
  granteeId: string
  categories?: ConsentCategory[]
  expiresAt?: string
  residentId?: string
}

export type AccessAction = 'READ' | 'SEARCH' | 'EVERYTHING' | 'EXPORT' | 'TIMELINE'

/** Who read my record, when and why (GET /api/v1/me/access-log, newest first). */
export interface AccessLogEntry {
  at: string
  actor: string
  actorName?: string | null
  role?: Role | string | null
  practitionerId?: string | null
  practitionerName?: string | null
  organizationId?: string | null
  organizationName?: string | null
  purpose?: RecordPurpose | string | null
  basis?: AccessBasis | string | null
  action: AccessAction | string
  resourceType?: string | null
  count?: number | null
  outcome: 'SUCCESS' | 'DENIED' | string
}

/** Whether the caller may read a resident's record now, on what basis and until when. */
export interface RecordAccess {
  allowed: boolean
  basis?: AccessBasis | string | null
  until?: string | null
  categories?: (ConsentCategory | string)[]
}

/** A patient as a clinician finds them (GET /api/v1/records/patients). */
export interface RecordPatient {
  residentId: string
  name: string
  sex?: Sex | 'UNKNOWN' | string | null
  birthDate?: string | null
  idNumberMasked?: string | null
  access: Omit<RecordAccess, 'categories'>
}

/** Answer of POST /api/v1/records/{residentId}/break-glass. */
export interface BreakGlassGrant {
  breakGlassId: string
  expiresAt: string
}

export type BreakGlassStatus = 'PENDING' | 'REVIEWED'
export type BreakGlassDecision = 'JUSTIFIED' | 'UNJUSTIFIED'

/** An emergency access (紧急调阅) as the auditor reviews it; `residentName` is masked. */
export interface BreakGlassCase {
  id: string
  residentId: string
  residentName?: string | null
  actor: string
  actorName?: string | null
  organizationName?: string | null
  reason: string
  grantedAt: string
  expiresAt: string
  reads: number
  status: BreakGlassStatus | string
  decision?: BreakGlassDecision | string | null
  reviewNote?: string | null
  reviewedBy?: string | null
  reviewedAt?: string | null
}

/** Body of POST /api/v1/records/break-glass/{id}/review; `note` is required for UNJUSTIFIED. */
export interface BreakGlassReview {
  decision: BreakGlassDecision
  note?: string
}

// ---- Mutual recognition of results (检查检验结果互认) ----

/** What a catalogue item is: a laboratory test or an imaging (or other) examination. */
export type RecognitionKind = 'LAB' | 'IMAGING'
export const RECOGNITION_KINDS: readonly RecognitionKind[] = ['LAB', 'IMAGING']

/** Why a clinician orders an item again although a recognised result exists; OTHER needs a note. */
export type ReorderReason =
  | 'CONDITION_CHANGED'
  | 'RESULT_INCONSISTENT'
  | 'EMERGENCY'
  | 'CRITICAL_DECISION'
  | 'PATIENT_REQUEST'
  | 'OTHER'
export const REORDER_REASONS: readonly ReorderReason[] = [
  'CONDITION_CHANGED',
  'RESULT_INCONSISTENT',
  'EMERGENCY',
  'CRITICAL_DECISION',
  'PATIENT_REQUEST',
  'OTHER',
]

/** An institution's quality-control standing; institutions without one are not assessed (未评估). */
export type QualityStatus = 'PASSED' | 'SUSPENDED' | 'FAILED'
export const QUALITY_STATUSES: readonly QualityStatus[] = ['PASSED', 'SUSPENDED', 'FAILED']

/** An item of the region's recognition catalogue (GET /api/v1/records/recognition/items). */
export interface RecognitionItem {
  id: string
  codeSystem: string
  code: string
  nameZh: string
  nameEn?: string | null
  kind: RecognitionKind | string
  /** How long a result stays usable, in days (1–3650). */
  validityDays: number
  active: boolean
  updatedAt?: string | null
}

/** Body of POST /api/v1/records/recognition/items (PLATFORM_ADMIN); 409 `recognition-item-exists`. */
export interface NewRecognitionItem {
  codeSystem: string
  code: string
  nameZh: string
  nameEn?: string
  kind: RecognitionKind
  validityDays: number
  active?: boolean
}

/** Body of PUT /api/v1/records/recognition/items/{id}: the fields to change (system and code stay). */
export type RecognitionItemChange = Partial<Pick<NewRecognitionItem, 'nameZh' | 'nameEn' | 'kind' | 'validityDays' | 'active'>>

/** The newest recognised result of a catalogue item (GET /api/v1/records/{residentId}/recognised). */
export interface RecognisedResult {
  resourceId: string
  resourceType: string
  /** The catalogue item's code (without its system). */
  code: string
  /** The catalogue item's Chinese name. */
  itemName: string
  kind: RecognitionKind | string
  date: string
  value?: string | null
  unit?: string | null
  flag?: RecordFlag | string | null
  organizationId: string
  organizationName?: string | null
  /** Until when it is usually usable instead of a new test (the date plus the item's window). */
  usableUntil: string
}

/** Body of POST /api/v1/records/{residentId}/reorders (clinicians); `note` is required for OTHER. */
export interface NewReorder {
  code: string
  reason: ReorderReason
  note?: string
}

export interface Reorder {
  id: string
  code: string
  reason: ReorderReason | string
  note?: string | null
  createdAt: string
}

/** An institution's standing (GET /api/v1/records/recognition/institutions); `validUntil` "YYYY-MM-DD". */
export interface InstitutionQuality {
  organizationId: string
  organizationName?: string | null
  status: QualityStatus | string
  validUntil?: string | null
  note?: string | null
  updatedAt?: string | null
}

/** Body of PUT /api/v1/records/recognition/institutions/{organizationId} (PLATFORM_ADMIN). */
export interface QualityChange {
  status: QualityStatus
  validUntil?: string
  note?: string
}
