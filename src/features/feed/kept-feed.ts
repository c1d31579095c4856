import { hashKey, type InfiniteData, type QueryClient } from '@tanstack/react-query'
import { KEPT_FEED_KEY } from './feed-config'
import { isTopicKind } from './feed-format'
import { feedQueryOptions } from './feed-query'
import { leanExcept } from './lean-page'
import type { FeedPage, Story } from './parse-feed'

/*
 * The feed's first page as last read, in localStorage: a repeat visit shows its list at
 * once, then reads the feed again (src/main.tsx); offline, before the service worker
 * answers. Stories are kept lean (lean-page.ts): one opened is read whole from the feed.
 */

/** A kept page holds at most this many stories (the first; the rest come with the feed). */
const KEEP_STORIES = 200
/** Nor more than this many characters of JSON: localStorage holds about 5 MB a site. */
const KEEP_CHARACTERS = 1_000_000

type Kept = { url: string; savedAt: number; page: FeedPage }

/** Puts the kept page in the query cache and reads the feed again; false if it did not. */
export function restoreKeptFeed(queryClient: QueryClient): boolean {
  const options = feedQueryOptions()
  if (queryClient.getQueryData(options.queryKey)) return false
  const kept = readKept(options.initialPageParam)
  if (!kept) return false
  queryClient.setQueryData(
    options.queryKey,
    { pages: [kept.page], pageParams: [options.initialPageParam] },
    { updatedAt: kept.savedAt },
  )
  void queryClient.refetchQueries({ queryKey: options.queryKey })
  return true
}

/** Keeps the feed's first page whenever it is read from the network; returns the stop. */
export function keepFeed(queryClient: QueryClient): () => void {
  const options = feedQueryOptions()
  let keptAt = readKept(options.initialPageParam)?.savedAt ?? 0
  const keep = () => {
    const state = queryClient.getQueryState<InfiniteData<FeedPage, string>>(options.queryKey)
    const first = state?.data?.pages[0]
    // Only a page read whole since the one kept (not that one shown again, nor a build's).
    if (!first || first.partial || state.dataUpdatedAt <= keptAt) return
    keptAt = state.dataUpdatedAt
    const url = options.initialPageParam
    try {
      const kept: Kept = { url, savedAt: keptAt, page: keptPage(first, url) }
      const json = JSON.stringify(kept)
      if (json.length > KEEP_CHARACTERS) localStorage.removeItem(KEPT_FEED_KEY)
      else localStorage.setItem(KEPT_FEED_KEY, json)
    } catch {
      // Storage full or blocked: the next visit reads the feed as a first one does.
    }
  }
  keep()
  const hash = hashKey(options.queryKey)
  return queryClient.getQueryCache().subscribe((event) => {
    const read = event.type === 'updated' && event.action.type === 'success'
    if (read && event.query.queryHash === hash) keep()
  })
}

/** The page as kept: its first stories, lean, with nothing that points at pages not kept. */
function keptPage(page: FeedPage, url: string): FeedPage {
  const stories = page.stories.slice(0, KEEP_STORIES)
  const nextUrl = stories.length < page.stories.length ? undefined : page.nextUrl
  return { ...leanExcept({ ...page, stories }, '', url), nextUrl, problems: [], skipped: 0 }
}

/** The kept page of the feed at `url`, if what storage holds is one. */
function readKept(url: string): Kept | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEPT_FEED_KEY) ?? 'null') as Partial<Kept> | null
    if (kept?.url !== url || typeof kept.savedAt !== 'number') return undefined
    const page = kept.page
    if (typeof page?.title !== 'string' || !Array.isArray(page.stories)) return undefined
    if (!page.stories.every(isLeanStory)) return undefined
    return kept as Kept
  } catch {
    return undefined
  }
}

// A null story or topic throws: readKept returns nothing then.
function isLeanStory(story: Story): boolean {
  return (
    typeof story.id === 'string' &&
    // A page kept before stories had slugs is not shown: the next read keeps a new one.
    typeof story.slug === 'string' &&
    typeof story.title === 'string' &&
    typeof story.bodyFrom === 'string' &&
    Array.isArray(story.tags) &&
    story.tags.every((tag) => typeof tag === 'string') &&
    Array.isArray(story.topics) &&
    story.topics.every(
      (t) => typeof t.id === 'string' && typeof t.name === 'string' && isTopicKind(t.kind),
    ) &&
    Array.isArray(story.sections) &&
    Array.isArray(story.authors) &&
    Array.isArray(story.attachments)
  )
}
