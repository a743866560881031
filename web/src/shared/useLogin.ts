import { ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ApiError, errorMessage } from './api'
import { login } from './auth'

/**
 * The login form's submit, shared by the resident and console login pages: signs in, then goes to `?redirect=`
 * (an in-app path only) or home. `error` is the problem's detail, `fieldErrors` its per-field messages.
 */
export function useLogin() {
  const route = useRoute()
  const router = useRouter()
  const submitting = ref(false)
  const error = ref('')
  const fieldErrors = ref<Record<string, string>>({})

  function clearErrors(): void {
    error.value = ''
    fieldErrors.value = {}
  }

  async function submit(username: string, password: string): Promise<void> {
    clearErrors()
    submitting.value = true
    try {
      await login(username, password)
      const redirect = route.query.redirect
      await router.replace(typeof redirect === 'string' && redirect.startsWith('/') ? redirect : '/')
    } catch (e) {
      error.value = errorMessage(e)
      if (e instanceof ApiError) fieldErrors.value = e.fieldMessages()
    } finally {
      submitting.value = false
    }
  }

  return { submitting, error, fieldErrors, clearErrors, submit }
}
