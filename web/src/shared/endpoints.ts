// Typed calls of the Huimin REST API, one function per endpoint the web apps use.
import { api, type DownloadedFile } from './api'
import type {
  AccessLogEntry,
  Account,
  InstitutionQuality,
  NewRecognitionItem,
  NewReorder,
  QualityChange,
  RecognisedResult,
  RecognitionItem,
  RecognitionItemChange,
  Reorder,
  Appointment,
  BreakGlassCase,
  BreakGlassGrant,
  BreakGlassReview,
  BreakGlassStatus,
  Consent,
  ExportFormat,
  NewConsent,
  RecordAccess,
  RecordItem,
  RecordKind,
  RecordPatient,
  RecordSummary,
  TrendCode,
  TrendDetail,
  AuditEntry,
  CheckInRequest,
  AuditVerification,
  CodeLink,
  CodeLinkKind,
  CodeScan,
  Department,
  DevSms,
  HealthCode,
  LoginResponse,
  MatchReview,
  Me,
  MergeDecision,
  MergeRecord,
  MyResident,
  NewOrganization,
  NewProxyBinding,
  NewAppointment,
  NewRelative,
  NewResident,
  NewScheduleException,
  NewScheduleTemplate,
  NewStaffAccount,
  NotificationPage,
  Organization,
  OrganizationDetail,
  Page,
  Practitioner,
  ProxyForMe,
  QueueTicket,
  RegistrationPending,
  RelativesPage,
  ResidentRegistration,
  ResidentRow,
  ResolveRequest,
  ResolveResult,
  ScheduleException,
  ScheduleSession,
  ScheduleTemplate,
  SigningKey,
  SlotList,
  SlotQuery,
  StaticCode,
  TriageRequest,
  TriageResult,
  TrustedKey,
  TrustList,
  VerifyRequest,
  VerifyResult,
  WaitlistEntry,
} from './types'

const V1 = '/api/v1'

export interface PageQuery {
  page?: number
  size?: number
}

export const authApi = {
  login: (username: string, password: string) =>
    api.post<LoginResponse>(`${V1}/auth/login`, { username, password }, { auth: false }),
  logout: () => api.post<void>(`${V1}/auth/logout`),
  me: () => api.get<Me>(`${V1}/me`),
}

export interface OrganizationQuery extends PageQuery {
  q?: string
  type?: string
  level?: string
}

export interface PractitionerQuery extends PageQuery {
  q?: string
  kind?: string
  organizationId?: string
  departmentCode?: string
}

export const directoryApi = {
  organizations: (query: OrganizationQuery, signal?: AbortSignal) =>
    api.get<Page<Organization>>(`${V1}/directory/organizations`, { query: { ...query }, signal, auth: false }),
  organization: (id: string) =>
    api.get<OrganizationDetail>(`${V1}/directory/organizations/${encodeURIComponent(id)}`, { auth: false }),
  practitioners: (query: PractitionerQuery, signal?: AbortSignal) =>
    api.get<Page<Practitioner>>(`${V1}/directory/practitioners`, { query: { ...query }, signal, auth: false }),
  practitioner: (id: string) =>
    api.get<Practitioner>(`${V1}/directory/practitioners/${encodeURIComponent(id)}`, { auth: false }),
  /** The standard department codes (诊疗科目). */
  departmentCodes: () => api.get<Department[]>(`${V1}/directory/department-codes`, { auth: false }),
  /** PLATFORM_ADMIN only. */
  createOrganization: (body: NewOrganization) => api.post<{ id: string }>(`${V1}/directory/organizations`, body),
}

export const notificationApi = {
  list: (query: PageQuery) => api.get<NotificationPage>(`${V1}/notifications`, { query: { ...query } }),
  markRead: (id: string) => api.post<void>(`${V1}/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<void>(`${V1}/notifications/read-all`),
  streamPath: `${V1}/notifications/stream`,
  devSms: (query: PageQuery) => api.get<Page<DevSms>>(`${V1}/notifications/dev/sms`, { query: { ...query } }),
}

export interface AuditQuery extends PageQuery {
  actor?: string
  action?: string
  outcome?: string
  from?: string
  to?: string
}

export const auditApi = {
  verify: () => api.get<AuditVerification>(`${V1}/audit/verify`),
  entries: (query: AuditQuery) => api.get<Page<AuditEntry>>(`${V1}/audit/entries`, { query: { ...query } }),
}

export const adminApi = {
  accounts: (query: PageQuery & { q?: string }) =>
    api.get<Page<Account>>(`${V1}/admin/accounts`, { query: { ...query } }),
  createAccount: (body: NewStaffAccount) => api.post<{ id: string }>(`${V1}/admin/accounts`, body),
  unlock: (id: string) => api.post<void>(`${V1}/admin/accounts/${encodeURIComponent(id)}/unlock`),
}

const id = (value: string) => encodeURIComponent(value)

/** A list answer as `{items: [...]}` or as a bare array. */
async function itemsOf<T>(call: Promise<{ items?: T[] } | T[]>): Promise<T[]> {
  const res = await call
  return Array.isArray(res) ? res : (res?.items ?? [])
}

/** Real-name self-registration (public: no token is sent). */
export const registrationApi = {
  register: (body: ResidentRegistration) =>
    api.post<RegistrationPending>(`${V1}/residents/register`, body, { auth: false }),
  confirm: (residentId: string, code: string) =>
    api.post<{ residentId: string; status: string }>(`${V1}/residents/register/confirm`, { residentId, code }, { auth: false }),
  resend: (residentId: string) =>
    api.post<{ codeExpiresAt: string }>(`${V1}/residents/register/resend`, { residentId }, { auth: false }),
}

/** The signed-in resident's own identity, health code, family proxies and code links. */
export const meApi = {
  resident: () => api.get<MyResident>(`${V1}/me/resident`),
  healthCode: () => api.get<HealthCode>(`${V1}/me/health-code`),
  /** The code of a relative I am a confirmed proxy for (403 otherwise). */
  relativeHealthCode: (residentId: string) => api.get<HealthCode>(`${V1}/residents/${id(residentId)}/health-code`),
  /** My scans, or a relative's when `residentId` is given. */
  scans: (residentId: string | null | undefined, query: PageQuery, signal?: AbortSignal) =>
    api.get<Page<CodeScan>>(
      residentId ? `${V1}/residents/${id(residentId)}/health-code/scans` : `${V1}/me/health-code/scans`,
      { query: { ...query }, signal },
    ),
  relatives: () => api.get<RelativesPage>(`${V1}/me/relatives`),
  addRelative: (body: NewRelative) => api.post<{ proxyId: string; status: string }>(`${V1}/me/relatives`, body),
  removeRelative: (proxyId: string) => api.delete<void>(`${V1}/me/relatives/${id(proxyId)}`),
  proxies: () => itemsOf(api.get<{ items: ProxyForMe[] }>(`${V1}/me/proxies`)),
  acceptProxy: (proxyId: string) => api.post<void>(`${V1}/me/proxies/${id(proxyId)}/accept`),
  declineProxy: (proxyId: string) => api.post<void>(`${V1}/me/proxies/${id(proxyId)}/decline`),
  revokeProxy: (proxyId: string) => api.delete<void>(`${V1}/me/proxies/${id(proxyId)}`),
  issueStaticCode: (pin: string) => api.post<StaticCode>(`${V1}/me/static-code`, { pin }),
  codeLinks: () => itemsOf(api.get<{ items: CodeLink[] }>(`${V1}/me/code-links`)),
  link: (kind: CodeLinkKind, reference: string) => api.put<CodeLink>(`${V1}/me/code-links/${id(kind)}`, { reference }),
  unlink: (kind: CodeLinkKind) => api.delete<void>(`${V1}/me/code-links/${id(kind)}`),
}

export const healthCodeApi = {
  /** Any staff role; refusals are problems whose `type` names the reason. */
  verify: (body: VerifyRequest) => api.post<VerifyResult>(`${V1}/health-codes/verify`, body),
  trustListPath: `${V1}/health-codes/trust-list`,
  trustList: () => api.get<TrustList>(`${V1}/health-codes/trust-list`, { auth: false }),
}

/** Window registration (CLERK, NURSE, PLATFORM_ADMIN). */
export const windowApi = {
  search: (query: PageQuery & { q?: string }) => api.get<Page<ResidentRow>>(`${V1}/residents`, { query: { ...query } }),
  register: (body: NewResident) => api.post<{ residentId: string }>(`${V1}/residents`, body),
  issueStaticCode: (residentId: string, pin: string) =>
    api.post<StaticCode>(`${V1}/residents/${id(residentId)}/static-code`, { pin }),
  bindProxy: (body: NewProxyBinding) => api.post<{ proxyId: string; status: string }>(`${V1}/proxies`, body),
}

/** Master-index review queue and merges (CLERK, PLATFORM_ADMIN). */
export const empiApi = {
  reviews: (query: PageQuery & { status?: string }) =>
    api.get<Page<MatchReview>>(`${V1}/empi/reviews`, { query: { ...query } }),
  decide: (reviewId: string, body: MergeDecision) => api.post<void>(`${V1}/empi/reviews/${id(reviewId)}/decision`, body),
  merges: (query: PageQuery) => api.get<Page<MergeRecord>>(`${V1}/empi/merges`, { query: { ...query } }),
  undo: (mergeId: string, reason: string) => api.post<void>(`${V1}/empi/merges/${id(mergeId)}/undo`, { reason }),
  resolve: (body: ResolveRequest) => api.post<ResolveResult>(`${V1}/empi/resolve`, body),
}

/** This region's signing keys and other regions' trusted keys (PLATFORM_ADMIN). */
export const codeKeysApi = {
  keys: () => itemsOf(api.get<{ items: SigningKey[] }>(`${V1}/admin/health-codes/keys`)),
  rotate: () => api.post<{ kid: string }>(`${V1}/admin/health-codes/keys/rotate`),
  revoke: (kid: string, reason: string) => api.post<void>(`${V1}/admin/health-codes/keys/${id(kid)}/revoke`, { reason }),
  trusted: () => itemsOf(api.get<{ items: TrustedKey[] }>(`${V1}/admin/health-codes/trusted-keys`)),
  addTrusted: (body: { kid: string; region: string; x: string }) =>
    api.post<TrustedKey>(`${V1}/admin/health-codes/trusted-keys`, body),
  removeTrusted: (kid: string) => api.delete<void>(`${V1}/admin/health-codes/trusted-keys/${id(kid)}`),
}

/** Time slots and appointments (分时段预约): residents and proxies (APP), window staff (WINDOW, PHONE). */
export const bookingApi = {
  slots: (query: SlotQuery, signal?: AbortSignal) => api.get<SlotList>(`${V1}/slots`, { query: { ...query }, signal }),
  /** `idempotencyKey`: the same key for retries of one confirmation returns the same appointment. */
  book: (body: NewAppointment, idempotencyKey: string) =>
    api.post<Appointment>(`${V1}/appointments`, body, { headers: { 'Idempotency-Key': idempotencyKey } }),
  get: (appointmentId: string) => api.get<Appointment>(`${V1}/appointments/${id(appointmentId)}`),
  cancel: (appointmentId: string, reason?: string) =>
    api.post<Appointment>(`${V1}/appointments/${id(appointmentId)}/cancel`, reason ? { reason } : {}),
  /** My appointments, or a resident's (a proxy with BOOK, or window staff) when `residentId` is given. */
  list: (residentId: string | null | undefined, activeOnly: boolean) =>
    itemsOf(
      api.get<{ items: Appointment[] }>(
        residentId ? `${V1}/residents/${id(residentId)}/appointments` : `${V1}/me/appointments`,
        { query: { activeOnly } },
      ),
    ),
}

/** Waitlist (候补) of full sessions: mine, or a relative's I may book for when `residentId` is given. */
export const waitlistApi = {
  /** 409 `places-available` while a place can be booked directly, 409 `already-waiting`. */
  join: (sessionId: string, residentId?: string | null) =>
    api.post<WaitlistEntry>(`${V1}/waitlist`, residentId ? { sessionId, residentId } : { sessionId }),
  leave: (entryId: string) => api.post<WaitlistEntry>(`${V1}/waitlist/${id(entryId)}/leave`),
  list: (residentId: string | null | undefined) =>
    itemsOf(api.get<{ items: WaitlistEntry[] }>(residentId ? `${V1}/residents/${id(residentId)}/waitlist` : `${V1}/me/waitlist`)),
}

/** Weekly templates and days off (SCHEDULER for their organisation, PLATFORM_ADMIN for any). */
export const scheduleApi = {
  templates: (organizationId?: string) =>
    itemsOf(api.get<{ items: ScheduleTemplate[] }>(`${V1}/schedules/templates`, { query: { organizationId } })),
  addTemplate: (body: NewScheduleTemplate) => api.post<ScheduleTemplate>(`${V1}/schedules/templates`, body),
  deactivateTemplate: (templateId: string) => api.post<void>(`${V1}/schedules/templates/${id(templateId)}/deactivate`),
  exceptions: (query: { organizationId?: string; from?: string; to?: string }) =>
    itemsOf(api.get<{ items: ScheduleException[] }>(`${V1}/schedules/exceptions`, { query: { ...query } })),
  addException: (body: NewScheduleException) => api.post<ScheduleException>(`${V1}/schedules/exceptions`, body),
  /** The sessions of a day at the caller's organisation (schedulers; nurses and clinicians pick one for the queue). */
  sessions: (query: { organizationId?: string; date: string; department?: string }) =>
    itemsOf(api.get<{ items: ScheduleSession[] }>(`${V1}/schedules/sessions`, { query: { ...query } })),
  /** Stop-service (停诊): every booking ends, each resident is told with slots to rebook. */
  stopSession: (sessionId: string, reason: string) =>
    api.post<ScheduleSession>(`${V1}/schedules/sessions/${id(sessionId)}/stop`, { reason }),
}

/** Check-in and the waiting queue (候诊叫号): nurses, schedulers and clinicians of the organisation; `mine` residents. */
export const queueApi = {
  /** Problems: 404 `no-booking-today`, 409 `not-checkin-able`, health-code refusals (`pin-required`…). */
  checkIn: (body: CheckInRequest) => api.post<QueueTicket>(`${V1}/check-in`, body),
  /** The session's queue in calling order (the called patient first). */
  session: (sessionId: string) => itemsOf(api.get<{ items: QueueTicket[] }>(`${V1}/queue/sessions/${id(sessionId)}`)),
  /** The called patient is done; the next waiting one is called. Answers the queue. */
  next: (sessionId: string) => itemsOf(api.post<{ items: QueueTicket[] }>(`${V1}/queue/sessions/${id(sessionId)}/next`)),
  skip: (ticketId: string) => itemsOf(api.post<{ items: QueueTicket[] }>(`${V1}/queue/tickets/${id(ticketId)}/skip`)),
  recall: (ticketId: string) => itemsOf(api.post<{ items: QueueTicket[] }>(`${V1}/queue/tickets/${id(ticketId)}/recall`)),
  /** The resident's own tickets of today (after check-in), with the people ahead and the room. */
  mine: () => itemsOf(api.get<{ items: QueueTicket[] }>(`${V1}/me/queue`)),
}

/** Smart triage (智能导医): free text, optional age and sex, ranked departments and red flags. */
export const triageApi = {
  assess: (body: TriageRequest) => api.post<TriageResult>(`${V1}/triage`, body),
}

/**
 * The lifelong health record (健康档案调阅): the same calls for the resident (their own or a relative's with
 * READ_RECORDS) and for clinicians (with a care relationship, consent or break-glass; 403 problem otherwise).
 */
export const recordsApi = {
  summary: (residentId: string, signal?: AbortSignal) =>
    api.get<RecordSummary>(`${V1}/records/${id(residentId)}/summary`, { signal }),
  /** Newest first; every kind when `kind` is left out. */
  timeline: (residentId: string, query: PageQuery & { kind?: RecordKind | string }, signal?: AbortSignal) =>
    api.get<Page<RecordItem>>(`${V1}/records/${id(residentId)}/timeline`, { query: { ...query }, signal }),
  /** Numeric observations with two values or more. */
  trends: (residentId: string) => itemsOf(api.get<{ items: TrendCode[] }>(`${V1}/records/${id(residentId)}/trends`)),
  /** One observation's values, oldest first, with its reference range. */
  trend: (residentId: string, code: string) =>
    api.get<TrendDetail>(`${V1}/records/${id(residentId)}/trends/${id(code)}`),
  /** The whole record as a FHIR Bundle (application/fhir+json) or a PDF. */
  export: (residentId: string, format: ExportFormat): Promise<DownloadedFile> =>
    api.download(`${V1}/records/${id(residentId)}/export`, {
      query: { format },
      accept: format === 'pdf' ? 'application/pdf' : 'application/fhir+json, application/json',
    }),

  // ---- clinicians (CLINICIAN, FAMILY_DOCTOR) ----
  /** By ID number (exact) or name; without `q` the patients the caller may read now. */
  patients: (q?: string) => itemsOf(api.get<{ items: RecordPatient[] }>(`${V1}/records/patients`, { query: { q } })),
  access: (residentId: string) => api.get<RecordAccess>(`${V1}/records/${id(residentId)}/access`),
  /** Emergency access (紧急调阅): time-limited, audited, reviewed by the institution's auditor. */
  breakGlass: (residentId: string, reason: string) =>
    api.post<BreakGlassGrant>(`${V1}/records/${id(residentId)}/break-glass`, { reason }),

  // ---- mutual recognition (互认) ----
  /**
   * The newest recognised result per catalogue item: of the items given (`system|code` or a bare code), or of every
   * item when none are. Anyone who may read the record (403 otherwise).
   */
  recognised: (residentId: string, codes: readonly string[] = []) =>
    itemsOf(api.get<{ items: RecognisedResult[] }>(`${V1}/records/${id(residentId)}/recognised`, { query: { code: codes } })),
  /** Clinicians: order an item again despite a recognised result, with the reason (a note for OTHER); audited. */
  reorder: (residentId: string, body: NewReorder) => api.post<Reorder>(`${V1}/records/${id(residentId)}/reorders`, body),

  // ---- auditors ----
  breakGlassCases: (query: PageQuery & { status?: BreakGlassStatus }) =>
    api.get<Page<BreakGlassCase>>(`${V1}/records/break-glass`, { query: { ...query } }),
  review: (caseId: string, body: BreakGlassReview) =>
    api.post<BreakGlassCase>(`${V1}/records/break-glass/${id(caseId)}/review`, body),
}

/** My consents and who read my record; a relative's I act for (READ_RECORDS) when `residentId` is given. */
export const consentApi = {
  list: (residentId: string | null | undefined) =>
    itemsOf(api.get<{ items: Consent[] }>(`${V1}/me/consents`, { query: { residentId } })),
  grant: (body: NewConsent) => api.post<Consent>(`${V1}/me/consents`, body),
  revoke: (consentId: string) => api.delete<void>(`${V1}/me/consents/${id(consentId)}`),
  accessLog: (residentId: string | null | undefined, query: PageQuery, signal?: AbortSignal) =>
    api.get<Page<AccessLogEntry>>(`${V1}/me/access-log`, { query: { ...query, residentId }, signal }),
}

/** The recognition catalogue and institutions' quality-control standing (互认): everyone reads, PLATFORM_ADMIN writes. */
export const recognitionApi = {
  items: (activeOnly: boolean) =>
    itemsOf(api.get<{ items: RecognitionItem[] }>(`${V1}/records/recognition/items`, { query: { activeOnly } })),
  /** 409 `recognition-item-exists` when the system and code are listed already. */
  addItem: (body: NewRecognitionItem) => api.post<RecognitionItem>(`${V1}/records/recognition/items`, body),
  updateItem: (itemId: string, body: RecognitionItemChange) =>
    api.put<RecognitionItem>(`${V1}/records/recognition/items/${id(itemId)}`, body),
  /** Only institutions that have a standing; the others are not assessed. */
  institutions: () => itemsOf(api.get<{ items: InstitutionQuality[] }>(`${V1}/records/recognition/institutions`)),
  /** 404 for an unknown organisation. */
  setInstitution: (organizationId: string, body: QualityChange) =>
    api.put<InstitutionQuality>(`${V1}/records/recognition/institutions/${id(organizationId)}`, body),
}
