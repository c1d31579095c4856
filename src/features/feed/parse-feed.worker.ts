import { feedHeadText } from './feed-head'
import { pageForReader } from './lean-page'
import { FeedError, parseFeed, parseFeedHead, parseFeedJson } from './parse-feed'
import type { ParseReply, ParseRequest } from './parse-in-worker'

/*
 * Reads feed pages off the main thread: decoding, JSON.parse and validation of a feed of
 * many megabytes take seconds that would otherwise freeze the page. Keeps the schema and
 * its validator out of the app's first download too.
 */

const reply = (message: ParseReply) => self.postMessage(message)

/** A body this long shows its first stories while the rest are checked (FeedPage.partial). */
const HEAD_OVER_BYTES = 1024 * 1024

/** How many stories a long page shows while the rest are checked: two screens' worth. */
const HEAD_STORIES = 30

/** Stories per message of a page sent in parts. */
const PART = 500

function pageHead(bytes: Uint8Array, url: string) {
  const text = feedHeadText(bytes, HEAD_STORIES + 1)
  if (text === undefined) return undefined
  try {
    return parseFeedHead(JSON.parse(text), url, HEAD_STORIES)
  } catch {
    return undefined
  }
}

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, bytes, url, keep, head } = event.data
  try {
    // A long page's first stories go ahead, checked, while the rest are: read from its
    // opening alone (feed-head.ts), they are on screen before the whole is even parsed.
    const long = bytes.byteLength > HEAD_OVER_BYTES && keep?.only === undefined
    const first = head && long ? pageHead(bytes, url) : undefined
    if (first) reply({ id, head: pageForReader(first, url, keep) })
    const json = parseFeedJson(new TextDecoder().decode(bytes))
    const page = pageForReader(parseFeed(json, url, keep?.only), url, keep)
    // After a head, a page kept whole goes in parts: one message of ten thousand stories
    // takes the page's main thread over 100 ms to receive, while the reader is scrolling the
    // first ones. (A lean page goes whole: its stories share their topics within a message.)
    if (first && page.stories[0]?.bodyFrom === undefined) {
      for (let i = 0; i < page.stories.length; i += PART) {
        reply({ id, stories: page.stories.slice(i, i + PART) })
      }
      reply({ id, page: { ...page, stories: [] } })
      return
    }
    reply({ id, page })
  } catch (error) {
    reply({
      id,
      error:
        error instanceof FeedError
          ? { kind: error.kind, message: error.message, status: error.status }
          : { message: error instanceof Error ? error.message : String(error) },
    })
  }
})

// The page hands over its bytes only once the worker is known to run.
reply({ ready: true })
