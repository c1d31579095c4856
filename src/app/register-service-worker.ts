import { feedUrl } from '../features/feed/feed-config'

/** Installs sw.js in production, after load; an embed (in a frame, or /embed/) gets none. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return
  try {
    const base = import.meta.env.BASE_URL.replace(/\/$/, '')
    const embed = /^\/embed(\/|$)/.test(location.pathname.slice(base.length))
    if (!('serviceWorker' in navigator) || window.self !== window.top || embed) return
    if (document.readyState === 'complete') void register()
    else window.addEventListener('load', () => void register(), { once: true })
  } catch {
    // Reading window.top or the location can throw in an opaque origin: no worker then.
  }
}

async function register(): Promise<void> {
  try {
    const base = import.meta.env.BASE_URL
    const firstVisit = !navigator.serviceWorker.controller
    await navigator.serviceWorker.register(`${base}sw.js`, { scope: base })
    if (!firstVisit) return
    // The feed was read before the worker could see it: ask it to keep a copy for offline.
    const { active } = await navigator.serviceWorker.ready
    active?.postMessage({ type: 'keep-feed', urls: [feedUrl()] })
  } catch {
    // No worker: the reader works as before, only without its offline copy.
  }
}
