import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { idNumberHintKey } from './idnumber'

/** The ID number field's hint while typing (see idNumberHintKey), translated; '' when there is none. */
export function useIdNumberHint(value: () => string) {
  const { t } = useI18n()
  return computed(() => {
    const key = idNumberHintKey(value())
    return key ? t(key) : ''
  })
}
