import { useEffect, useMemo, useState } from 'react'
import type { Story } from '../feed/parse-feed'
import { useReadingState } from './reading-state'

/**
 * A list's marks: "Updated" on a story changed since the reader read it, "New" on one
 * published since their last visit, and how many are new. The code that works them out
 * (history.ts) loads once the list has painted, so the list's first load does not carry it;
 * until then there are none.
 */
export function useReadingMarks(stories: readonly Story[]) {
  const state = useReadingState()
  const [history, setHistory] = useState<typeof import('./history')>()
  useEffect(() => void import('./history').then(setHistory, () => undefined), [])
  return useMemo(() => history?.listMarks(stories, state), [history, stories, state])
}
