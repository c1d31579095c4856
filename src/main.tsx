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
// Every page of the build has one (scripts/prerender-html.mjs refuses a template without).
const root = document.getElementById('root') as HTMLElement
// The base path (BASE_PATH) without its final slash.
const basename = import.meta.env.BASE_URL.slice(0, -1)

/** Renders the app into the root, whose children (a placeholder) React replaces. */
function render() {
  // index.html built for another route shows its placeholder until React's first commit.
  const placeholder = document.getElementById('placeholder')
  if (placeholder) root.replaceChildren(placeholder)
  delete root.dataset.prerenderedPath
  const reactRoot = createRoot(root)
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

const path = location.pathname.slice(basename.length) || '/'

/**
 * index.html's placeholder shows until the first screen's code and the feed are here, or
 * the feed has failed. Rendering sooner would show React's own placeholder, and React then
 * holds the screen back until 300 ms after it (its throttle on revealing suspended
 * content): most of the time to the first story on a repeat visit.
 * A repeat visit shows the feed kept from the last one at once and reads it again behind.
 */
const renderAfresh = () =>
  void Promise.all([
    // Every route shares this one request for the feed.
    keptFeed().then((kept) => (kept ? undefined : feedInHand())),
    loadRoute(path),
  ]).then(render)

/**
 * Reads the feed; settles once it has been read or has failed, or as soon as a long feed's
 * first stories are in (parse-feed.worker.ts: LONG_PAGE_BYTES) while the
 * rest are checked.
 */
const feedInHand = () =>
  new Promise((resolve) => {
    // The feed's is the only query until a screen shows.
    const stop = queryClient.getQueryCache().subscribe((e) => e.query.state.data && resolve(stop()))
    void queryClient.prefetchInfiniteQuery(feedQueryOptions()).then(() => resolve(stop()))
  })

// Once the page has loaded: the offline worker is installed, and the feed kept for the next
// visit (./app/after-load). Their code waits until then too.
const afterLoad = () => void import('./app/after-load').then((m) => m.afterLoad(queryClient))
const renderHere = () => {
  renderAfresh()
  if (document.readyState === 'complete') afterLoad()
  else addEventListener('load', afterLoad)
}

// A page built ahead of time for this route is taken over rather than rendered again
// (./app/hydrate), and what waits for the load waits for that too: such a page runs this
// module after its first paint (./app/after-paint.js), often after its load.
// index.html may be one, built for the list, answering another route.
if (root.dataset.prerenderedPath !== path) renderHere()
else {
  import('./app/hydrate')
    .then((m) => m.hydratePrerendered(root, queryClient, basename, afterLoad))
    .then((hydrated) => hydrated || renderHere(), renderHere)
}

/** The feed kept by the last visit, put in the query cache (./features/feed/kept-feed). */
async function keptFeed(): Promise<boolean> {
  try {
    if (!localStorage.getItem(KEPT_FEED_KEY)) return false
  } catch {
    return false
  }
  return import('./features/feed/kept-feed').then(
    (m) => m.restoreKeptFeed(queryClient),
    () => false,
  )
}
