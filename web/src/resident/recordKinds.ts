import type { RecordKind } from '@/shared/types'

/** The Vant icon of each kind of record entry (the timeline, the filter). */
const ICONS: Record<RecordKind, string> = {
  VISIT: 'manager-o',
  DIAGNOSIS: 'notes-o',
  LAB: 'bar-chart-o',
  VITAL: 'like-o',
  IMAGING: 'photo-o',
  REPORT: 'description-o',
  MEDICATION: 'medal-o',
  IMMUNIZATION: 'shield-o',
  ALLERGY: 'warning-o',
  PROCEDURE: 'aim',
  CARE_PLAN: 'todo-list-o',
  DOCUMENT: 'records-o',
  OTHER: 'more-o',
}

export const kindIcon = (kind: string | null | undefined): string => ICONS[kind as RecordKind] ?? 'records-o'

/** Kinds whose values can make a trend (检验趋势). */
export const TREND_KINDS: readonly string[] = ['LAB', 'VITAL']
