/** Prints the printable code on the page alone (components/PrintableCode.vue and base.css), then restores the page. */
export function printCode(): void {
  const root = document.documentElement
  root.classList.add('hm-printing')
  let restored = false
  const done = () => {
    if (restored) return
    restored = true
    root.classList.remove('hm-printing')
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  window.print()
  // Browsers without afterprint (and headless ones, where print returns at once) get the page back anyway.
  setTimeout(done, 1000)
}
