import { useEffect, useMemo, useState } from 'react'
import type { Story } from '../feed/parse-feed'
import { useReadingState } from './reading-state'

type History = typeof import('./history')
let loaded: { history: History; since: number | undefined } | undefined

/**
 * A list's marks: "Updated" on a story changed since the reader read it, "New" on one
 * published since their last visit, and how many are new. The code that works them out
 * (history.ts) loads once the list has painted, so the list's first load does not carry it;
 * until then there are none.
 */
export function useReadingMarks(stories: readonly Story[]) {
  const state = useReadingState()
  const [ready, setReady] = useState(loaded)
  useEffect(() => {
    if (ready) return
    void import('./history').then(
      (history) => setReady((loaded ??= { history, since: history.startVisit() })),
      () => undefined,
    )
  }, [ready])
  return useMemo(
    () => ready?.history.listMarks(stories, state, ready.since),
    [ready, stories, state],
  )
}
