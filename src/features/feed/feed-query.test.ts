import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { selectFeed, shareWhenSmall, type Feed } from './feed-query'
import { parseFeed, type FeedPage } from './parse-feed'

const URL_ = 'https://news.example/feed.json'

/** The sample feed split into pages of `size` items, each page parsed as the reader does. */
function pages(size: number): FeedPage[] {
  const out: FeedPage[] = []
  for (let i = 0; i < sample.items.length; i += size) {
    out.push(parseFeed({ ...sample, items: sample.items.slice(i, i + size) }, `${URL_}?${i}`))
  }
  return out
}

const data = (list: FeedPage[]) => ({ pages: list, pageParams: list.map((_, i) => String(i)) })

/** What a screen sees of a feed, for comparing two of them. */
function shape(feed: Feed) {
  return {
    ids: feed.stories.map((s) => s.id),
    byId: feed.stories.map((s) => feed.storyById.get(s.id)?.id),
    size: feed.storyById.size,
    topics: [...feed.topicById].map(([id, e]) => [
      id,
      e.topic.name,
      e.count,
      e.stories.map((s) => s.id),
    ]),
    pageCount: feed.pageCount,
    skipped: feed.skipped,
  }
}

describe('the feed, flattened from its pages', () => {
  it('adds a page read on to what it had, as if flattened afresh', () => {
    const list = pages(5)
    expect(list.length).toBeGreaterThan(2)
    const two = selectFeed(data(list.slice(0, 2)))
    const twoShape = shape(two)
    const all = selectFeed(data(list))
    // Built from copies of the pages: nothing carried over.
    const afresh = selectFeed(data(list.map((page) => ({ ...page }))))
    expect(shape(all)).toEqual(shape(afresh))
    expect(all.stories).toHaveLength(sample.items.length)
    // The feed of two pages is as it was: its look-ups were copied, not changed.
    expect(shape(two)).toEqual(twoShape)
    expect(two.storyById.size).toBeLessThan(all.storyById.size)
  })

  it('gives every screen the same feed for the same pages', () => {
    const list = pages(7)
    const first = selectFeed(data(list))
    expect(selectFeed(data(list))).toBe(first)
    expect(selectFeed(data([...list]))).toBe(first)
  })

  it('keeps the first of a story that a later page repeats', () => {
    const [one] = pages(100)
    const repeat: FeedPage = {
      ...one!,
      stories: one!.stories.slice(0, 1).map((s) => ({ ...s, title: 'A later copy' })),
    }
    const feed = selectFeed(data([one!, repeat]))
    expect(feed.stories).toHaveLength(one!.stories.length)
    expect(feed.storyById.get(one!.stories[0]!.id)?.title).toBe(one!.stories[0]!.title)
  })
})

describe('a feed read again', () => {
  it('keeps the objects of an unchanged feed, and of the stories that did not change', () => {
    const before = data(pages(100))
    const same = data(pages(100))
    expect(shareWhenSmall(before, same)).toBe(before)
    const [page] = pages(100)
    const edited = data([
      { ...page!, stories: page!.stories.map((s, i) => (i === 0 ? { ...s, title: 'New' } : s)) },
    ])
    const shared = shareWhenSmall(before, edited) as typeof before
    expect(shared).not.toBe(before)
    expect(shared.pages[0]!.stories[0]!.title).toBe('New')
    expect(shared.pages[0]!.stories[1]).toBe(before.pages[0]!.stories[1])
  })

  it('does not compare a long feed: it is taken as it comes', () => {
    const [page] = pages(100)
    const long = (copy: number) =>
      data(
        Array.from({ length: 120 }, (_, n) => ({
          ...page!,
          stories: page!.stories.map((s) => ({ ...s, id: `${s.id}-${n}-${copy}` })),
        })),
      )
    const after = long(2)
    expect(shareWhenSmall(long(1), after)).toBe(after)
  })
})
