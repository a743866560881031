import { showConfirmDialog, showToast } from 'vant'
import 'vant/es/dialog/style'
import { t } from '@/shared/i18n'
import { useAction as useReportedAction } from '@/shared/useAction'

// Actions of the resident app: confirmed in a Vant dialog, reported in a toast.

/**
 * A passing message in a toast that screen readers announce as a status (Vant's toast is an unnamed dialog by
 * default; options Vant does not know fall through to its element).
 */
export function toast(message: string): void {
  showToast({ message, ...({ role: 'status', 'aria-live': 'polite' } as object) })
}

/** useAction (see there) reporting in toasts. */
export function useAction<K>() {
  return useReportedAction<K>({ success: toast, error: toast })
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
      // Vant names the dialog with aria-labelledby="<the title's text>", which references no element: name it
      // with the title itself (options Vant does not know fall through to the dialog's element).
      ...({ 'aria-labelledby': undefined, 'aria-label': title } as object),
    })
    return true
  } catch {
    return false
  }
}
