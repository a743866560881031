import { reactive, ref, type Ref } from 'vue'
import { useFormErrors } from '@/shared/useFormErrors'

/** What FormDialog.vue shows of a form's state: the model, the message at the top and the submit spinner. */
export interface FormDialogState {
  form: Record<string, unknown>
  errors: { top: Ref<string> }
  saving: Ref<boolean>
}

/**
 * State of a form in a FormDialog: the form (`empty()` when reset), its errors (useFormErrors) and `saving`.
 * `save(call)` runs the call with `saving` on; what it throws shows on the form.
 */
export function useFormDialog<F extends Record<string, unknown>>(empty: () => F) {
  const form = reactive(empty()) as F
  const errors = useFormErrors(form)
  const saving = ref(false)

  /** A fresh form without messages (on opening the dialog). */
  function reset(): void {
    Object.assign(form, empty())
    errors.clear()
  }

  async function save(call: () => Promise<void>): Promise<void> {
    saving.value = true
    try {
      await call()
    } catch (e) {
      errors.show(e)
    } finally {
      saving.value = false
    }
  }

  return { form, errors, saving, reset, save }
}
