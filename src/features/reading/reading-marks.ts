import { useEffect, useMemo, useState } from 'react'
import type { Story } from '../feed/parse-feed'
import { useReadingState } from './reading-state'

/** A list's "Updated" and "New" marks; history.ts loads after the list paints, none till then. */
export function useReadingMarks(stories: readonly Story[]) {
  const state = useReadingState()
  const [history, setHistory] = useState<typeof import('./history')>()
  useEffect(() => void import('./history').then(setHistory, () => undefined), [])
  return useMemo(() => history?.listMarks(stories, state), [history, stories, state])
}
