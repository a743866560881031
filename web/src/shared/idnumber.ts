// Client-side checks of the 18-character resident ID number (GB 11643): hints only, the server decides.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** The MOD 11-2 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK[sum % 11]
}

export type IdNumberDefect = 'length' | 'characters' | 'date' | 'check'

/** What looks wrong with an ID number (upper-cased, trimmed), or null when it looks valid. */
export function idNumberDefect(raw: string): IdNumberDefect | null {
  const v = raw.trim().toUpperCase()
  if (v.length !== 18) return 'length'
  if (!/^\d{17}[\dX]$/.test(v)) return 'characters'
  const y = Number(v.slice(6, 10))
  const m = Number(v.slice(10, 12))
  const d = Number(v.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return 'date'
  if (date.getTime() > Date.now()) return 'date'
  if (checkCharacter(v) !== v[17]) return 'check'
  return null
}

/** A hint for the field (i18n key under `identity.idHint`), or '' while it is still being typed or looks valid. */
export function idNumberHintKey(raw: string): string {
  const v = raw.trim()
  if (!v || v.length < 18) return ''
  const defect = idNumberDefect(v)
  return defect ? `identity.idHint.${defect}` : ''
}

/** Masks a name for print and display: `张三丰` → `张**` (the first character kept, as the server does). */
export function maskName(name: string | null | undefined): string {
  if (!name) return ''
  const chars = Array.from(name)
  return chars[0] + '*'.repeat(chars.length - 1)
}
