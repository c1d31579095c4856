import { pageForReader } from './lean-page'
import { FeedError, parseFeedText } from './parse-feed'
import type { ParseReply, ParseRequest } from './parse-in-worker'

/*
 * Reads feed pages off the main thread: decoding, JSON.parse and validation of a feed of
 * many megabytes take seconds that would otherwise freeze the page. Keeps the schema and
 * its validator out of the app's first download too.
 */

const reply = (message: ParseReply) => self.postMessage(message)

self.addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, bytes, url, keep } = event.data
  try {
    const page = parseFeedText(new TextDecoder().decode(bytes), url, keep?.only)
    reply({ id, page: pageForReader(page, url, keep) })
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
