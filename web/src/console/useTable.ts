import { ref, shallowRef, type Ref } from 'vue'
import { errorMessage } from '@/shared/api'
import type { Page } from '@/shared/types'

/**
 * State of a paginated Element Plus table. `page` is 1-based as el-pagination shows it and sent 0-based to the API;
 * answers to an outdated request are dropped.
 */
export function useTable<T>(fetchPage: (page: number, size: number) => Promise<Page<T>>, initialSize = 20) {
  const items = shallowRef<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const page = ref(1)
  const size = ref(initialSize)
  const loading = ref(false)
  const error = ref('')
  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    error.value = ''
    try {
      const res = await fetchPage(page.value - 1, size.value)
      if (mine !== seq) return
      items.value = res.items ?? []
      total.value = res.total ?? items.value.length
    } catch (e) {
      if (mine !== seq) return
      items.value = []
      total.value = 0
      error.value = errorMessage(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** New filters: back to the first page. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  return { items, total, page, size, loading, error, load, search }
}

export type TableState<T> = ReturnType<typeof useTable<T>>
