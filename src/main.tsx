import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { feedQueryOptions } from './features/feed/feed-query'
import { applySettings, settingsStore } from './features/reading/settings'
import './index.css'

// The reader's theme and text size before the first paint; an embed takes the host's.
if (!/\/embed(\/|$)/.test(location.pathname)) applySettings(settingsStore.get())

const queryClient = createQueryClient()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
const basename = import.meta.env.BASE_URL.replace(/\/$/, '')

function render(element: HTMLElement) {
  // Start reading the feed before React renders; every route shares this one request.
  void queryClient.prefetchInfiniteQuery(feedQueryOptions())
  element.replaceChildren()
  delete element.dataset.prerenderedPath
  createRoot(element).render(
    <StrictMode>
      <App queryClient={queryClient} basename={basename} />
    </StrictMode>,
  )
}

// A story page built ahead of time is taken over rather than rendered again (./app/hydrate).
if (root.dataset.prerenderedPath === undefined) render(root)
else {
  import('./app/hydrate')
    .then((m) => m.hydratePrerendered(root, queryClient, basename))
    .then(
      (hydrated) => hydrated || render(root),
      () => render(root),
    )
}

// The offline worker is installed once the page has loaded; its code waits until then too.
window.addEventListener(
  'load',
  () => void import('./app/register-service-worker').then((m) => m.registerServiceWorker()),
  { once: true },
)
