import { QueryClient, type InfiniteData } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { KEPT_FEED_KEY } from './feed-config'
import { feedQueryOptions } from './feed-query'
import { keepFeed, restoreKeptFeed } from './kept-feed'
import { parseFeedText, type FeedPage } from './parse-feed'

const options = () => feedQueryOptions()
const feedPage = (items = sample.items) =>
  parseFeedText(JSON.stringify({ ...sample, items }), options().initialPageParam)

/** A query client that has read `page` from the network at `at`. */
function clientThatRead(page: FeedPage, at = Date.now()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  client.setQueryData(
    options().queryKey,
    { pages: [page], pageParams: [options().initialPageParam] },
    { updatedAt: at },
  )
  return client
}

/** A fresh client, its feed query unable to reach the network, and what it restored. */
function nextVisit() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const fetchFeed = vi.fn(() => new Promise<never>(() => {}))
  client.setQueryDefaults(options().queryKey, { queryFn: fetchFeed })
  const restored = restoreKeptFeed(client)
  const data = client.getQueryData<InfiniteData<FeedPage, string>>(options().queryKey)
  return { client, restored, data, fetchFeed }
}

afterEach(() => {
  localStorage.clear()
  vi.restoreAllMocks()
})

describe('the feed kept between visits', () => {
  it('shows the next visit the stories last read, lean, then reads the feed again', () => {
    const page = feedPage()
    const stop = keepFeed(clientThatRead(page, 1_700_000_000_000))
    stop()
    const { restored, data, client, fetchFeed } = nextVisit()
    expect(restored).toBe(true)
    const kept = data!.pages[0]!
    expect(kept.title).toBe(page.title)
    expect(kept.stories.map((s) => s.title)).toEqual(page.stories.map((s) => s.title))
    expect(kept.stories.map((s) => s.topics)).toEqual(page.stories.map((s) => s.topics))
    // Lean: the text is read from the feed when a story is opened.
    expect(kept.stories.every((s) => s.sections.length === 0)).toBe(true)
    expect(kept.stories[0]!.bodyFrom).toBe(options().initialPageParam)
    // Dated when it was read, and read again at once.
    expect(client.getQueryState(options().queryKey)?.dataUpdatedAt).toBe(1_700_000_000_000)
    expect(fetchFeed).toHaveBeenCalledTimes(1)
  })

  it('keeps each read of the feed from the network, and not the kept copy shown again', () => {
    const client = clientThatRead(feedPage(), 1_000)
    const stop = keepFeed(client)
    const later = feedPage(sample.items.slice(0, 3))
    client.setQueryData(
      options().queryKey,
      { pages: [later], pageParams: [options().initialPageParam] },
      { updatedAt: 2_000 },
    )
    // setQueryData is a 'success' update, as a read from the network is.
    stop()
    expect(JSON.parse(localStorage.getItem(KEPT_FEED_KEY)!).page.stories).toHaveLength(3)

    const { client: shown } = nextVisit()
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    keepFeed(shown)()
    expect(setItem).not.toHaveBeenCalled()
  })

  it('keeps at most the first 200 stories, and then no next page', () => {
    const items = Array.from({ length: 250 }, (_, n) => ({ ...sample.items[0]!, id: `s-${n}` }))
    const page = { ...feedPage(items), nextUrl: 'https://news.example/page-2.json' }
    keepFeed(clientThatRead(page))()
    const kept = nextVisit().data!.pages[0]!
    expect(kept.stories).toHaveLength(200)
    expect(kept.nextUrl).toBeUndefined()
  })

  it('is ignored when it is another feed’s, not a kept page, or unreadable', () => {
    keepFeed(clientThatRead(feedPage()))()
    const good = JSON.parse(localStorage.getItem(KEPT_FEED_KEY)!)
    const story = good.page.stories[0]
    for (const bad of [
      '{not json',
      'null',
      '[]',
      JSON.stringify({ ...good, url: 'https://elsewhere.example/feed.json' }),
      JSON.stringify({ ...good, savedAt: 'yesterday' }),
      JSON.stringify({ ...good, page: { ...good.page, stories: 'none' } }),
      JSON.stringify({ ...good, page: { ...good.page, stories: [{ ...story, id: 7 }] } }),
      JSON.stringify({ ...good, page: { ...good.page, stories: [{ ...story, tags: [1] }] } }),
      JSON.stringify({
        ...good,
        page: {
          ...good.page,
          stories: [{ ...story, topics: [{ id: 'x', name: 'X', kind: 'planet' }] }],
        },
      }),
    ]) {
      localStorage.setItem(KEPT_FEED_KEY, bad)
      const { restored, data, fetchFeed } = nextVisit()
      expect(restored, bad.slice(0, 60)).toBe(false)
      expect(data).toBeUndefined()
      expect(fetchFeed).not.toHaveBeenCalled()
    }
  })

  it('lives without storage: reading or writing it may throw', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(() => keepFeed(clientThatRead(feedPage()))()).not.toThrow()
    expect(nextVisit().restored).toBe(false)
  })

  it('does not replace a feed the cache already has', () => {
    keepFeed(clientThatRead(feedPage()))()
    const client = clientThatRead(feedPage(sample.items.slice(0, 1)))
    expect(restoreKeptFeed(client)).toBe(false)
    const data = client.getQueryData<InfiniteData<FeedPage, string>>(options().queryKey)
    expect(data!.pages[0]!.stories).toHaveLength(1)
  })
})
