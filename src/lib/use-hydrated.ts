import { useSyncExternalStore } from 'react'

const never = () => () => {}

/**
 * False on the server and while hydrating HTML built ahead of time: what depends on the
 * reader (time zone, the time now) waits for it, so the first render matches that HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  )
}
