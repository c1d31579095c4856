import { onlineManager, QueryClient } from '@tanstack/react-query'
import { shouldRetry } from '../features/feed/fetch-feed'

export function createQueryClient() {
  // TanStack Query assumes it starts online. A reader opened offline (from the service
  // worker's cache) would then take the 'online' event for no change and never refresh.
  onlineManager.setOnline(navigator.onLine)
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // 0.5 s, 1 s, 2 s: a reader looking at a spinner learns within a few seconds that
        // the feed is down, rather than after the default 7 s of back-off.
        retryDelay: (failureCount) => Math.min(500 * 2 ** failureCount, 4000),
        // Fail fast offline with a clear message rather than wait silently; the error
        // screen and the list both try again when the connection returns.
        networkMode: 'always',
        // Coming back online brings the stories up to date ('always': offline, the service
        // worker's copy looked fresh to the query).
        refetchOnReconnect: 'always',
        refetchOnWindowFocus: true,
        gcTime: 30 * 60_000,
      },
    },
  })
}
