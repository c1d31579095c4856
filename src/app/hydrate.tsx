import type { QueryClient } from '@tanstack/react-query'
import { StrictMode, startTransition, useEffect } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { BUILD_ORIGIN } from '../features/feed/feed-config'
import { feedQueryOptions } from '../features/feed/feed-query'
import type { FeedPage } from '../features/feed/parse-feed'
import { loadRoute } from '../lib/route-preload'
import { App } from './app'

/**
 * A page built ahead of time carries its route as HTML and its feed: the app starts from it,
 * hydrates, then reads the feed again. False, touching nothing, if for another path or feed.
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
  await loadRoute(root.dataset.prerenderedPath ?? '/')
  queryClient.setQueryData(
    options.queryKey,
    { pages: [built], pageParams: [options.initialPageParam] },
    { updatedAt: Date.parse(root.dataset.prerenderedAt ?? '') || 0 },
  )
  // Read again once the page is the app's (data changed while hydrating would make React
  // throw the HTML away), in a task after the one that finishes hydrating.
  const onHydrated = () => {
    root.removeAttribute('data-prerendered-path')
    setTimeout(() => {
      void queryClient.refetchQueries({ queryKey: options.queryKey })
      thenAfter()
    })
  }
  // As a transition, React hydrates in slices, yielding to taps and scrolls between them.
  startTransition(() => {
    hydrateRoot(
      root,
      <StrictMode>
        <Hydrated onHydrated={onHydrated} />
        <App queryClient={queryClient} basename={basename} />
      </StrictMode>,
      {
        // The reader's stored state differs from the build: that part renders afresh.
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

function prerenderedFeed(root: HTMLElement, basename: string, feedUrl: string) {
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
