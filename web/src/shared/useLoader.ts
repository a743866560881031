import { ref, shallowRef, type Ref } from 'vue'
import { errorMessage } from './api'

/**
 * Data fetched by one call, loaded again by `load()`: `loading` while it runs, `error` the problem's detail when it
 * failed (the data last loaded stays).
 */
export function useLoader<T>(fetch: () => Promise<T>, initial: T) {
  const data = shallowRef(initial) as Ref<T>
  const loading = ref(false)
  const error = ref('')

  async function load(): Promise<void> {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetch()
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  return { data, loading, error, load }
}
