import { Locale } from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import zhCN from 'vant/es/locale/lang/zh-CN'
import { onLocaleChange } from '@/shared/i18n'

/** Keeps Vant's own texts (loading, pull to refresh, dialogs) in the UI language. */
export function syncVantLocale(): void {
  onLocaleChange((locale) => {
    if (locale === 'en') Locale.use('en-US', enUS)
    else Locale.use('zh-CN', zhCN)
  })
}
