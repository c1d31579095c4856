import { useEffect, useState } from 'react'

/** Past this, a loading screen says it is still at it (as does scripts/first-paint.mjs). */
export const SLOW_LOADING_MS = 5000

export const stillLoading = (what: string) => `Still loading ${what}…`

/** "Loading the stories…" for screen readers at once, then "Still loading…" for everyone. */
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
