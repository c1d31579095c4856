import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { FeedError, type FeedErrorKind } from './feed-error'
import { pageForReader, shareStrings, type Keep } from './lean-page'
import type { FeedPage, Story } from './parse-feed'

/*
 * Feed pages are parsed in a module worker: a feed of many megabytes never freezes the page,
 * and the schema is not in the first download. Where none runs, the parser runs here.
 * `head`: send a long page's first stories ahead of it. `opening`: the bytes are a body's
 * opening, still downloading: send only its first stories (null if it holds too few).
 */
export type ParseRequest = {
  id: number
  bytes: Uint8Array
  url: string
  keep?: Keep
  head?: boolean
  opening?: boolean
}
export type ParseReply =
  | { ready: true }
  | { id: number; head: FeedPage | null }
  /** Stories of a page sent in parts, in order; its `page` message then has none of its own. */
  | { id: number; stories: Story[] }
  | { id: number; page: FeedPage }
  | { id: number; error: { kind?: FeedErrorKind; message: string; status?: number } }

type Job = Pick<ParseRequest, 'bytes' | 'url' | 'keep'> & {
  head?: Head
  parts?: Story[][]
  resolve: (page: FeedPage) => void
  reject: (error: unknown) => void
}

/** Where a long page's first stories show: its feed query, if nothing is on screen yet. */
export type Head = { client: QueryClient; queryKey: QueryKey; pageParam: unknown }

const nothingShown = ({ client, queryKey }: Head) => client.getQueryData(queryKey) === undefined

let parser: Promise<Worker | undefined> | undefined
const jobs = new Map<number, Job>()
/** Openings of bodies still downloading, by request: where their first stories go. */
const openings = new Map<number, Head>()
let nextId = 0

async function parseHere(bytes: Uint8Array, url: string, keep?: Keep): Promise<FeedPage> {
  const { parseFeedText } = await import('./parse-feed')
  const page = parseFeedText(new TextDecoder().decode(bytes), url, keep?.only)
  return shareStrings(pageForReader(page, url, keep))
}

function startWorker(): Promise<Worker | undefined> {
  // An opaque origin (a sandbox without allow-same-origin) may not start one.
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
  return new Promise((resolve) => {
    // A worker that fails to load, or dies later, hands its pages back to the main thread.
    const fail = () => {
      worker.terminate()
      openings.clear()
      parser = Promise.resolve(undefined)
      resolve(undefined) // nothing, once it has resolved with the worker
      for (const [id, job] of jobs) {
        jobs.delete(id)
        parseHere(job.bytes, job.url, job.keep).then(job.resolve, job.reject)
      }
    }
    worker.addEventListener('error', fail)
    worker.addEventListener('messageerror', fail)
    worker.addEventListener('message', (event: MessageEvent<ParseReply>) => {
      const data = event.data
      if ('ready' in data) return resolve(worker)
      if ('head' in data) {
        const show = openings.get(data.id) ?? jobs.get(data.id)?.head
        openings.delete(data.id)
        if (show && data.head && nothingShown(show)) {
          const pages = [shareStrings(data.head)]
          show.client.setQueryData(show.queryKey, { pages, pageParams: [show.pageParam] })
        }
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

/** Starts the worker ahead of need; settles once it runs, or could not start (undefined). */
export function prepareFeedParser(): Promise<Worker | undefined> {
  return (parser ??= startWorker())
}

/**
 * A feed page from the bytes of its response, as the reader keeps it (lean-page.ts). `head`:
 * the worker shows its first stories ahead of the rest (the main thread does not).
 */
export async function parseFeedBytes(
  bytes: Uint8Array,
  url: string,
  keep?: Keep,
  head?: Head,
): Promise<FeedPage> {
  const worker = await prepareFeedParser()
  if (!worker) return parseHere(bytes, url, keep)
  return new Promise((resolve, reject) => {
    const id = ++nextId
    jobs.set(id, { bytes, url, keep, head, resolve, reject })
    // A head only for a query with nothing on screen yet: else it is checked for nothing.
    const early = head !== undefined && nothingShown(head)
    // Copied, not transferred: should the worker die, the bytes are still here to parse.
    worker.postMessage({ id, bytes, url, keep, head: early } satisfies ParseRequest)
  })
}

/**
 * Shows a long page's first stories from its body's opening while the rest downloads. Only
 * in the worker: the main thread would parse the same stories again a moment later.
 */
export async function showOpening(
  bytes: Uint8Array,
  url: string,
  keep: Keep | undefined,
  head: Head,
) {
  const worker = await prepareFeedParser()
  if (!worker || !nothingShown(head)) return
  const id = ++nextId
  openings.set(id, head)
  worker.postMessage({ id, bytes, url, keep, opening: true } satisfies ParseRequest)
}
