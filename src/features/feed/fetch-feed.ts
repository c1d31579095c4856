import { FEED_BYTE_LIMIT, FEED_TIMEOUT_MS, LONG_PAGE_BYTES } from './feed-config'
import { FeedError } from './feed-error'
import type { Keep } from './lean-page'
import type { FeedPage } from './parse-feed'
import type { Head } from './parse-in-worker'

/** One page of the feed, read and parsed, kept as `keep` says (lean-page.ts). */
export async function fetchFeedPage(
  url: string,
  signal?: AbortSignal,
  {
    timeoutMs = FEED_TIMEOUT_MS,
    byteLimit = FEED_BYTE_LIMIT,
    keep,
    head,
  }: { timeoutMs?: number; byteLimit?: number; keep?: Keep; head?: Head } = {},
): Promise<FeedPage> {
  // The parser (and its worker) load while the feed downloads.
  const parser = import('./parse-in-worker')
  void parser.then((m) => m.prepareFeedParser()).catch(() => undefined)
  const timeout = AbortSignal.timeout(timeoutMs)
  let response: Response
  try {
    response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: 'application/feed+json, application/json' },
    })
  } catch (error) {
    throw abortOrNetwork(error, timeout)
  }
  if (!response.ok) {
    throw new FeedError(
      'http',
      `The feed server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      response.status,
    )
  }
  const declared = Number(response.headers.get('content-length'))
  if (declared > byteLimit) throw tooLarge(byteLimit)
  const base = response.url || url
  // A long page shows its first stories once its opening is in: 20 MB take a slow connection
  // many seconds.
  const opening =
    head && keep?.only === undefined
      ? (bytes: Uint8Array) => void parser.then((m) => m.showOpening(bytes, base, keep, head))
      : undefined
  let body: Uint8Array
  try {
    body = await readCapped(response, byteLimit, opening)
  } catch (error) {
    if (error instanceof FeedError) throw error
    throw abortOrNetwork(error, timeout)
  }
  return (await parser).parseFeedBytes(body, base, keep, head)
}

/** Once a page's first LONG_PAGE_BYTES are in and more are coming, `opening` gets those. */
async function readCapped(
  response: Response,
  byteLimit: number,
  opening?: (bytes: Uint8Array) => void,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer())
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  let unshown = opening
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    if (unshown && total >= LONG_PAGE_BYTES) {
      unshown(concat(chunks, total))
      unshown = undefined
    }
    total += value.byteLength
    if (total > byteLimit) {
      void reader.cancel().catch(() => undefined)
      throw tooLarge(byteLimit)
    }
    chunks.push(value)
  }
  return concat(chunks, total)
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

function tooLarge(byteLimit: number): FeedError {
  const size =
    byteLimit >= 1024 * 1024
      ? `${Math.round(byteLimit / 1024 / 1024)} MB`
      : `${Math.round(byteLimit / 1024)} KB`
  return new FeedError('too-large', `The feed is larger than ${size}, too large to read here.`)
}

function abortOrNetwork(error: unknown, timeout: AbortSignal): unknown {
  if (timeout.aborted) return new FeedError('timeout', 'The feed server did not answer in time.')
  if (error instanceof DOMException && error.name === 'AbortError') return error
  return new FeedError('network', 'The feed could not be reached. Check your connection.')
}

/**
 * Network trouble and server errors are worth another try (three take seconds). A timeout is
 * not (another wait as long would be half a minute), nor a 404 or a broken feed.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3 || !(error instanceof FeedError)) return false
  if (error.kind === 'network') return true
  return error.kind === 'http' && (error.status ?? 0) >= 500
}
