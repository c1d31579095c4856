import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { KEPT_FEED_KEY } from './features/feed/feed-config'
import { feedQueryOptions } from './features/feed/feed-query'
import { loadRoute } from './lib/route-preload'
import './index.css'

// The reader's theme and text size are on the page before its first paint: index.html's
// first-paint script (scripts/first-paint.mjs) puts them there.

const queryClient = createQueryClient()
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
const basename = import.meta.env.BASE_URL.replace(/\/$/, '')

// Every route shares this one request for the feed.
const readFeed = () => queryClient.prefetchInfiniteQuery(feedQueryOptions())

/** Renders the app into `element`, whose children (a placeholder) React replaces. */
function render(element: HTMLElement) {
  delete element.dataset.prerenderedPath
  const reactRoot = createRoot(element)
  // As a transition, React renders the first screen in slices, yielding to the browser
  // between them, rather than in one long task (code and feed are here: nothing waits).
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <App queryClient={queryClient} basename={basename} />
      </StrictMode>,
    ),
  )
}

// A story page built ahead of time is taken over rather than rendered again (./app/hydrate).
if (root.dataset.prerenderedPath === undefined) {
  // index.html's placeholder shows until the first screen's code and the feed are here, or
  // the feed has failed. Rendering sooner would show React's own placeholder, and React then
  // holds the screen back until 300 ms after it (its throttle on revealing suspended
  // content): most of the time to the first story on a repeat visit.
  // A repeat visit shows the feed kept from the last one at once and reads it again behind.
  const path = location.pathname.slice(basename.length) || '/'
  void Promise.all([
    keptFeed().then((kept) => (kept ? undefined : readFeed())),
    loadRoute(path),
  ]).then(() => render(root))
} else {
  const renderAfresh = () => {
    void readFeed()
    render(root)
  }
  import('./app/hydrate')
    .then((m) => m.hydratePrerendered(root, queryClient, basename))
    .then((hydrated) => hydrated || renderAfresh(), renderAfresh)
}

/** The feed kept by the last visit, put in the query cache (./features/feed/kept-feed). */
function keptFeed(): Promise<boolean> {
  try {
    if (!localStorage.getItem(KEPT_FEED_KEY)) return Promise.resolve(false)
  } catch {
    return Promise.resolve(false)
  }
  return import('./features/feed/kept-feed').then(
    (m) => m.restoreKeptFeed(queryClient),
    () => false,
  )
}

// Once the page has loaded: the offline worker is installed, and the feed kept for the next
// visit (./app/after-load). Their code waits until then too.
window.addEventListener(
  'load',
  () => void import('./app/after-load').then((m) => m.afterLoad(queryClient)),
  { once: true },
)
