import type { QueryClient } from '@tanstack/react-query'
import { keepFeed } from '../features/feed/kept-feed'
import { registerServiceWorker } from './register-service-worker'

/** What waits, code and all, until the page has loaded (main.tsx): offline worker, kept feed. */
export function afterLoad(queryClient: QueryClient): void {
  registerServiceWorker()
  keepFeed(queryClient)
}
