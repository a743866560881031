import { computed, ref, type Ref } from 'vue'
import { errorMessage } from './api'

/** How an app reports an action's outcome (Element Plus messages in the console, Vant toasts in the H5). */
export interface Notifier {
  success(message: string): void
  error(message: string): void
}

/**
 * An action on one item (a row, a card, a kind of link): `busy` holds the key of the item at work (for its button's
 * spinner) and `running` whether any is; success is reported with `done` and followed by `after` (a reload),
 * failure with the problem's detail.
 */
export function useAction<K>(notify: Notifier) {
  const busy = ref(null) as Ref<K | null>
  const running = computed(() => busy.value !== null)

  async function run<R>(
    key: K,
    call: () => Promise<R>,
    done: string | ((result: R) => string),
    after?: () => unknown,
  ): Promise<void> {
    busy.value = key
    try {
      const result = await call()
      notify.success(typeof done === 'string' ? done : done(result))
      await after?.()
    } catch (e) {
      notify.error(errorMessage(e))
    } finally {
      busy.value = null
    }
  }

  return { busy, running, run }
}
