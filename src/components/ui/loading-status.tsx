import { useEffect, useState } from 'react'

/**
 * How long a loading screen waits before it says it is still at it: past this, a reader
 * starts to wonder whether it has stuck. index.html's own placeholder does the same
 * (scripts/first-paint.mjs), counted from the start of the visit.
 */
export const SLOW_LOADING_MS = 5000

/** "Still loading the stories…": what a loading screen says once it has been slow. */
export const stillLoading = (what: string) => `Still loading ${what}…`

/**
 * A loading screen's polite live region: "Loading the stories…" for screen readers at once,
 * then, past SLOW_LOADING_MS, "Still loading the stories…" for everyone.
 */
export function LoadingStatus({ what }: { what: string }) {
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_LOADING_MS)
    return () => clearTimeout(timer)
  }, [])
  return (
    <p role="status" className={slow ? 'mb-4 font-sans text-sm text-muted' : 'sr-only'}>
      {slow ? stillLoading(what) : `Loading ${what}…`}
    </p>
  )
}
