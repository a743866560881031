import { addDays, formatMonthDay, formatTime, releaseOf, shanghaiDay } from './format'
import { t } from './i18n'
import type { Slot } from './types'

/** Why a slot can or cannot be booked now, for both apps' slot lists. */
export type SlotState = 'open' | 'full' | 'notReleased' | 'stopped' | 'past'

export function slotState(slot: Slot, now = Date.now()): SlotState {
  if (slot.bookable && slot.available > 0) return 'open'
  if (slot.status === 'STOPPED') return 'stopped'
  if (new Date(slot.start).getTime() <= now) return 'past'
  if (slot.releasesAt && new Date(slot.releasesAt).getTime() > now) return 'notReleased'
  return 'full'
}

/** "8:00放号" when it is today, "12月2日8:00放号" otherwise. */
export function releaseText(release: Date | string, now = Date.now()): string {
  const at = release instanceof Date ? release : new Date(release)
  const time = formatTime(at).replace(/^0(\d)/, '$1')
  const day = shanghaiDay(at)
  return day === shanghaiDay(now) ? t('scheduling.opensAt', { time }) : t('scheduling.releasesOn', { date: formatMonthDay(day), time })
}

/** When a day's slots open, or null once they are open. */
export function dayRelease(day: string, now = Date.now()): Date | null {
  const release = releaseOf(day)
  return release.getTime() > now ? release : null
}

/** A slot's state as residents read it: "余3", "已约满", "8:00放号", "已停诊", "已过期". */
export function slotStateText(slot: Slot, now = Date.now()): string {
  switch (slotState(slot, now)) {
    case 'open':
      return t('scheduling.remaining', { n: slot.available })
    case 'stopped':
      return t('scheduling.stopped')
    case 'past':
      return t('scheduling.past')
    case 'notReleased':
      return releaseText(slot.releasesAt ?? releaseOf(shanghaiDay(slot.start)), now)
    default:
      return t('scheduling.full')
  }
}

/** Today and the next `n` days in Asia/Shanghai, as "YYYY-MM-DD". */
export function nextDays(n: number, now = Date.now()): string[] {
  const today = shanghaiDay(now)
  return Array.from({ length: n + 1 }, (_, i) => addDays(today, i))
}
