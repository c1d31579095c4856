import type { QueryClient } from '@tanstack/react-query'
import { StrictMode, startTransition, useEffect } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { BUILD_ORIGIN } from '../features/feed/feed-config'
import { feedQueryOptions } from '../features/feed/feed-query'
import type { FeedPage } from '../features/feed/parse-feed'
import { loadRoute } from '../lib/route-preload'
import { App } from './app'

/**
 * A page built ahead of time (scripts/prerender.mjs) carries its route as HTML,
 * readable before any script runs, and the feed it was built from. The app starts from
 * that feed and takes the HTML over (hydrates it) at once, then reads the feed again.
 * Returns false, touching nothing, when the HTML was built for another path or from
 * another feed than the one configured now: the caller renders the app afresh.
 * Loaded only by such pages (which preload it), so other pages do not download it.
 */
export async function hydratePrerendered(
  root: HTMLElement,
  queryClient: QueryClient,
  basename: string,
  /** Runs once the page is the app's, in a task of its own. */
  thenAfter: () => void,
): Promise<boolean> {
  const options = feedQueryOptions()
  const built = prerenderedFeed(root, basename, options.initialPageParam)
  if (!built) return false
  // The page preloads its screen's code: with it in, nothing waits to hydrate.
  await loadRoute(root.dataset.prerenderedPath ?? '/')
  // Dated to the build, and read again straight away however recent the build.
  queryClient.setQueryData(
    options.queryKey,
    { pages: [built], pageParams: [options.initialPageParam] },
    { updatedAt: Date.parse(root.dataset.prerenderedAt ?? '') || 0 },
  )
  // Read again once the page is the app's: data that changed while React took the HTML
  // over would make it throw the HTML away and render afresh. In a task of its own, after
  // the one that finishes the taking over.
  const onHydrated = () => {
    root.removeAttribute('data-prerendered-path')
    setTimeout(() => {
      void queryClient.refetchQueries({ queryKey: options.queryKey })
      thenAfter()
    })
  }
  // As a transition, React hydrates in slices, yielding to the browser between them (taps
  // and scrolls go first), rather than in one long task.
  startTransition(() => {
    hydrateRoot(
      root,
      <StrictMode>
        <Hydrated onHydrated={onHydrated} />
        <App queryClient={queryClient} basename={basename} />
      </StrictMode>,
      {
        // What the reader's device holds differs from the build (their stored state should
        // not): React renders that part afresh, which is what the reader should see.
        onRecoverableError: (error) => console.info('Rendered afresh, not hydrated:', error),
      },
    )
  })
  return true
}

/** Renders nothing; once the page is the app's, its buttons take taps (see index.css). */
function Hydrated({ onHydrated }: { onHydrated: () => void }) {
  useEffect(onHydrated, [onHydrated])
  return null
}

function prerenderedFeed(
  root: HTMLElement,
  basename: string,
  feedUrl: string,
): FeedPage | undefined {
  const { prerenderedPath, prerenderedFeed: builtFrom } = root.dataset
  if (prerenderedPath === undefined || builtFrom === undefined) return undefined
  if (`${basename}${prerenderedPath}` !== location.pathname) return undefined
  // The list was built unfiltered: a filter in the address (?q=, ?topic=) renders afresh.
  if (prerenderedPath === '/' && location.search) return undefined
  if (new URL(builtFrom, document.baseURI).href !== feedUrl) return undefined
  try {
    // The feed's relative URLs were resolved against the build's stand-in origin.
    const json = document
      .getElementById('prerendered-feed')
      ?.textContent?.replaceAll(`${BUILD_ORIGIN}/`, `${location.origin}/`)
    const page = json ? (JSON.parse(json) as FeedPage) : undefined
    if (!Array.isArray(page?.stories)) return undefined
    // The stories it carries lean are read from the feed this page reads.
    for (const story of page.stories) if (story.bodyFrom !== undefined) story.bodyFrom = feedUrl
    return page
  } catch {
    return undefined
  }
}
