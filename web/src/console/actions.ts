import { ElMessage, ElMessageBox } from 'element-plus'
import { t } from '@/shared/i18n'
import { useAction as useReportedAction } from '@/shared/useAction'

// Row and page actions of the console: asked for in an Element Plus message box, reported with its messages.

/** useAction (see there) reporting with Element Plus messages. */
export function useAction<K>() {
  return useReportedAction<K>({ success: (m) => void ElMessage.success(m), error: (m) => void ElMessage.error(m) })
}

/** Asks for confirmation; false when cancelled. */
export async function confirmed(message: string, title: string, confirmText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirmText,
      cancelButtonText: t('common.cancel'),
      type: 'warning',
    })
    return true
  } catch {
    return false
  }
}

/**
 * Asks for the reason of an action, required when `required` (its message) is given; the reason trimmed ('' when an
 * optional one was left out), null when cancelled.
 */
export async function askReason(
  message: string,
  title: string,
  options: { placeholder: string; required?: string; type: 'warning' | 'error' },
): Promise<string | null> {
  const required = options.required
  try {
    const res = await ElMessageBox.prompt(message, title, {
      confirmButtonText: title,
      cancelButtonText: t('common.cancel'),
      inputPlaceholder: options.placeholder,
      ...(required ? { inputValidator: (v: string) => (v && v.trim() ? true : required) } : {}),
      type: options.type,
    })
    return ((res as { value?: string }).value ?? '').trim()
  } catch {
    return null
  }
}
