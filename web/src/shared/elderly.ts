import { readonly, ref } from 'vue'
import { readStorage, startupParam, STORAGE_KEYS, writeStorage } from './storage'

/**
 * Elderly mode (大字版): toggles the class `elderly` on <html>; the shared and per-app style sheets raise font sizes
 * about 1.3x, enlarge touch targets and raise contrast under that class.
 */
function parseFlag(value: string | null): boolean | null {
  if (value === null) return null
  const v = value.trim().toLowerCase()
  if (['1', 'true', 'on', 'yes'].includes(v)) return true
  if (['0', 'false', 'off', 'no'].includes(v)) return false
  return null
}

function initial(): boolean {
  const fromQuery = parseFlag(startupParam('elderly'))
  if (fromQuery !== null) {
    writeStorage(STORAGE_KEYS.elderly, fromQuery ? '1' : '0')
    return fromQuery
  }
  return parseFlag(readStorage(STORAGE_KEYS.elderly)) ?? false
}

const state = ref(initial())
document.documentElement.classList.toggle('elderly', state.value)

export const elderly = readonly(state)

export function setElderly(on: boolean): void {
  state.value = on
  writeStorage(STORAGE_KEYS.elderly, on ? '1' : '0')
  document.documentElement.classList.toggle('elderly', on)
}

export function toggleElderly(): void {
  setElderly(!state.value)
}
