import { i18n } from './i18n'
import type { Organization } from './types'

// Labels for API enums, falling back to the raw value for ones this build does not know yet.
const { t, te } = i18n.global

function label(prefix: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const key = `${prefix}.${value}`
  return te(key) ? t(key) : value
}

export const orgTypeLabel = (type: string | null | undefined) => label('orgType', type)
export const kindLabel = (kind: string | null | undefined) => label('kind', kind)
export const roleLabel = (role: string | null | undefined) => label('roles', role)

/** "三级甲等" / "Level 3, Grade A"; empty when the organisation has no level. */
export function levelLabel(org: Pick<Organization, 'level' | 'grade'>): string {
  if (org.level === null || org.level === undefined || org.level === '') return ''
  const level = label('level', String(org.level))
  if (!org.grade) return level
  return t('level.withGrade', { level, grade: label('grade', org.grade) })
}

export const sceneLabel = (v: string | null | undefined) => label('identity.scene', v)
export const relationLabel = (v: string | null | undefined) => label('identity.relation', v)
export const permissionLabel = (v: string | null | undefined) => label('identity.permission', v)
export const proxyStatusLabel = (v: string | null | undefined) => label('identity.proxyStatus', v)
export const residentStatusLabel = (v: string | null | undefined) => label('identity.residentStatus', v)
export const codeLinkLabel = (v: string | null | undefined) => label('identity.codeLink', v)
export const documentTypeLabel = (v: string | null | undefined) => label('identity.document', v)
export const sexLabel = (v: string | null | undefined) => label('identity.sexes', v)
export const scanOutcomeLabel = (v: string | null | undefined) => label('identity.scanOutcome', v)
export const agreementLabel = (v: string | null | undefined) => label('identity.agreement', v)
export const keyStatusLabel = (v: string | null | undefined) => label('identity.keyStatus', v)
export const codeTypeLabel = (v: string | null | undefined) => label('identity.codeType', v)
export const matchOutcomeLabel = (v: string | null | undefined) => label('identity.matchOutcome', v)
export const matchFieldLabel = (v: string | null | undefined) => label('identity.matchField', v)

/** `invalid-health-code` → `invalidHealthCode` (message keys are camelCase). */
const camel = (slug: string) => slug.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

/**
 * Why a health code was refused: the last segment of the problem `type` (`…/problems/expired-health-code`) or a scan's
 * `reason` (`EXPIRED`, `expired-health-code`…), as a short label; the raw value when unknown.
 */
export function refusalLabel(reason: string | null | undefined): string {
  if (!reason) return '—'
  const key = `identity.refusal.${camel(refusalSlug(reason))}`
  return te(key) ? t(key) : reason
}

/** `https://huimin.org/problems/invalid-health-code` → `invalid-health-code`; `EXPIRED` → `expired-health-code`. */
export function refusalSlug(reason: string): string {
  const last = reason.split('/').pop() ?? reason
  const slug = last.toLowerCase().replace(/_/g, '-')
  if (te(`identity.refusal.${camel(slug)}`)) return slug
  const withSuffix = `${slug}-health-code`
  return te(`identity.refusal.${camel(withSuffix)}`) ? withSuffix : slug
}

/** A form label marked as optional: `电话（选填）`. */
export const optional = (label: string) => `${label}${t('common.optional')}`

export const appointmentStatusLabel = (v: string | null | undefined) => label('scheduling.status', v)
export const registrationTypeLabel = (v: string | null | undefined) => label('scheduling.registrationType', v)
export const periodLabel = (v: string | null | undefined) => label('scheduling.period', v)
export const channelLabel = (v: string | null | undefined) => label('scheduling.channel', v)
/** 周一 … 周日 for 1 (Monday) … 7 (Sunday). */
export const weekdayLabel = (v: number | string | null | undefined) =>
  label('scheduling.weekday', v === null || v === undefined ? v : String(v))

/** Tag colour of an appointment status (the same in Vant and Element Plus). */
export function appointmentStatusType(status: string): 'primary' | 'success' | 'warning' | 'danger' {
  switch (status) {
    case 'BOOKED':
      return 'primary'
    case 'CHECKED_IN':
    case 'COMPLETED':
      return 'success'
    case 'STOPPED':
    case 'NO_SHOW':
      return 'danger'
    default:
      return 'warning'
  }
}

export const queuePriorityLabel = (v: string | null | undefined) => label('queue.priority', v)
export const ticketStatusLabel = (v: string | null | undefined) => label('queue.ticketStatus', v)

/** Tag colour of a queue ticket's status (console). */
export function ticketStatusType(status: string): 'primary' | 'success' | 'warning' | 'info' {
  switch (status) {
    case 'CALLED':
      return 'success'
    case 'SKIPPED':
      return 'warning'
    case 'DONE':
      return 'info'
    default:
      return 'primary'
  }
}

/** Tag colour of a queue priority (null: an ordinary ticket, shown without a tag). */
export function queuePriorityType(priority: string): 'danger' | 'warning' | 'primary' | null {
  switch (priority) {
    case 'ELDERLY':
    case 'DISABLED':
      return 'danger'
    case 'RECALLED':
      return 'warning'
    case 'NORMAL':
      return null
    default:
      return 'primary'
  }
}

/** A queue ticket's status in the resident's words (请就诊 rather than 已叫号). */
export const myQueueStatusLabel = (v: string | null | undefined) => label('myQueue.status', v)
export const waitlistStatusLabel = (v: string | null | undefined) => label('waitlist.status', v)

/** Tag colour of the resident's queue ticket (Vant tag types). */
export function myQueueStatusType(status: string): 'primary' | 'success' | 'warning' | 'danger' {
  switch (status) {
    case 'CALLED':
      return 'success'
    case 'SKIPPED':
      return 'danger'
    case 'WAITING':
      return 'primary'
    default:
      return 'warning'
  }
}

/** Tag colour of a waitlist entry's status. */
export function waitlistStatusType(status: string): 'primary' | 'success' | 'warning' | 'danger' {
  switch (status) {
    case 'WAITING':
      return 'primary'
    case 'FILLED':
      return 'success'
    case 'SKIPPED':
    case 'EXPIRED':
      return 'danger'
    default:
      return 'warning'
  }
}

// ---- health records (健康档案调阅) ----

export const recordKindLabel = (v: string | null | undefined) => label('records.kind', v)
export const consentCategoryLabel = (v: string | null | undefined) => label('records.category', v)
export const accessBasisLabel = (v: string | null | undefined) => label('records.basis', v)
export const purposeLabel = (v: string | null | undefined) => label('records.purpose', v)
export const accessActionLabel = (v: string | null | undefined) => label('records.action', v)
export const resourceTypeLabel = (v: string | null | undefined) => label('records.resourceType', v)
export const accessOutcomeLabel = (v: string | null | undefined) => label('records.outcome', v)
export const consentStatusLabel = (v: string | null | undefined) => label('records.consentStatus', v)
export const granteeTypeLabel = (v: string | null | undefined) => label('records.granteeType', v)
export const breakGlassStatusLabel = (v: string | null | undefined) => label('breakGlass.status', v)
export const breakGlassDecisionLabel = (v: string | null | undefined) => label('breakGlass.decision', v)

/** A result flag in words (偏高, 偏低, 异常, 正常): never colour alone. */
export const flagLabel = (v: string | null | undefined) => label('records.flag', v)

/** Whether a result flag marks it out of range (H, L, A). */
export const isAbnormal = (flag: string | null | undefined): boolean => !!flag && flag !== 'N'

/** Tag colour of a result flag (the same in Vant and Element Plus). */
export function flagType(flag: string | null | undefined): 'danger' | 'warning' | 'success' | 'primary' {
  switch (flag) {
    case 'H':
    case 'A':
      return 'danger'
    case 'L':
      return 'warning'
    case 'N':
      return 'success'
    default:
      return 'primary'
  }
}

/** Tag colour of an access basis: break-glass stands out. */
export function accessBasisType(basis: string | null | undefined): 'danger' | 'success' | 'primary' | 'warning' {
  switch (basis) {
    case 'BREAK_GLASS':
      return 'danger'
    case 'CARE_RELATIONSHIP':
      return 'success'
    case 'CONSENT':
      return 'primary'
    default:
      return 'warning'
  }
}

// ---- mutual recognition of results (检查检验结果互认) ----

export const recognitionKindLabel = (v: string | null | undefined) => label('recognition.kind', v)
export const reorderReasonLabel = (v: string | null | undefined) => label('recognition.reason', v)
/** An institution's quality-control standing in words; none (no row) is 未评估. */
export const qualityStatusLabel = (v: string | null | undefined) => label('recognition.status', v || 'NONE')

/** Tag colour of a quality-control standing (the words say it too). */
export function qualityStatusType(status: string | null | undefined): 'success' | 'warning' | 'danger' | 'info' {
  switch (status) {
    case 'PASSED':
      return 'success'
    case 'SUSPENDED':
      return 'warning'
    case 'FAILED':
      return 'danger'
    default:
      return 'info'
  }
}
