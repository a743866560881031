// Typed calls of the Huimin REST API, one function per endpoint the web apps use.
import { api } from './api'
import type {
  Account,
  AuditEntry,
  AuditVerification,
  DevSms,
  LoginResponse,
  Me,
  NewOrganization,
  NewStaffAccount,
  NotificationPage,
  Organization,
  OrganizationDetail,
  Page,
  Practitioner,
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
}

export const directoryApi = {
  organizations: (query: OrganizationQuery, signal?: AbortSignal) =>
    api.get<Page<Organization>>(`${V1}/directory/organizations`, { query: { ...query }, signal, auth: false }),
  organization: (id: string) =>
    api.get<OrganizationDetail>(`${V1}/directory/organizations/${encodeURIComponent(id)}`, { auth: false }),
  practitioners: (query: PractitionerQuery, signal?: AbortSignal) =>
    api.get<Page<Practitioner>>(`${V1}/directory/practitioners`, { query: { ...query }, signal, auth: false }),
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
