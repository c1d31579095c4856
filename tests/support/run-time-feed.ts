import type { Page } from '@playwright/test'
import { APP_ORIGIN } from './env'

/**
 * The address of the feed a test serves in place of the sample: the sample's own file, so
 * that a test that routes nothing still reads it, named apart from the one the build used.
 */
const RUN_TIME_FEED = '/feed.json?run-time'
/** Matches the reader's requests for the feed, at either address (page.route). */
export const FEED_REQUESTS = /\/feed\.json(\?run-time)?$/

/**
 * Points the reader's pages at RUN_TIME_FEED, as a publisher does at run time with
 * index.html's <meta name="briefing-feed">. A test that serves its own feed needs this:
 * index.html is built with the list of the sample feed in it (scripts/prerender.mjs),
 * which the reader would show, and keep when a test's feed fails. Named so, the app
 * renders the list afresh from the feed the test serves, as it does for a publisher's.
 */
export async function readFeedAtRunTime(page: Page): Promise<void> {
  await page.route(
    (url) => url.origin === APP_ORIGIN,
    async (route) => {
      if (!route.request().isNavigationRequest()) return route.fallback()
      const response = await route.fetch()
      const html = await response.text()
      // The meta names the feed, and the preload (as README.md asks of a publisher) follows.
      const body = html
        .replace(
          '<meta name="briefing-feed" content="" />',
          `<meta name="briefing-feed" content="${RUN_TIME_FEED}" />`,
        )
        .replace(/(<link\s+rel="preload"\s+href=")\/feed\.json"/, `$1${RUN_TIME_FEED}"`)
      await route.fulfill({ response, body })
    },
  )
}
