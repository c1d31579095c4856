import { FeedError, type FeedErrorKind } from './feed-error'
import { pageForReader, shareStrings, type Keep } from './lean-page'
import type { FeedPage } from './parse-feed'

/*
 * Feed pages are parsed and validated in a module worker, so that a feed of many megabytes
 * never freezes the page and the schema is not part of the first download. Where no worker
 * can run (no Worker, a frame sandboxed without allow-same-origin, a worker that fails to
 * load) the same parser runs here, loaded on demand.
 */

/** `keep`: what of the page to keep (lean-page.ts). */
export type ParseRequest = { id: number; bytes: Uint8Array; url: string; keep?: Keep }
export type ParseReply =
  | { ready: true }
  | { id: number; page: FeedPage }
  | { id: number; error: { kind?: FeedErrorKind; message: string; status?: number } }

type Job = {
  bytes: Uint8Array
  url: string
  keep?: Keep
  resolve: (page: FeedPage) => void
  reject: (error: unknown) => void
}

let parser: Promise<Worker | undefined> | undefined
const jobs = new Map<number, Job>()
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
  return new Promise((resolve) => {
    let ready = false
    // A worker that fails to load, or dies later, hands its pages back to the main thread.
    const fail = () => {
      worker.terminate()
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
      const job = jobs.get(data.id)
      if (!job) return
      jobs.delete(data.id)
      if ('page' in data) job.resolve(shareStrings(data.page))
      else {
        const { kind, message, status } = data.error
        job.reject(kind ? new FeedError(kind, message, status) : new Error(message))
      }
    })
  })
}

/** Starts the worker ahead of need, e.g. while the feed downloads. */
export function prepareFeedParser(): void {
  parser ??= startWorker()
}

/**
 * A feed page from the bytes of its response, parsed off the main thread where possible,
 * as the reader keeps it (`keep`, lean-page.ts).
 */
export async function parseFeedBytes(
  bytes: Uint8Array,
  url: string,
  keep?: Keep,
): Promise<FeedPage> {
  prepareFeedParser()
  const worker = await parser
  if (!worker) return parseHere(bytes, url, keep)
  return new Promise((resolve, reject) => {
    const id = ++nextId
    jobs.set(id, { bytes, url, keep, resolve, reject })
    // Copied, not transferred: should the worker die, the bytes are still here to parse.
    worker.postMessage({ id, bytes, url, keep } satisfies ParseRequest)
  })
}
