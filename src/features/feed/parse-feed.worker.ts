import { LONG_PAGE_BYTES } from './feed-config'
import { feedHeadText } from './feed-head'
import { pageForReader } from './lean-page'
import { FeedError, parseFeed, parseFeedHead, parseFeedJson } from './parse-feed'
import type { ParseReply, ParseRequest } from './parse-in-worker'

// Reads feed pages off the main thread (parse-in-worker.ts says why).
const reply = (message: ParseReply) => self.postMessage(message)

/** Stories a long page shows while the rest are checked: a screen and a half on any screen. */
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
  if (opening) return reply({ id, head: pageHead(bytes, url, keep) ?? null })
  try {
    // A long page's first stories go ahead, read from its opening alone (feed-head.ts).
    const long = bytes.byteLength > LONG_PAGE_BYTES && keep?.only === undefined
    const first = head && long ? pageHead(bytes, url, keep) : undefined
    if (first) reply({ id, head: first })
    const json = parseFeedJson(new TextDecoder().decode(bytes))
    const page = pageForReader(parseFeed(json, url, keep?.only), url, keep)
    // A long page kept whole goes in parts: one message of 10,000 stories takes the main
    // thread over 100 ms to receive. A lean page goes whole: its stories share their topics.
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

// The page hands over a body only once the worker says it runs; else it parses it itself.
reply({ ready: true })
