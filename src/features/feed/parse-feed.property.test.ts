import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { FeedError, parseFeed, parseFeedText, type FeedPage } from './parse-feed'
import { topicKinds } from './feed-format'
import { validateFeedDocument } from './validate-feed'

const FEED_URL = 'https://news.example/feed.json'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]

/** Every place in the sample feed a value sits, to aim mutations at. */
function pathsOf(value: Json, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at]
  const children = Array.isArray(value)
    ? value.map((child, i) => pathsOf(child, [...at, i]))
    : Object.entries(value).map(([key, child]) => pathsOf(child, [...at, key]))
  return [at, ...children.flat()]
}

const base = sample as unknown as Json
const paths = pathsOf(base).filter((p) => p.length > 0)

const hostileString = fc.constantFrom(
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  ' JaVa\tScRiPt:alert(1)',
  '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '',
  '   ',
  '9999-99-99T99:99:99Z',
  '-271821-04-19T00:00:00Z',
  '__proto__',
  'constructor',
)
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constant(undefined),
) as fc.Arbitrary<Json | undefined>

type Mutation = { path: Path; value: Json | undefined }

function mutate(doc: Json, { path, value }: Mutation): Json {
  const copy = structuredClone(doc)
  let parent = copy as Record<string | number, Json>
  for (const key of path.slice(0, -1)) {
    const next = parent[key]
    if (next === null || typeof next !== 'object') return copy
    parent = next as Record<string | number, Json>
  }
  const last = path[path.length - 1] as string | number
  if (value === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1)
    else delete parent[last]
  } else {
    parent[last] = value
  }
  return copy
}

const mutatedFeed = fc
  .array(
    fc.record({
      path: fc.constantFrom(...paths),
      value: replacement,
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((mutations) => mutations.reduce(mutate, base))

/** A duplicate or two, copied from elsewhere in the feed. */
const withDuplicates = fc.tuple(mutatedFeed, fc.nat(), fc.nat()).map(([doc, from, to]) => {
  const items = (doc as { items?: unknown }).items
  if (!Array.isArray(items) || items.length === 0) return doc
  items.splice(to % items.length, 0, structuredClone(items[from % items.length]))
  return doc
})

const anyDocument = fc.oneof(fc.jsonValue(), mutatedFeed, withDuplicates) as fc.Arbitrary<unknown>

/** A parse either gives a page or a FeedError that says what is wrong; never anything else. */
function read(doc: unknown): FeedPage | FeedError {
  try {
    return parseFeed(doc, FEED_URL)
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError)
    expect((error as FeedError).message).not.toBe('')
    return error as FeedError
  }
}

function expectHttpOrNothing(value: string | undefined) {
  if (value !== undefined) expect(new URL(value).protocol).toMatch(/^https?:$/)
}

function expectTrusted(page: FeedPage, itemCount: number) {
  const ids = page.stories.map((s) => s.id)
  expect(new Set(ids).size).toBe(ids.length)
  const duplicates = page.problems.filter((p) => p.message.startsWith('Duplicate')).length
  expect(page.stories.length + page.skipped + duplicates).toBe(itemCount)
  const skippedItems = new Set(
    page.problems
      .filter((p) => !p.message.startsWith('Duplicate'))
      .map((p) => /^\$\.items\[(\d+)\]/.exec(p.path)?.[1]),
  )
  expect(skippedItems.size).toBe(page.skipped)
  expect(skippedItems.has(undefined)).toBe(false)
  for (const url of [page.homePageUrl, page.icon, page.favicon, page.nextUrl]) {
    expectHttpOrNothing(url)
  }
  for (const story of page.stories) {
    expect(story.title.trim()).not.toBe('')
    for (const url of [story.url, story.externalUrl, story.image, story.bannerImage]) {
      expectHttpOrNothing(url)
    }
    for (const author of story.authors) {
      expectHttpOrNothing(author.url)
      expectHttpOrNothing(author.avatar)
    }
    for (const attachment of story.attachments) expectHttpOrNothing(attachment.url)
    const sectionIds = story.sections.map((s) => s.id)
    expect(new Set(sectionIds).size).toBe(sectionIds.length)
    for (const section of story.sections) {
      expect(section.text.trim()).not.toBe('')
      for (const source of section.sources) expectHttpOrNothing(source.url)
    }
    const topicIds = story.topics.map((t) => t.id)
    expect(new Set(topicIds).size).toBe(topicIds.length)
    for (const topic of story.topics) {
      expect(topicKinds).toContain(topic.kind)
      expectHttpOrNothing(topic.url)
      expectHttpOrNothing(topic.image)
    }
    for (const date of [story.published, story.modified]) {
      if (date !== undefined) expect(Number.isNaN(Date.parse(date))).toBe(false)
    }
  }
}

describe('parseFeed, for any JSON value', () => {
  it('returns a page of trusted stories, or a FeedError; it never throws anything else', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const result = read(doc)
        if (result instanceof FeedError) return
        expectTrusted(result, (doc as { items: unknown[] }).items.length)
      }),
      { numRuns: 250 },
    )
  })

  it('agrees with the publishers’ validator: an error there is an item left out here', () => {
    fc.assert(
      fc.property(anyDocument, (doc) => {
        const report = validateFeedDocument(doc, FEED_URL)
        const result = read(doc)
        if (result instanceof FeedError) {
          expect(report.errors[0]).toEqual({ path: '$', message: result.message })
          return
        }
        const duplicates = result.problems.filter((p) => p.message.startsWith('Duplicate'))
        expect(report.errors.length > 0).toBe(result.skipped + duplicates.length > 0)
        expect(report.stories).toBe(result.stories.length)
      }),
      { numRuns: 120 },
    )
  })
})

describe('parseFeedText, for any body', () => {
  it('returns a page or a FeedError naming what the body is', () => {
    const body = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      mutatedFeed.map((v) => JSON.stringify(v)),
      fc.string().map((s) => `<!doctype html><title>502</title>${s}`),
    )
    fc.assert(
      fc.property(body, (text) => {
        try {
          parseFeedText(text, FEED_URL)
        } catch (error) {
          expect(error).toBeInstanceOf(FeedError)
          const { kind } = error as FeedError
          if (text.trim() === '') expect(kind).toBe('empty')
          else if (text.trim().startsWith('<')) expect(kind).toBe('html')
          else expect(['not-json', 'not-a-feed']).toContain(kind)
        }
      }),
      { numRuns: 400 },
    )
  })
})
