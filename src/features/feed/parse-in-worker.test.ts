import type { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import type { FeedError } from './feed-error'
import { pageForReader } from './lean-page'
import { parseFeedText, type FeedPage } from './parse-feed'

const URL_ = 'https://news.example/feed.json'
const bytes = (text: string) => new TextEncoder().encode(text)

/** A fresh copy of the module: it keeps one worker for the page's lifetime. */
async function freshModule() {
  vi.resetModules()
  return import('./parse-in-worker')
}

/** A Worker that fails to load its script, as one blocked by a policy or a network error. */
class UnloadableWorker extends EventTarget {
  static made = 0
  constructor() {
    super()
    UnloadableWorker.made += 1
    queueMicrotask(() => this.dispatchEvent(new Event('error')))
  }
  postMessage() {
    throw new Error('a worker that never started was sent a page')
  }
  terminate() {}
}

/**
 * The real worker module run in this thread: its `self` is the test's window, so messages
 * are passed by hand between it and the page's side, in order, asynchronously.
 */
class InProcessWorker extends EventTarget {
  static made = 0
  constructor(url: URL, options: WorkerOptions) {
    super()
    InProcessWorker.made += 1
    expect(url.pathname).toMatch(/parse-feed\.worker\.ts$/)
    expect(options.type).toBe('module')
    vi.spyOn(window, 'postMessage').mockImplementation((data: unknown) => {
      setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data })))
    })
    void import('./parse-feed.worker')
  }
  postMessage(data: unknown) {
    setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data })))
  }
  terminate() {}
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  UnloadableWorker.made = 0
  InProcessWorker.made = 0
})

/** Over a megabyte (LONG_PAGE_BYTES): the sample’s stories, `copies` times over. */
function longFeed(copies = 14) {
  const items = Array.from({ length: copies }, (_, copy) =>
    sample.items.map((item) => ({ ...item, id: `${item.id}-${copy}` })),
  ).flat()
  const text = JSON.stringify({ ...sample, items })
  expect(text.length).toBeGreaterThan(1024 * 1024)
  // The page's first twenty items, as the reader shows them ahead of it.
  const first = parseFeedText(JSON.stringify({ ...sample, items: items.slice(0, 20) }), URL_)
  return { items, text, first }
}

/** The feed query a page is for, with nothing on screen yet, as parseFeedBytes sees it. */
function feedQuery() {
  const shown: FeedPage[] = []
  const client = {
    getQueryData: () => undefined,
    setQueryData: (_key: unknown, data: { pages: FeedPage[] }) => void shown.push(...data.pages),
  } as unknown as QueryClient
  return { shown, client, show: { client, queryKey: ['feed'], pageParam: URL_ } }
}

describe('parseFeedBytes', () => {
  it('parses in the worker: the same page as the parser, and its FeedErrors as FeedErrors', async () => {
    vi.stubGlobal('Worker', InProcessWorker)
    const { parseFeedBytes } = await freshModule()
    const { FeedError: FreshFeedError } = await import('./feed-error')
    const text = JSON.stringify(sample)
    const [page, empty] = await Promise.all([
      parseFeedBytes(bytes(text), URL_),
      parseFeedBytes(bytes(JSON.stringify({ ...sample, items: [] })), URL_),
    ])
    expect(page).toEqual(parseFeedText(text, URL_))
    expect(empty.stories).toEqual([])
    const error = await parseFeedBytes(bytes('{"version": 2}'), URL_).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FreshFeedError)
    expect(error).toMatchObject({ kind: 'not-a-feed' })
    expect(InProcessWorker.made).toBe(1)
  })

  it('shows a long page’s first stories ahead of it, checked, then the whole page', async () => {
    vi.stubGlobal('Worker', InProcessWorker)
    const { parseFeedBytes } = await freshModule()
    const { items, text, first } = longFeed()
    const { shown, show, client } = feedQuery()

    // A feed in one document, kept whole (and sent in parts)...
    const whole = parseFeedText(text, URL_)
    expect(await parseFeedBytes(bytes(text), URL_, undefined, show)).toEqual(whole)
    expect(shown).toHaveLength(1)
    expect(shown[0]?.partial).toBe(true)
    // The page's first twenty items, checked and in the reader's order.
    expect(shown[0]?.stories).toEqual(first.stories)

    // ...and the first page of a paged one, kept lean.
    const paged = JSON.stringify({ ...sample, items, next_url: 'https://news.example/2.json' })
    const lean = pageForReader(parseFeedText(paged, URL_), URL_)
    const read = await parseFeedBytes(bytes(paged), URL_, undefined, show)
    const leanFields = (page: FeedPage) => page.stories.map((story) => [story.id, story.bodyFrom])
    expect(leanFields(read)).toEqual(leanFields(lean))
    expect(read.nextUrl).toBe('https://news.example/2.json')
    expect(shown).toHaveLength(2)
    // (Kept whole until the lean page replaces them.)
    expect(shown[1]?.stories).toEqual(first.stories)
    // Nothing to read on from until the page is whole.
    expect(shown[1]?.nextUrl).toBeUndefined()

    // A short page, or a long one that is not a feed, has none.
    const short = JSON.stringify(sample)
    expect(await parseFeedBytes(bytes(short), URL_, undefined, show)).toEqual(
      parseFeedText(short, URL_),
    )
    const broken = JSON.stringify({ items: Array(40).fill('x'.repeat(30_000)) })
    await expect(parseFeedBytes(bytes(broken), URL_, undefined, show)).rejects.toMatchObject({
      kind: 'not-a-feed',
    })
    // A long page cut short shows its first stories (read from its opening alone), and the
    // whole says what failed.
    const cut = text.slice(0, text.length - 5000)
    await expect(parseFeedBytes(bytes(cut), URL_, undefined, show)).rejects.toMatchObject({
      kind: 'not-json',
    })
    expect(shown).toHaveLength(3)
    expect(shown[2]?.stories).toEqual(first.stories)
    // Nor does a page for a query with something on screen (a later page, a read again).
    const busy = { ...client, getQueryData: () => ({ pages: [] }) } as unknown as QueryClient
    const onScreen = { ...show, client: busy }
    expect(await parseFeedBytes(bytes(text), URL_, undefined, onScreen)).toEqual(whole)
    expect(shown).toHaveLength(3)
  })

  it('shows a long page’s first stories while the rest is still downloading', async () => {
    vi.stubGlobal('Worker', InProcessWorker)
    vi.resetModules()
    const { fetchFeedPage } = await import('./fetch-feed')
    const { text, first } = longFeed(20)
    const body = bytes(text)
    // The body in 64 KB pieces; after the first 1.25 MB it waits until told to go on.
    let goOn = () => {}
    const resumed = new Promise<void>((resolve) => (goOn = resolve))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent >= 1.25 * 1024 * 1024) await resumed
        if (sent >= body.length) return controller.close()
        controller.enqueue(body.slice(sent, sent + 64 * 1024))
        sent += 64 * 1024
      },
    })
    vi.stubGlobal('fetch', async () => new Response(stream, { status: 200 }))
    let shown: FeedPage | undefined
    const client = {
      getQueryData: () => shown && { pages: [shown] },
      setQueryData: (_key: unknown, data: { pages: FeedPage[] }) => void (shown = data.pages[0]),
    } as unknown as QueryClient
    const head = { client, queryKey: ['feed'], pageParam: URL_ }
    const page = fetchFeedPage(URL_, undefined, { head })
    await vi.waitFor(() => expect(shown?.partial).toBe(true))
    // Shown before the body was all in: its first twenty stories, checked.
    expect(sent).toBeLessThan(body.length)
    expect(shown?.stories).toEqual(first.stories)
    goOn()
    expect(await page).toEqual(parseFeedText(text, URL_))
  })

  it('parses on the main thread where there is no Worker, as the parser itself does', async () => {
    vi.stubGlobal('Worker', undefined)
    const { parseFeedBytes } = await freshModule()
    const text = JSON.stringify(sample)
    expect(await parseFeedBytes(bytes(text), URL_)).toEqual(parseFeedText(text, URL_))
  })

  it('falls back to the main thread when the worker cannot load, and stops trying it', async () => {
    vi.stubGlobal('Worker', UnloadableWorker)
    const { parseFeedBytes } = await freshModule()
    const first = await parseFeedBytes(bytes(JSON.stringify(sample)), URL_)
    expect(first.stories).toHaveLength(sample.items.length)
    const second = await parseFeedBytes(bytes(JSON.stringify({ ...sample, items: [] })), URL_)
    expect(second.stories).toEqual([])
    expect(UnloadableWorker.made).toBe(1)
  })

  it('falls back when the Worker constructor throws, as in an opaque-origin frame', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('cannot be accessed from origin null', 'SecurityError')
        }
      },
    )
    const { parseFeedBytes } = await freshModule()
    expect((await parseFeedBytes(bytes(JSON.stringify(sample)), URL_)).title).toBe(sample.title)
  })

  it('rejects with the same FeedError the parser gives', async () => {
    vi.stubGlobal('Worker', undefined)
    const { parseFeedBytes } = await freshModule()
    const { FeedError: FreshFeedError } = await import('./feed-error')
    const error = await parseFeedBytes(bytes('<!doctype html><p>Not found'), URL_).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(FreshFeedError)
    expect((error as FeedError).kind).toBe('html')
  })
})
