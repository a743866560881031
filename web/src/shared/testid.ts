import type { Directive } from 'vue'

/**
 * `v-input-attrs="{ 'data-testid': 'login-username', 'aria-label': '…' }"`: sets attributes on the native
 * <input>/<textarea> inside a component. Vant's Field and Search put fallthrough attributes on their wrapper, but
 * browser tests need to fill() the input itself and screen readers need its label there.
 */
export const vInputAttrs: Directive<HTMLElement, Record<string, string | undefined>> = {
  mounted: apply,
  updated: apply,
}

function apply(el: HTMLElement, binding: { value: Record<string, string | undefined> }): void {
  const input = el.matches('input,textarea') ? el : el.querySelector('input,textarea')
  if (!input) return
  for (const [name, value] of Object.entries(binding.value ?? {})) {
    if (value === undefined) input.removeAttribute(name)
    else if (input.getAttribute(name) !== value) input.setAttribute(name, value)
  }
}

declare module 'vue' {
  interface GlobalDirectives {
    vInputAttrs: typeof vInputAttrs
  }
}
