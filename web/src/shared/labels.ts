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
