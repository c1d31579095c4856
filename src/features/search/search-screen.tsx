import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { feedUrl } from '../feed/feed-config'
import { useFeed } from '../feed/feed-query'
import { SearchField, useSetSearchParam } from './header-search'
import { loadMeta } from './index-search'
import { StoryResults, TopicResults } from './search-results'
import { filtering, readRequest, type SearchRequest, type StoryHit } from './search-types'
import { useSearch } from './use-search'

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`

type Option = { value: string; label: string }
const option = (value: string, label = value): Option => ({ value, label })
const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label)

/** The choices of the filters: from the index, or from the stories loaded. */
function useFilterOptions(indexed: boolean) {
  const { feed } = useFeed()
  const fromIndex = useQuery({
    queryKey: ['search', 'meta'],
    enabled: indexed,
    staleTime: Infinity,
    retry: 1,
    queryFn: async () => {
      const meta = await loadMeta()
      return {
        topics: meta.topics.map((t) => option(t.id, t.name)).sort(byLabel),
        tags: meta.tags.map(([tag]) => option(tag)).sort(byLabel),
        months: meta.months,
      }
    },
  })
  // From the stories loaded: once per feed, not at every keystroke (each renders the filters).
  const fromFeed = useMemo(() => {
    const topics = [...feed.topicById.values()].map(({ topic }) => option(topic.id, topic.name))
    const tags = [...new Set(feed.stories.flatMap((s) => s.tags))].map((tag) => option(tag))
    const months = [
      ...new Set(feed.stories.map((s) => s.published?.slice(0, 7)).filter((m) => m !== undefined)),
    ].sort()
    return { topics: topics.sort(byLabel), tags: tags.sort(byLabel), months }
  }, [feed])
  return indexed && fromIndex.data ? fromIndex.data : fromFeed
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const monthLabel = (month: string) =>
  `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`

const selectClass =
  'h-11 w-full min-w-0 rounded-full border border-line bg-raised px-3 font-sans text-sm font-normal text-ink'

function Filters({ request, indexed }: { request: SearchRequest; indexed: boolean }) {
  const set = useSetSearchParam()
  const options = useFilterOptions(indexed)
  const select = (key: keyof SearchRequest, label: string, all: string, choices: Option[]) => (
    <label className="flex min-w-0 flex-col gap-1 font-sans text-sm font-semibold text-muted">
      {label}
      <select
        value={request[key]}
        onChange={(e) => set(key, e.target.value)}
        className={selectClass}
      >
        <option value="">{all}</option>
        {/* A value from the address that is not among the choices still shows. */}
        {request[key] && !choices.some((c) => c.value === request[key]) && (
          <option value={request[key]}>{request[key]}</option>
        )}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
  const months = options.months.map((m) => ({ value: m, label: monthLabel(m) }))
  return (
    <form
      aria-label="Filters"
      onSubmit={(e) => e.preventDefault()}
      className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
    >
      {select('topic', 'Topic', 'All topics', options.topics)}
      {select('tag', 'Tag', 'All tags', options.tags)}
      {select('from', 'From', 'Any month', months)}
      {select('to', 'To', 'Any month', months)}
      {select('sort', 'Order', 'Best match', [{ value: 'date', label: 'Newest first' }])}
    </form>
  )
}

function statusOf(request: SearchRequest, total: number): string {
  if (total === 0) return request.q ? `No stories match “${request.q}”.` : 'No stories match.'
  return `${count(total, 'story matches', 'stories match')}${request.q ? ` “${request.q}”` : ''}.`
}

export function SearchScreen() {
  const [params] = useSearchParams()
  // One object per address: the search waits for it to stop changing (use-search.ts).
  const request = useMemo(() => readRequest(params), [params])
  // The build's index covers the feed shipped with it. A feed named elsewhere (index.html's
  // meta, VITE_FEED_URL) has none: its search runs over the stories loaded.
  const [indexed] = useState(
    () => feedUrl() === new URL(`${import.meta.env.BASE_URL}feed.json`, document.baseURI).href,
  )
  const { feed, hasNextPage, fetchNextPage, isFetchingNextPage } = useFeed()
  const fromIndex = useSearch(request, indexed, feed.language)
  // Without an index, or when it cannot be read, the stories loaded are searched.
  const inMemory = !indexed || fromIndex.query.isError
  const fromMemory = useSearch(request, inMemory, feed.language, feed.stories)
  const { query: search, request: answered } = inMemory ? fromMemory : fromIndex
  const outcome = search.data
  const asked = request.q.trim() !== '' || filtering(request)

  // Further results, added below the first ones; a new search starts again.
  const [more, setMore] = useState<{ of: unknown; hits: StoryHit[] }>({ of: null, hits: [] })
  const extra = more.of === outcome ? more.hits : []
  const shown = outcome ? outcome.stories.length + extra.length : 0
  const [loadingMore, setLoadingMore] = useState(false)

  // This page's field (the header's, or a phone's here) is focused on arrival without words.
  useEffect(() => {
    if (params.get('q')) return
    const fields = document.querySelectorAll<HTMLInputElement>('input[name="q"]')
    ;[...fields].find((f) => f.offsetParent)?.focus()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on arrival only
  }, [])

  return (
    <div className="mx-auto max-w-3xl">
      <title>{`${request.q ? `“${request.q}”: search` : 'Search'} · ${feed.title}`}</title>
      <h1 className="mb-4 font-serif text-3xl font-bold tracking-tight sm:text-4xl">
        {request.q ? (
          <>
            <span className="sr-only">Search results for </span>“{request.q}”
          </>
        ) : (
          'Search'
        )}
      </h1>
      <SearchField className="mb-4 md:hidden" size="h-11" />
      <Filters request={request} indexed={indexed && !fromIndex.query.isError} />
      {fromIndex.query.isError && indexed && (
        <div
          role="alert"
          className="mb-4 rounded-lg bg-warn-soft px-4 py-3 font-sans text-sm text-warn"
        >
          The search index could not be loaded
          {typeof navigator !== 'undefined' && !navigator.onLine ? ' while offline' : ''}. Showing
          matches among the stories loaded instead.{' '}
          <button
            type="button"
            onClick={() => void fromIndex.query.refetch()}
            className="min-h-11 font-semibold underline"
          >
            Try again
          </button>
        </div>
      )}
      {inMemory && (
        <p className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-sunken px-4 py-2 font-sans text-sm text-muted">
          <span>
            Searching the {count(feed.stories.length, 'story', 'stories')} loaded
            {hasNextPage ? '; load more to search further.' : '.'}
          </span>
          {hasNextPage && (
            <button
              type="button"
              onClick={() => void fetchNextPage()}
              disabled={isFetchingNextPage}
              className="inline-flex min-h-11 items-center font-semibold text-accent underline disabled:opacity-60"
            >
              {isFetchingNextPage ? 'Loading…' : 'Load more stories'}
            </button>
          )}
        </p>
      )}
      {/* Said once the results are in, not at every keystroke. */}
      <p role="status" className="mb-3 font-sans text-sm text-muted">
        {asked && outcome && !search.isPlaceholderData ? statusOf(answered, outcome.total) : ''}
      </p>
      {!asked && (
        <div className="py-6 reading text-muted">
          <p>
            Type in the search field to search every story: titles, summaries, every section,
            sources, topics, tags and authors.
          </p>
          <p className="mt-2 font-sans text-sm">
            Words match in any order and as you type: “penta” finds “Pentagon”. Press{' '}
            <kbd className="rounded border border-line px-1.5 font-sans">/</kbd> to search from
            anywhere.
          </p>
        </div>
      )}
      {asked && !outcome && search.isError && (
        <p className="py-6 reading text-warn">The search could not be run. Try again.</p>
      )}
      {asked && outcome && (
        <div aria-busy={search.isFetching} className={search.isPlaceholderData ? 'opacity-70' : ''}>
          {outcome.topics.length > 0 && <TopicResults hits={outcome.topics} />}
          {outcome.total === 0 ? (
            <div className="py-6 reading">
              <p className="font-semibold">
                {request.q ? `No stories match “${request.q}”.` : 'No stories match these filters.'}{' '}
                {request.q ? 'Try fewer words.' : ''}
              </p>
              {filtering(request) && (
                <p className="mt-2 text-muted">Filters are on: clearing them may find more.</p>
              )}
            </div>
          ) : (
            <StoryResults hits={[...outcome.stories, ...extra]} />
          )}
          {outcome.more && shown < outcome.total && (
            <div className="mt-6 text-center">
              <button
                type="button"
                disabled={loadingMore}
                onClick={() => {
                  setLoadingMore(true)
                  void outcome
                    .more?.()
                    .then((hits) => setMore({ of: outcome, hits: [...extra, ...hits] }))
                    .finally(() => setLoadingMore(false))
                }}
                className="inline-flex min-h-11 items-center rounded-full border border-line bg-raised px-6 font-sans font-semibold text-accent hover:border-accent disabled:opacity-60"
              >
                {loadingMore ? 'Loading…' : `Show more results (${shown} of ${outcome.total})`}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  )
}
