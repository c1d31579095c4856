import { useEffect, useMemo, useRef } from 'react'
import { Link, useSearchParams } from 'react-router'
import { RefreshNotice, SkippedNotice } from '../../features/feed/feed-notices'
import { useFeed } from '../../features/feed/feed-query'
import { StoryList } from '../../features/feed/story-list'
import type { Story } from '../../features/feed/parse-feed'
import { useReadingState } from '../../features/reading/reading-state'
import { useReadingMarks } from '../../features/reading/reading-marks'
import { loadRoute, savingData } from '../../lib/route-preload'
import { storyPath, topicPath } from '../../lib/urls'

export default function ListRoute() {
  const { feed, isRefetchError, error, dataUpdatedAt, refetch } = useFeed()
  const [params, setParams] = useSearchParams()
  const query = params.get('q') ?? ''
  const topicFilter = params.get('topic') ?? ''
  const shown = useMemo(
    () => filterStories(feed.stories, query, topicFilter),
    [feed.stories, query, topicFilter],
  )
  const filtering = query.trim() !== '' || topicFilter !== ''
  // The URL follows the form, not the other way round: navigations settle a render behind
  // the keystrokes, and a field fed from the URL would drop the letters typed meanwhile.
  const form = useRef<HTMLFormElement>(null)
  const applyFilters = () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        const fields = new FormData(form.current ?? undefined)
        for (const key of ['q', 'topic'] as const) {
          const value = String(fields.get(key) ?? '')
          if (value) next.set(key, value)
          else next.delete(key)
        }
        return next
      },
      { replace: true },
    )
  // Typed or chosen before the app took over a list built ahead of time: applied now.
  useEffect(() => {
    const fields = new FormData(form.current ?? undefined)
    // (Only what was entered: a ?topic= that no story of the first page names has no option.)
    const entered = (key: string) => {
      const value = String(fields.get(key) ?? '')
      return value !== '' && value !== (params.get(key) ?? '')
    }
    if (entered('q') || entered('topic')) applyFilters()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the page is taken over
  }, [])
  const queryInput = useRef<HTMLInputElement>(null)
  // Back, Forward or a link can change ?q= too; the field takes it unless the reader is typing.
  useEffect(() => {
    const input = queryInput.current
    if (input && input.value !== query && document.activeElement !== input) input.value = query
  }, [query])
  // A story's code (and its text's) loads as soon as the list is up, not when the browser is
  // next idle, so that a reader who goes offline straight away can still open any of them.
  const { stories } = feed
  const firstPath = stories[0] && storyPath(stories[0])
  useEffect(() => {
    if (!firstPath || savingData()) return
    // A plain item's text needs plain-content's code (and the sanitiser's, for HTML); a lean
    // story's text is fetched (whole-story.tsx).
    const plain = stories.filter((story) => !story.isStory && !story.bodyFrom)
    loadRoute(firstPath)
      .then(() => import('./story-route'))
      .then((m) => (plain.length > 0 ? m.loadPlainContent() : undefined))
      .then((m) => (m && plain.some((story) => story.contentHtml) ? m.loadSafeHtml() : undefined))
      // Offline already, or a deploy replaced the chunks: opening the story says so.
      .catch(() => undefined)
  }, [firstPath, stories])
  const { read } = useReadingState()
  const readIds = useMemo(() => new Set(read), [read])
  const marks = useReadingMarks(feed.stories)
  const topics = [...feed.topicById.values()].sort((a, b) => b.count - a.count)

  return (
    <div className="mx-auto grid max-w-6xl gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <title>{feed.title}</title>
      <div className="min-w-0">
        <h1 className="mb-1 font-serif text-3xl font-bold tracking-tight sm:text-4xl">
          Latest stories
        </h1>
        {feed.description && <p className="mb-6 text-muted">{feed.description}</p>}
        {feed.expired && (
          <p className="mb-4 rounded-lg bg-sunken px-4 py-2 text-sm text-muted">
            This feed has ended: the publisher will not add more stories.
          </p>
        )}
        {isRefetchError && (
          <RefreshNotice
            updatedAt={dataUpdatedAt}
            onRetry={() => void refetch()}
            partial={feed.partial ? { shown: feed.stories.length, error } : undefined}
          />
        )}
        <SkippedNotice skipped={feed.skipped} problems={feed.problems} />
        {feed.stories.length > 0 && (
          <form
            ref={form}
            role="search"
            className="mb-4 flex flex-wrap gap-2"
            onSubmit={(e) => e.preventDefault()}
          >
            <label className="min-w-0 flex-1 basis-56">
              <span className="sr-only">Filter stories by words</span>
              <input
                ref={queryInput}
                type="search"
                name="q"
                defaultValue={query}
                onChange={applyFilters}
                placeholder="Filter the stories listed"
                className="h-11 w-full rounded-full border border-line bg-raised px-4 text-base text-ink placeholder:text-muted"
              />
            </label>
            {topics.length > 0 && (
              <label className="basis-48">
                <span className="sr-only">Filter by topic</span>
                <select
                  name="topic"
                  value={topicFilter}
                  onChange={applyFilters}
                  className="h-11 w-full rounded-full border border-line bg-raised px-4 text-base text-ink"
                >
                  <option value="">All topics</option>
                  {topics.map(({ topic }) => (
                    <option key={topic.id} value={topic.id}>
                      {topic.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </form>
        )}
        {/* One model: this field narrows the list on screen; the header's searches them all. */}
        {filtering && (
          <div className="mb-2 flex flex-wrap gap-x-3 text-sm text-muted">
            <p role="status">
              {shown.length} of {feed.stories.length} stories
            </p>
            {query.trim() && (
              <Link to={`/search?q=${encodeURIComponent(query.trim())}`} className="text-accent">
                Search every story for “{query.trim()}”
              </Link>
            )}
          </div>
        )}
        {!filtering && marks?.newLabel && (
          <p className="mb-1 text-sm font-semibold text-accent">{marks.newLabel}</p>
        )}
        {shown.length > 0 ? (
          <StoryList stories={shown} readIds={readIds} marks={marks?.marks} />
        ) : filtering ? (
          <p className="py-10 reading text-muted">No story matches this filter.</p>
        ) : (
          <p className="py-10 reading text-muted">This feed has no stories yet.</p>
        )}
        {/* A long feed's first stories are shown as they are read (feed-head.ts); should the
            rest turn out unreadable (a download cut short), the notice above says so. */}
        {feed.partial && !isRefetchError && (
          <p role="status" className="mt-6 text-center text-sm text-muted">
            Reading the rest of the stories…
          </p>
        )}
        <LoadMore label="Load more stories" auto />
      </div>
      {topics.length > 0 && (
        <aside aria-labelledby="all-topics-heading" className="lg:pt-16">
          <h2
            id="all-topics-heading"
            className="mb-3 text-sm font-semibold tracking-wider text-muted uppercase"
          >
            Topics
          </h2>
          <ul className="flex flex-wrap gap-2">
            {topics.slice(0, 16).map(({ topic, count }) => (
              <li key={topic.id}>
                <Link
                  to={topicPath(topic.id)}
                  className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-3 text-sm font-medium text-ink no-underline hover:border-accent hover:text-accent"
                >
                  {topic.name}
                  <span className="text-muted" aria-label={`${count} stories`}>
                    {count}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  )
}

/** Reads the feed's next page on request, or (`auto`) as the reader nears the end of the list. */
export function LoadMore({ label, auto = false }: { label: string; auto?: boolean }) {
  const { hasNextPage, fetchNextPage, isFetchingNextPage, isFetchNextPageError } = useFeed()
  const self = useRef<HTMLDivElement>(null)
  const canAutoLoad = auto && hasNextPage && !isFetchingNextPage && !isFetchNextPageError
  useEffect(() => {
    const element = self.current
    if (!element || !canAutoLoad || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void fetchNextPage()
      },
      { rootMargin: '600px 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [canAutoLoad, fetchNextPage])
  if (!hasNextPage) return null
  return (
    <div ref={self} className="mt-6 flex flex-col items-center gap-2 text-center font-sans">
      {isFetchNextPageError && (
        <p role="status" className="text-sm text-warn">
          The next page of stories could not be loaded.
        </p>
      )}
      <button
        type="button"
        onClick={() => void fetchNextPage()}
        disabled={isFetchingNextPage}
        className="inline-flex min-h-11 items-center rounded-full border border-line bg-raised px-6 font-semibold text-accent hover:border-accent disabled:opacity-60"
      >
        {isFetchingNextPage ? 'Loading…' : isFetchNextPageError ? 'Try again' : label}
      </button>
    </div>
  )
}

function filterStories(stories: Story[], query: string, topicId: string): Story[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0 && !topicId) return stories
  return stories.filter((story) => {
    if (topicId && !story.topics.some((t) => t.id === topicId)) return false
    if (words.length === 0) return true
    const text = [story.title, story.summary, ...story.topics.map((t) => t.name), ...story.tags]
      .join(' ')
      .toLocaleLowerCase()
    return words.every((w) => text.includes(w))
  })
}
