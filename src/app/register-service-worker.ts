import { feedUrl } from '../features/feed/feed-config'

/**
 * Installs the reader's service worker (src/app/sw.js, built as sw.js) in production
 * builds, after the page has loaded. Not in a frame nor on /embed/ routes: an embed lives
 * in another site's page and gets no worker. A browser that refuses one (storage blocked,
 * an opaque origin) simply runs without it.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return
  try {
    if (!('serviceWorker' in navigator) || window.self !== window.top || isEmbedRoute()) return
    if (document.readyState === 'complete') void register()
    else window.addEventListener('load', () => void register(), { once: true })
  } catch {
    // Reading window.top or the location can throw in an opaque origin: no worker then.
  }
}

function isEmbedRoute(): boolean {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '')
  return /^\/embed(\/|$)/.test(location.pathname.slice(base.length))
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
