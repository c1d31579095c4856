import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { LEAN_PAGE_OVER, leanExcept, pageForReader, shareStrings } from './lean-page'
import { parseFeedText, type Story } from './parse-feed'

const PAGE_URL = 'https://news.example/feed/page-3.json'

/** A long page of real stories: the sample feed's items, repeated under new ids. */
function longPageText(count: number) {
  const items = Array.from({ length: count }, (_, n) => {
    const item = sample.items[n % sample.items.length]!
    return { ...item, id: `${item.id}-${n}` }
  })
  return JSON.stringify({ ...sample, items })
}

describe('a page as the reader keeps it', () => {
  it('keeps a short page whole', () => {
    const page = parseFeedText(JSON.stringify(sample), PAGE_URL)
    expect(pageForReader(page, PAGE_URL, { later: true })).toBe(page)
  })

  it('keeps a long feed in one document whole: opening a story then reads nothing more', () => {
    const page = parseFeedText(longPageText(LEAN_PAGE_OVER + 1), PAGE_URL)
    expect(pageForReader(page, PAGE_URL)).toBe(page)
  })

  it('keeps a long page of a paged feed lean, the first (it has a next_url) as the rest', () => {
    const first = JSON.parse(longPageText(LEAN_PAGE_OVER + 1)) as Record<string, unknown>
    first.next_url = 'page-2.json'
    const page = parseFeedText(JSON.stringify(first), PAGE_URL)
    expect(pageForReader(page, PAGE_URL).stories[0]!.bodyFrom).toBe(PAGE_URL)
  })

  it('keeps of a long page only what lists show, and where to read the rest', () => {
    const whole = parseFeedText(longPageText(LEAN_PAGE_OVER + 1), PAGE_URL)
    const lean = pageForReader(whole, PAGE_URL, { later: true })
    expect(lean.stories).toHaveLength(whole.stories.length)
    lean.stories.forEach((story, i) => {
      const full = whole.stories[i]!
      const { id, title, hasTitle, summary, published, modified, language, tags, topics } = full
      expect(story).toMatchObject({ id, title, hasTitle, summary, published, modified, language })
      expect(story.tags).toEqual(tags)
      expect(story.topics).toEqual(topics)
      expect(story.isStory).toBe(full.isStory)
      expect(story.bodyFrom).toBe(PAGE_URL)
      expect(story.sections).toEqual([])
      expect(story.contentText).toBeUndefined()
      expect(story.contentHtml).toBeUndefined()
      expect(story.authors).toEqual([])
      expect(story.attachments).toEqual([])
    })
    // The seed story's text is among what a lean page leaves out.
    expect(whole.stories.some((s) => s.sections.length > 0)).toBe(true)
  })

  it('shares one object for each topic across the stories of a page', () => {
    const lean = pageForReader(parseFeedText(longPageText(400), PAGE_URL), PAGE_URL, {
      later: true,
    })
    const mentions = lean.stories.flatMap((s) => s.topics)
    const objects = new Set(mentions)
    const ids = new Set(mentions.map((t) => t.id))
    expect(mentions.length).toBeGreaterThan(objects.size)
    expect(objects.size).toBe(ids.size)
  })

  it('reads one story whole, checking no other item', () => {
    const feed = JSON.parse(longPageText(300)) as { items: Record<string, unknown>[] }
    const seedAt = feed.items.findLastIndex((item) =>
      String(item.id).startsWith('2024-10-30-north-korea-troops-kursk-'),
    )
    const id = String(feed.items[seedAt]!.id)
    // A broken item elsewhere on the page is no concern of the story asked for.
    feed.items[0] = { title: 'An item without an id' }
    const text = JSON.stringify(feed)
    const one = pageForReader(parseFeedText(text, PAGE_URL, id), PAGE_URL, { only: id })
    expect(one.problems).toEqual([])
    expect(one.stories).toHaveLength(1)
    expect(one.stories[0]!.id).toBe(id)
    expect(one.stories[0]!.bodyFrom).toBeUndefined()
    expect(one.stories[0]!.sections.map((s) => s.title)).toContain("What's happened")
    expect(parseFeedText(text, PAGE_URL, 'no-such-story').stories).toEqual([])
    expect(parseFeedText(text, PAGE_URL).problems).not.toEqual([])
  })

  it('makes the stories of a page received from a worker share what they repeat', () => {
    // Some items changed since, some without a title of their own: lean stories hold those
    // apart from the rest.
    const feed = JSON.parse(longPageText(300)) as { items: Record<string, unknown>[] }
    feed.items = feed.items.map((item, n) => ({
      ...item,
      ...(n % 5 === 0 ? { date_modified: '2024-12-20T10:00:00Z' } : {}),
      ...(n % 7 === 0 && item.content_text ? { title: undefined } : {}),
    }))
    const lean = pageForReader(parseFeedText(JSON.stringify(feed), PAGE_URL), PAGE_URL, {
      later: true,
    })
    expect(lean.stories.some((s) => !s.hasTitle)).toBe(true)
    expect(lean.stories.some((s) => s.modified !== undefined)).toBe(true)
    // As a worker's message delivers it: a copy of every string, wherever it appears.
    const received = structuredClone(lean)
    const shared = shareStrings(received)
    // Read field by field, as the screens read them: some are on the lean story's prototype.
    const keys = Object.keys(lean.stories[0]!) as (keyof Story)[]
    const asRead = (story: Story) => Object.fromEntries(keys.map((key) => [key, story[key]]))
    expect(keys).toEqual(expect.arrayContaining(['authors', 'hasTitle', 'modified', 'sections']))
    expect(shared.stories.map(asRead)).toEqual(lean.stories.map(asRead))
    const tagged = shared.stories.filter((s) => s.tags.length > 0)
    const first = tagged[0]!
    const same = tagged.filter((s) => JSON.stringify(s.tags) === JSON.stringify(first.tags))
    expect(same.length).toBeGreaterThan(1)
    expect(same.every((s) => s.tags === first.tags)).toBe(true)
    // A whole story (a page kept whole) is passed on as it came.
    const whole = parseFeedText(JSON.stringify(sample), PAGE_URL)
    expect(shareStrings(whole).stories.every((s, i) => s === whole.stories[i])).toBe(true)
  })

  it('makes pages share the tags and topics that earlier pages had', () => {
    const received = (n: number) =>
      shareStrings(
        structuredClone(
          pageForReader(parseFeedText(longPageText(300), `${PAGE_URL}?${n}`), PAGE_URL, {
            later: true,
          }),
        ),
      )
    const [one, two] = [received(1), received(2)]
    const tagged = (page: typeof one) => page.stories.find((s) => s.tags.length > 1)!
    expect(tagged(two).tags).toBe(tagged(one).tags)
    const topical = (page: typeof one) => page.stories.find((s) => s.topics.length > 0)!
    expect(topical(two).topics).toBe(topical(one).topics)
    expect(topical(two).topics[0]).toBe(topical(one).topics[0])
  })

  it('keeps one story whole and the rest lean, for a story page built ahead of time', () => {
    const page = parseFeedText(JSON.stringify(sample), PAGE_URL)
    const seed = '2024-10-30-north-korea-troops-kursk'
    const carried = leanExcept(page, seed, '/feed.json')
    expect(carried.stories.map((s) => s.id)).toEqual(page.stories.map((s) => s.id))
    expect(carried.stories.find((s) => s.id === seed)).toBe(page.stories.find((s) => s.id === seed))
    const others = carried.stories.filter((s) => s.id !== seed)
    expect(others.every((s) => s.bodyFrom === '/feed.json' && s.sections.length === 0)).toBe(true)
    expect(JSON.stringify(carried).length).toBeLessThan(JSON.stringify(page).length / 2)
  })
})
