import { ref, shallowRef, type Ref } from 'vue'
import { errorMessage } from './api'

/**
 * Data fetched by one call, loaded again by `load()`: `loading` while it runs, `error` the problem's detail when it
 * failed (the data last loaded stays). When loads overlap (the query changed meanwhile), only the last one counts.
 */
export function useLoader<T>(fetch: () => Promise<T>, initial: T) {
  const data = shallowRef(initial) as Ref<T>
  const loading = ref(false)
  const error = ref('')

  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    error.value = ''
    try {
      const result = await fetch()
      if (mine === seq) data.value = result
    } catch (e) {
      if (mine === seq) error.value = errorMessage(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  return { data, loading, error, load }
}
