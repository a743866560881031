import { computed } from 'vue'
import { createI18n } from 'vue-i18n'
import zhCN, { type MessageSchema } from './locales/zh-CN'
import en from './locales/en'
import { readStorage, startupParam, STORAGE_KEYS, writeStorage } from './storage'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
export const DEFAULT_LOCALE: Locale = 'zh-CN'

export function normalizeLocale(value: string | null | undefined): Locale | null {
  if (!value) return null
  const v = value.trim().toLowerCase()
  if (v.startsWith('en')) return 'en'
  if (v.startsWith('zh')) return 'zh-CN'
  return null
}

function initialLocale(): Locale {
  const fromQuery = normalizeLocale(startupParam('lang'))
  if (fromQuery) {
    writeStorage(STORAGE_KEYS.locale, fromQuery)
    return fromQuery
  }
  return normalizeLocale(readStorage(STORAGE_KEYS.locale)) ?? DEFAULT_LOCALE
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
})

type Listener = (locale: Locale) => void
const listeners = new Set<Listener>()

export const currentLocale = computed<Locale>(() => i18n.global.locale.value)

function apply(locale: Locale): void {
  document.documentElement.lang = locale
  listeners.forEach((l) => l(locale))
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  writeStorage(STORAGE_KEYS.locale, locale)
  apply(locale)
}

export function toggleLocale(): void {
  setLocale(currentLocale.value === 'en' ? 'zh-CN' : 'en')
}

/**
 * Runs the listener now and on every later switch; apps use it to switch their component library's own locale
 * (Vant, Element Plus) and the document title. Returns an unsubscribe function.
 */
export function onLocaleChange(listener: Listener): () => void {
  listeners.add(listener)
  listener(currentLocale.value)
  return () => listeners.delete(listener)
}

/** Translate outside components (API errors, toasts). */
export const t = i18n.global.t

document.documentElement.lang = i18n.global.locale.value
