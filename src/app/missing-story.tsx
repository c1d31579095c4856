import { useEffect, useState } from 'react'
import { FIND_PAGE_LIMIT } from '../features/feed/feed-config'
import { useFeed } from '../features/feed/feed-query'
import { NotFoundScreen } from './screens'

/** A story not in the pages read so far: read on (at most FIND_PAGE_LIMIT pages), then say so. */
export default function MissingStory() {
  const { feed, hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useFeed()
  const pages = feed.pageCount
  const [firstPages] = useState(pages)
  const readOn = pages - firstPages
  const looking = hasNextPage && !isFetchNextPageError && readOn < FIND_PAGE_LIMIT

  // One page at a time. Each settled fetch ticks `attempt`, so a fetch that ends without a
  // new page (cut short by another fetch of the feed) is followed by another.
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (!looking || isFetchingNextPage) return
    let live = true
    void fetchNextPage({ cancelRefetch: false }).finally(() => {
      if (live) setAttempt((n) => n + 1)
    })
    return () => {
      live = false
    }
  }, [looking, isFetchingNextPage, fetchNextPage, pages, attempt])

  // A long feed shown by its first stories while the rest are checked (FeedPage.partial) may
  // hold it too: its whole page comes next.
  if (feed.partial || looking) {
    return (
      <div className="mx-auto measure py-10">
        <title>Looking for the story</title>
        <h1 className="font-serif text-3xl font-bold">Looking for the story…</h1>
        {feed.partial ? (
          <p className="mt-4 reading text-muted" role="status">
            Reading the rest of the feed.
          </p>
        ) : (
          <>
            <p className="mt-4 reading text-muted" role="status">
              It is not among the {feed.stories.length.toLocaleString()} latest stories. Reading
              further back in the feed: {readOn} of at most {FIND_PAGE_LIMIT} more pages read.
            </p>
            <progress
              className="mt-4 h-2 w-full accent-accent"
              max={FIND_PAGE_LIMIT}
              value={readOn}
              aria-label="Pages of the feed read"
            />
          </>
        )}
      </div>
    )
  }

  return (
    <NotFoundScreen title="Story not found">
      <p>
        There is no story with this address in the feed. It may have been removed, or the link may
        be incomplete.
      </p>
      {readOn > 0 && (
        <p className="mt-2">
          {isFetchNextPageError
            ? `The next page of the feed could not be loaded after ${readOn} more pages were read.`
            : hasNextPage
              ? `${readOn} more pages of the feed were read without finding it; older stories were not searched.`
              : `All ${pages} pages of the feed were read.`}
        </p>
      )}
    </NotFoundScreen>
  )
}
