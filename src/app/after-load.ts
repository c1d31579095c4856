import type { QueryClient } from '@tanstack/react-query'
import { keepFeed } from '../features/feed/kept-feed'
import { registerServiceWorker } from './register-service-worker'

/**
 * What waits until the page has loaded, and whose code waits with it (src/main.tsx): the
 * offline worker is installed, and the feed is kept for the next visit.
 */
export function afterLoad(queryClient: QueryClient): void {
  registerServiceWorker()
  keepFeed(queryClient)
}
