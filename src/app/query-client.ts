import { QueryClient } from '@tanstack/react-query'
import { shouldRetry } from '../features/feed/fetch-feed'

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: true, gcTime: 30 * 60_000 },
    },
  })
}
