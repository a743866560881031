// Helpers of the health-record pages of both apps (健康档案调阅).
import { saveBlob } from './api'
import { recordsApi } from './endpoints'
import { formatDate, shanghaiDay } from './format'
import { currentLocale, t } from './i18n'
import { flagLabel, isAbnormal } from './labels'
import type { ExportFormat, RecognisedResult, RecognitionItem, RecordItem, TrendDetail } from './types'

/** "13.9 g/dL"; empty when the item has no value. */
export function valueText(value: string | number | null | undefined, unit?: string | null): string {
  if (value === null || value === undefined || value === '') return ''
  return unit ? `${value} ${unit}` : String(value)
}

/** Items (newest first) grouped by their calendar day in Asia/Shanghai; undated items last, under the key ''. */
export function groupByDay<T extends Pick<RecordItem, 'date'>>(items: readonly T[]): { day: string; items: T[] }[] {
  const groups: { day: string; items: T[] }[] = []
  const undated: T[] = []
  for (const item of items) {
    if (!item.date) {
      undated.push(item)
      continue
    }
    const day = shanghaiDay(item.date)
    const last = groups[groups.length - 1]
    if (last && last.day === day) last.items.push(item)
    else groups.push({ day, items: [item] })
  }
  if (undated.length) groups.push({ day: '', items: undated })
  return groups
}

/** "13.5–17.5 g/dL", "≥ 3.5 g/dL", "≤ 5.6 mmol/L"; '' without a range. */
export function rangeText(low: number | null | undefined, high: number | null | undefined, unit?: string | null): string {
  const hasLow = low !== null && low !== undefined
  const hasHigh = high !== null && high !== undefined
  const u = unit ? ` ${unit}` : ''
  if (hasLow && hasHigh) return `${low}–${high}${u}`
  if (hasLow) return `≥ ${low}${u}`
  if (hasHigh) return `≤ ${high}${u}`
  return ''
}

/** A value with its flag in words: "13.9 g/dL（偏高）". */
export function flaggedValue(value: string | number, unit: string | null | undefined, flag: string | null | undefined): string {
  const v = valueText(value, unit)
  return isAbnormal(flag) ? t('records.valueWithFlag', { value: v, flag: flagLabel(flag) }) : v
}

/** The text alternative of a trend chart: how many results, over what time, the last one, range and how many out. */
export function trendSummary(trend: TrendDetail): string {
  const points = trend.points ?? []
  if (!points.length) return t('records.chart.noPoints', { name: trend.display })
  const last = points[points.length - 1]
  const parts = [
    t('records.chart.summary', {
      name: trend.display,
      n: points.length,
      from: formatDate(points[0].date),
      to: formatDate(last.date),
      last: flaggedValue(last.value, trend.unit, last.flag),
    }),
  ]
  const range = rangeText(trend.low, trend.high, trend.unit)
  if (range) parts.push(t('records.chart.range', { range }))
  const abnormal = points.filter((p) => isAbnormal(p.flag)).length
  if (abnormal) parts.push(t('records.chart.abnormal', { n: abnormal }))
  else if (range || points.some((p) => p.flag === 'N')) parts.push(t('records.chart.allNormal'))
  return parts.join('')
}

/** Downloads the whole record (FHIR Bundle or PDF) and saves it under the server's file name. */
export async function exportRecord(residentId: string, format: ExportFormat): Promise<void> {
  const file = await recordsApi.export(residentId, format)
  const fallback = `${t('records.exportFileName')}-${shanghaiDay()}.${format === 'pdf' ? 'pdf' : 'json'}`
  saveBlob(file.blob, file.filename || fallback)
}

/** A recognition catalogue item's name in the UI language (the Chinese one when it has no English name). */
export function recognitionItemName(item: Pick<RecognitionItem, 'nameZh' | 'nameEn'>): string {
  return currentLocale.value === 'en' && item.nameEn ? item.nameEn : item.nameZh
}

/** The catalogue item a recognised result is of (matched on the code), if the catalogue at hand lists it. */
export function catalogueItemOf(result: Pick<RecognisedResult, 'code' | 'kind'>, catalogue: readonly RecognitionItem[]) {
  return catalogue.find((i) => i.code === result.code && i.kind === result.kind) ?? catalogue.find((i) => i.code === result.code)
}

/** `http://loinc.org|4548-4`: how the recognition endpoints name a catalogue item precisely. */
export const recognitionCode = (item: Pick<RecognitionItem, 'codeSystem' | 'code'>) => `${item.codeSystem}|${item.code}`
