import { QueryClient } from '@tanstack/react-query'
import { shouldRetry } from '../features/feed/fetch-feed'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Fail fast offline with a clear message rather than wait silently; the error
        // screen and the list both try again when the connection returns.
        networkMode: 'always',
        refetchOnWindowFocus: true,
        gcTime: 30 * 60_000,
      },
    },
  })
}
