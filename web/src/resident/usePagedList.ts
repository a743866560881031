import { ref, shallowRef, type Ref } from 'vue'
import { errorMessage } from '@/shared/api'
import type { Page } from '@/shared/types'

export const PAGE_SIZE = 20

/**
 * State of a list fed page by page (see PagedList.vue): bind `items`, `loading`, `error` and `finished`, call `load`
 * on @load and `reload()` when the query changes; answers to an outdated query are dropped.
 */
export function usePagedList<T>(fetchPage: (page: number, size: number, signal: AbortSignal) => Promise<Page<T>>) {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const finished = ref(false)
  const error = ref('')
  let nextPage = 0
  let controller: AbortController | null = null

  async function load(): Promise<void> {
    controller?.abort()
    const mine = new AbortController()
    controller = mine
    loading.value = true
    try {
      const res = await fetchPage(nextPage, PAGE_SIZE, mine.signal)
      if (controller !== mine) return
      const got = res.items ?? []
      items.value = nextPage === 0 ? got : [...items.value, ...got]
      total.value = res.total ?? items.value.length
      nextPage += 1
      finished.value = got.length < PAGE_SIZE || items.value.length >= total.value
    } catch (e) {
      if (controller !== mine) return
      if (e instanceof DOMException && e.name === 'AbortError') return
      error.value = errorMessage(e)
    } finally {
      if (controller === mine) {
        loading.value = false
        controller = null
      }
    }
  }

  function reload(): Promise<void> {
    controller?.abort()
    controller = null
    nextPage = 0
    items.value = []
    total.value = 0
    finished.value = false
    error.value = ''
    return load()
  }

  return { items, total, loading, finished, error, load, reload }
}
