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

// ---- days and times of the booking pages (calendar days in Asia/Shanghai, as "YYYY-MM-DD") ----

const partsCache = new Map<string, Intl.DateTimeFormat>()
function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = partsCache.get(key)
  if (!f) {
    f = make()
    partsCache.set(key, f)
  }
  return f
}

/** The calendar day of an instant in Asia/Shanghai, as "YYYY-MM-DD". */
export function shanghaiDay(value: Date | string | number = new Date()): string {
  const d = value instanceof Date ? value : new Date(value)
  // en-CA formats dates as YYYY-MM-DD.
  return cached('day', () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })).format(d)
}

/** "YYYY-MM-DD" plus `n` days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** ISO day of the week of "YYYY-MM-DD": 1 = Monday … 7 = Sunday. */
export function dayOfWeek(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
  return w === 0 ? 7 : w
}

/** "11月26日" / "26 Nov" for "YYYY-MM-DD". Reactive to the locale. */
export function formatMonthDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  const locale = currentLocale.value === 'en' ? 'en-GB' : 'zh-CN'
  return cached(`md|${locale}`, () => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'short', day: 'numeric' }))
    .format(new Date(Date.UTC(y, m - 1, d)))
}

/** "08:00" of an instant, in Asia/Shanghai. */
export function formatTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const d = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  return cached('time', () => new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false })).format(d)
}

/** "08:00–08:30" of two instants. */
export function formatTimeRange(start: string | null | undefined, end: string | null | undefined): string {
  return `${formatTime(start)}–${formatTime(end)}`
}

/** "08:00" of a local time as the API sends it ("08:00:00"). */
export function formatLocalTime(value: string | null | undefined): string {
  return value ? value.slice(0, 5) : '—'
}

/** "¥15.00" of an amount in yuan. */
export function formatFee(yuan: number | string | null | undefined): string {
  if (yuan === null || yuan === undefined || yuan === '') return '—'
  const n = typeof yuan === 'number' ? yuan : Number(yuan)
  return Number.isFinite(n) ? `¥${n.toFixed(2)}` : String(yuan)
}

/**
 * When the slots of a day are released: seven days before, at 08:00 Asia/Shanghai (00:00 UTC). The date strips use it
 * before any slot is at hand; a slot's own `releasesAt` wins where there is one.
 */
export function releaseOf(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d - 7, 0, 0))
}
