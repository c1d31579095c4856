/*
 * The embed's side of the height protocol (docs/embedding.md). The height is no secret, so
 * it is posted to any parent ('*'); the host script checks where each message comes from.
 */
const PROTOCOL_VERSION = 1
const HEIGHT_MESSAGE = 'briefing:height'
const REQUEST_HEIGHT_MESSAGE = 'briefing:request-height'

const isRequest = (data: { type?: unknown; version?: unknown } | null | undefined) =>
  data?.type === REQUEST_HEIGHT_MESSAGE && data.version === PROTOCOL_VERSION

/** Tells the host page the height of `element` now and whenever it changes. */
export function reportHeight(element: HTMLElement, target: Window = window.parent): () => void {
  if (target === window) return () => {}
  let last = -1
  const post = (force = false) => {
    const height = Math.ceil(element.getBoundingClientRect().height)
    if (!force && height === last) return
    last = height
    target.postMessage({ type: HEIGHT_MESSAGE, version: PROTOCOL_VERSION, height }, '*')
  }
  const observer = new ResizeObserver(() => post())
  observer.observe(element)
  const onMessage = (event: MessageEvent) => {
    if (event.source === target && isRequest(event.data)) post(true)
  }
  window.addEventListener('message', onMessage)
  void document.fonts?.ready.then(() => post())
  post(true)
  return () => {
    observer.disconnect()
    window.removeEventListener('message', onMessage)
  }
}
