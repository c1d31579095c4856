import { startTransition, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { KEPT_FEED_KEY } from './features/feed/feed-config'
import { feedQueryOptions } from './features/feed/feed-query'
import { loadRoute } from './lib/route-preload'
import './index.css'

const queryClient = createQueryClient()
const root = document.getElementById('root') as HTMLElement
const basename = import.meta.env.BASE_URL.slice(0, -1)

function render() {
  // index.html built for another route shows its placeholder until React's first commit.
  const placeholder = document.getElementById('placeholder')
  if (placeholder) root.replaceChildren(placeholder)
  delete root.dataset.prerenderedPath
  const reactRoot = createRoot(root)
  // As a transition, React renders in slices rather than one long task.
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
 * index.html's placeholder shows until the screen's code and the feed are here (or failed):
 * rendering sooner shows React's placeholder, which React then holds 300 ms (its throttle
 * on revealing suspended content). A repeat visit shows the feed it kept at once.
 */
const renderAfresh = () =>
  void Promise.all([
    keptFeed().then((kept) => (kept ? undefined : feedInHand())),
    loadRoute(path),
  ]).then(render)

/** Reads the feed; settles once read or failed, or once a long feed's first stories are in. */
const feedInHand = () =>
  new Promise((resolve) => {
    // The feed's is the only query until a screen shows.
    const stop = queryClient.getQueryCache().subscribe((e) => e.query.state.data && resolve(stop()))
    void queryClient.prefetchInfiniteQuery(feedQueryOptions()).then(() => resolve(stop()))
  })

// Once the page has loaded: the offline worker, and the feed kept for the next visit.
const afterLoad = () => void import('./app/after-load').then((m) => m.afterLoad(queryClient))
const renderHere = () => {
  renderAfresh()
  if (document.readyState === 'complete') afterLoad()
  else addEventListener('load', afterLoad)
}

// A page built ahead of time for this route is hydrated (./app/hydrate), and what waits for
// the load waits for that: it runs this module after its first paint, often after its load.
if (root.dataset.prerenderedPath !== path) renderHere()
else {
  import('./app/hydrate')
    .then((m) => m.hydratePrerendered(root, queryClient, basename, afterLoad))
    .then((hydrated) => hydrated || renderHere(), renderHere)
}

/** The feed kept by the last visit, put in the query cache. */
async function keptFeed(): Promise<boolean> {
  try {
    if (!localStorage.getItem(KEPT_FEED_KEY)) return false
    return (await import('./features/feed/kept-feed')).restoreKeptFeed(queryClient)
  } catch {
    return false
  }
}
