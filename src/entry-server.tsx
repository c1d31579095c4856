import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { prerenderToNodeStream } from 'react-dom/static'
import { StaticRouter } from 'react-router'
import { AppRoutes } from './app/app'
import { feedQueryOptions } from './features/feed/feed-query'
import type { FeedPage } from './features/feed/parse-feed'

/** Build-time rendering (scripts/prerender.mjs): a route as HTML, its lazy screens loaded. */
export async function renderRoute(path: string, page: FeedPage, basename: string): Promise<string> {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  const options = feedQueryOptions()
  queryClient.setQueryData(options.queryKey, {
    pages: [page],
    pageParams: [options.initialPageParam],
  })
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouter location={`${basename}${path}`} basename={basename}>
          <AppRoutes />
        </StaticRouter>
      </QueryClientProvider>
    </StrictMode>
  )
  // The first pass loads every lazy screen the route shows (and is thrown away: it streams
  // what was late with inline scripts). With all of them loaded, the second renders at once.
  const { prelude } = await prerenderToNodeStream(app)
  for await (const chunk of prelude) void chunk
  const html = renderToString(app)
  queryClient.clear()
  return html
}

export { parseFeedText } from './features/feed/parse-feed'
export { aroundStory, leanExcept } from './features/feed/lean-page'
export { BUILD_ORIGIN, feedUrl } from './features/feed/feed-config'
export { storyPath, topicPath } from './lib/urls'
export { htmlToText, slugify } from './lib/text'
export { queryWords as words, shardOf } from './features/search/search-types'
export { PLAIN_LIST_LIMIT } from './features/feed/story-list'
