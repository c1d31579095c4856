import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False while React hydrates HTML rendered at build time (src/entry-server.tsx), and on
 * the server; true from the next render on, and always in a page rendered in the browser.
 * What depends on the reader (their locale, time zone, the time now) waits for it, so the
 * first render matches the HTML it takes over.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
