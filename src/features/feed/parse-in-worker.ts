import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { FeedError, type FeedErrorKind } from './feed-error'
import { pageForReader, shareStrings, type Keep } from './lean-page'
import type { FeedPage, Story } from './parse-feed'

/*
 * Feed pages are parsed and validated in a module worker, so that a feed of many megabytes
 * never freezes the page and the schema is not part of the first download. Where no worker
 * can run (no Worker, a frame sandboxed without allow-same-origin, a worker that fails to
 * load) the same parser runs here, loaded on demand.
 */

/**
 * `keep`: what of the page to keep (lean-page.ts). `head`: send a long page's first stories
 * ahead of it, as a partial page (parse-feed.worker.ts). `parts`: send a page kept whole in
 * parts (its head is on screen already). `opening`: the bytes are a body's opening, still
 * downloading: send only its first stories (null if it holds too few).
 */
export type ParseRequest = {
  id: number
  bytes: Uint8Array
  url: string
  keep?: Keep
  head?: boolean
  parts?: boolean
  opening?: boolean
}
export type ParseReply =
  | { ready: true }
  | { id: number; head: FeedPage | null }
  /** Stories of a page sent in parts, in order; its `page` message then has none of its own. */
  | { id: number; stories: Story[] }
  | { id: number; page: FeedPage }
  | { id: number; error: { kind?: FeedErrorKind; message: string; status?: number } }

type Job = {
  bytes: Uint8Array
  url: string
  keep?: Keep
  head?: Head
  parts?: Story[][]
  resolve: (page: FeedPage) => void
  reject: (error: unknown) => void
}

/**
 * Where a long page's first stories (parse-feed.worker.ts, HEAD_STORIES), handed over ahead
 * of it, are shown: the feed query whose page it is, if nothing is on screen yet (a later
 * page has a screen). The whole page replaces them.
 */
export type Head = { client: QueryClient; queryKey: QueryKey; pageParam: unknown }

/** Whether the query of a page that may show a head has nothing on screen yet. */
const nothingShown = ({ client, queryKey }: Head) => client.getQueryData(queryKey) === undefined

function showHead(head: Head, page: FeedPage) {
  if (!nothingShown(head)) return
  head.client.setQueryData(head.queryKey, { pages: [page], pageParams: [head.pageParam] })
}

let parser: Promise<Worker | undefined> | undefined
/** The worker once started, before it is known to run: messages to it wait for it. */
let started: Worker | undefined
const jobs = new Map<number, Job>()
/**
 * Openings of bodies still downloading, by request: where their first stories go, and what
 * to call once they are painted (or there were none).
 */
const openings = new Map<number, { head: Head; shown: () => void }>()
let nextId = 0

async function parseHere(bytes: Uint8Array, url: string, keep?: Keep): Promise<FeedPage> {
  const { parseFeedText } = await import('./parse-feed')
  const page = parseFeedText(new TextDecoder().decode(bytes), url, keep?.only)
  return shareStrings(pageForReader(page, url, keep))
}

function startWorker(): Promise<Worker | undefined> {
  // An opaque origin (a sandbox without allow-same-origin) may not start a worker from the
  // reader's URL; the constructor would only throw.
  if (typeof Worker === 'undefined' || self.origin === 'null') return Promise.resolve(undefined)
  let worker: Worker
  try {
    worker = new Worker(new URL('./parse-feed.worker.ts', import.meta.url), {
      type: 'module',
      name: 'feed-parser',
    })
  } catch {
    return Promise.resolve(undefined)
  }
  started = worker
  return new Promise((resolve) => {
    let ready = false
    // A worker that fails to load, or dies later, hands its pages back to the main thread.
    const fail = () => {
      worker.terminate()
      started = undefined
      for (const { shown } of openings.values()) shown()
      openings.clear()
      parser = Promise.resolve(undefined)
      if (!ready) resolve(undefined)
      for (const [id, job] of jobs) {
        jobs.delete(id)
        parseHere(job.bytes, job.url, job.keep).then(job.resolve, job.reject)
      }
    }
    worker.addEventListener('error', fail)
    worker.addEventListener('messageerror', fail)
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const data = event.data
      if ('ready' in data) {
        ready = true
        resolve(worker)
        return
      }
      if ('head' in data) {
        const opening = openings.get(data.id)
        const show = opening?.head ?? jobs.get(data.id)?.head
        openings.delete(data.id)
        if (show && data.head) showHead(show, shareStrings(data.head))
        if (opening) afterPaint(opening.shown)
        return
      }
      const job = jobs.get(data.id)
      if (!job) return
      if ('stories' in data) {
        ;(job.parts ??= []).push(data.stories)
        return
      }
      jobs.delete(data.id)
      if ('page' in data) {
        const page = job.parts ? { ...data.page, stories: job.parts.flat() } : data.page
        job.resolve(shareStrings(page))
      } else {
        const { kind, message, status } = data.error
        job.reject(kind ? new FeedError(kind, message, status) : new Error(message))
      }
    })
  })
}

/**
 * Starts the worker ahead of need, e.g. while the feed downloads. Settles once it runs, or
 * could not start (undefined).
 */
export function prepareFeedParser(): Promise<Worker | undefined> {
  return (parser ??= startWorker())
}

/**
 * Settles once the worker runs or could not start, or after 500 ms: one slow to start is still
 * sent what showOpening hands it, and runs it once it can.
 */
export function workerStarting(): Promise<unknown> {
  return Promise.race([prepareFeedParser(), sleep(500)])
}

/**
 * A feed page from the bytes of its response, parsed off the main thread where possible,
 * as the reader keeps it (`keep`, lean-page.ts). `head`: the worker shows its first stories
 * ahead of the rest (the main thread, parsing it all in one task, does not).
 */
export async function parseFeedBytes(
  bytes: Uint8Array,
  url: string,
  keep?: Keep,
  head?: Head,
  /** What showOpening returned for these bytes' opening. */
  opened?: Promise<void>,
): Promise<FeedPage> {
  prepareFeedParser()
  // The opening's stories are painted first: the page's copy to the worker (16 ms for 20 MB)
  // and its parsing (taking a core) would hold them back.
  if (opened) await Promise.race([opened, sleep(OPENING_WAIT_MS)])
  const worker = await parser
  if (!worker) return parseHere(bytes, url, keep)
  return new Promise((resolve, reject) => {
    const id = ++nextId
    jobs.set(id, { bytes, url, keep, head, resolve, reject })
    // A head only for a query with nothing to show yet: a later page, or the feed read
    // again, would check and send its first stories for nothing.
    const early = head !== undefined && nothingShown(head)
    // Copied, not transferred: should the worker die, the bytes are still here to parse.
    worker.postMessage({
      id,
      bytes,
      url,
      keep,
      head: early && !opened,
      parts: opened !== undefined,
    } satisfies ParseRequest)
  })
}

/**
 * Shows a long page's first stories from the opening of its body while the rest downloads
 * (`head`: where, if nothing is on screen yet). Only in the worker: the main thread would
 * parse the same stories again a moment later. Handed over at once, even to a worker still
 * starting: the body's reading keeps the main thread busy until its last byte. Returns,
 * if it was handed over, a promise that settles once its stories are painted (or it held too
 * few): parseFeedBytes waits for it.
 */
export function showOpening(
  bytes: Uint8Array,
  url: string,
  keep: Keep | undefined,
  head: Head,
): Promise<void> | undefined {
  prepareFeedParser()
  if (!started || !nothingShown(head)) return undefined
  const id = ++nextId
  const shown = new Promise<void>((resolve) => openings.set(id, { head, shown: resolve }))
  started.postMessage({ id, bytes, url, keep, opening: true } satisfies ParseRequest)
  return shown
}

/** How long a long page waits for its opening's stories to be painted, at most. */
const OPENING_WAIT_MS = 300
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs once what the page was given is painted: once it is idle (React has rendered it), after
 * its next frame. A hidden page paints no frames: then after OPENING_WAIT_MS.
 */
function afterPaint(run: () => void) {
  const painted = () => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run))
    setTimeout(run, OPENING_WAIT_MS)
  }
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(painted, { timeout: OPENING_WAIT_MS })
  else setTimeout(painted)
}
