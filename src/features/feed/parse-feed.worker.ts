import { LONG_PAGE_BYTES } from './feed-config'
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

/**
 * How many stories a long page shows while the rest are checked: a screen and a half on any
 * screen, as the list shows while its long form loads (story-list.tsx, FIRST_SCREEN_ROWS).
 */
const HEAD_STORIES = 20

/** Stories per message of a page sent in parts. */
const PART = 500

/** A long page's first stories, checked, from its opening alone, as the reader keeps them. */
function pageHead(bytes: Uint8Array, url: string, keep: ParseRequest['keep']) {
  const text = feedHeadText(bytes, HEAD_STORIES + 1)
  if (text === undefined) return undefined
  try {
    const head = parseFeedHead(JSON.parse(text), url, HEAD_STORIES)
    return head && pageForReader(head, url, keep)
  } catch {
    return undefined
  }
}

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, bytes, url, keep, head, opening } = event.data
  if (opening) {
    // The opening of a body still downloading: its first stories, if it holds enough.
    reply({ id, head: pageHead(bytes, url, keep) ?? null })
    return
  }
  try {
    // A long page's first stories go ahead, checked, while the rest are: read from its
    // opening alone (feed-head.ts), they are on screen before the whole is even parsed.
    const long = bytes.byteLength > LONG_PAGE_BYTES && keep?.only === undefined
    const first = head && long ? pageHead(bytes, url, keep) : undefined
    if (first) reply({ id, head: first })
    const json = parseFeedJson(new TextDecoder().decode(bytes))
    const page = pageForReader(parseFeed(json, url, keep?.only), url, keep)
    // A long page kept whole goes in parts: one message of ten thousand stories takes the
    // page's main thread over 100 ms to receive, while the reader is scrolling the first
    // ones. (A lean page goes whole: its stories share their topics within a message.)
    if (long && page.stories[0]?.bodyFrom === undefined) {
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

// Tells the page the worker runs: it hands over a whole body only once it has this, and a
// worker that never says so has its pages parsed on the page (parse-in-worker.ts).
reply({ ready: true })
