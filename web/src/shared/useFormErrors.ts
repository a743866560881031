import { reactive, ref, watch } from 'vue'
import { ApiError, errorMessage } from './api'

/**
 * Errors of a form: one message per field (shown by `<el-form-item :error>` or `<van-field :error-message>`) and one
 * at the top (the problem's `detail`). Client-side hints fill the same map; the server's RFC 9457 field errors
 * replace them.
 */
export function useFormErrors(form?: Record<string, unknown>) {
  const fields = reactive<Record<string, string>>({})
  const top = ref('')

  function clear(): void {
    for (const k of Object.keys(fields)) delete fields[k]
    top.value = ''
  }

  /** Shows client-side hints; true when there are none. */
  function check(hints: Record<string, string | false | null | undefined>): boolean {
    clear()
    for (const [field, message] of Object.entries(hints)) if (message) fields[field] = message
    return Object.keys(fields).length === 0
  }

  /** Shows what a failed call threw: field messages under their fields, the detail at the top. */
  function show(e: unknown): void {
    clear()
    if (e instanceof ApiError) Object.assign(fields, e.fieldMessages())
    top.value = errorMessage(e)
  }

  // Editing a field clears its message (form keys are the API's field names).
  if (form) {
    for (const key of Object.keys(form)) watch(() => form[key], () => delete fields[key], { deep: true })
  }

  return { fields, top, clear, check, show }
}
