import { showConfirmDialog, showToast } from 'vant'
import 'vant/es/dialog/style'
import { t } from '@/shared/i18n'
import { useAction as useReportedAction } from '@/shared/useAction'

// Actions of the resident app: confirmed in a Vant dialog, reported in a toast.

/** useAction (see there) reporting in toasts. */
export function useAction<K>() {
  return useReportedAction<K>({ success: (m) => void showToast(m), error: (m) => void showToast(m) })
}

/** Asks for confirmation, the confirm button in red unless `danger` is false; false when cancelled. */
export async function confirmed(title: string, message: string, confirmText: string, danger = true): Promise<boolean> {
  try {
    await showConfirmDialog({
      title,
      message,
      confirmButtonText: confirmText,
      cancelButtonText: t('common.cancel'),
      ...(danger ? { confirmButtonColor: 'var(--van-danger-color)' } : {}),
    })
    return true
  } catch {
    return false
  }
}
