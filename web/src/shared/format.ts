import { currentLocale } from './i18n'

const TIME_ZONE = 'Asia/Shanghai'
const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(kind: 'datetime' | 'date'): Intl.DateTimeFormat {
  const locale = currentLocale.value === 'en' ? 'en-GB' : 'zh-CN'
  const key = `${locale}|${kind}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(kind === 'datetime' ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    })
    cache.set(key, f)
  }
  return f
}

/** An instant from the API shown in Asia/Shanghai time, in the UI language. Reactive to the locale. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return formatter('datetime').format(d)
}

export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return formatter('date').format(d)
}
