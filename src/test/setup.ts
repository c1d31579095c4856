import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { server } from './server'

// The first render of a lazy route compiles its module, which takes a while on a cold run.
configure({ asyncUtilTimeout: 4000 })

// jsdom has <dialog> but not its modal methods; these stand in with the same open state.
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
    const first = this.querySelector<HTMLElement>('button, a[href]')
    first?.focus()
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}
// …and Escape on a modal dialog fires its cancel event, as browsers do. The test files of a
// worker share one document (isolate: false in vite.config.ts): this runs once per file.
function escapeCancelsDialog(event: KeyboardEvent) {
  if (event.key !== 'Escape') return
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]')
  if (dialog && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close()
}
const escapeKey = Symbol.for('briefing:test:escape-cancels-dialog')
const withListener = document as Document & { [escapeKey]?: boolean }
if (!withListener[escapeKey]) {
  withListener[escapeKey] = true
  document.addEventListener('keydown', escapeCancelsDialog)
}
Element.prototype.scrollIntoView ??= function scrollIntoView() {}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.history.replaceState(null, '', '/')
})
afterAll(() => server.close())
