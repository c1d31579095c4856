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
// …and Escape on a modal dialog fires its cancel event, as browsers do.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]')
  if (dialog && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close()
})
Element.prototype.scrollIntoView ??= function scrollIntoView() {}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.history.replaceState(null, '', '/')
})
afterAll(() => server.close())
