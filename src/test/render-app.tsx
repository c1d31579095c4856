import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { App } from '../app/app'
import { createQueryClient } from '../app/query-client'
import sampleFeed from '../../tests/fixtures/sample-feed.json'
import { server } from './server'

export const FEED_URL = 'http://localhost:3000/feed.json'

/** Serves `body` (the sample feed by default) as the feed for this test. */
export function serveFeed(body: JsonBodyType = sampleFeed) {
  server.use(http.get(FEED_URL, () => HttpResponse.json(body)))
}

/** The whole app at `path`, as a reader's browser would open it, with a fresh cache. */
export function renderApp(path = '/') {
  window.history.replaceState(null, '', path)
  const queryClient = createQueryClient()
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  })
  const user = userEvent.setup()
  return { user, queryClient, ...render(<App queryClient={queryClient} />) }
}

export { sampleFeed }
