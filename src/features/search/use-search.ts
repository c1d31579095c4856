import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { Story } from '../feed/parse-feed'
import { searchIndex, warmIndex } from './index-search'
import { searchStories } from './memory-search'
import { filtering, type SearchOutcome, type SearchRequest } from './search-types'

/** How long typing must pause before a search runs. */
const SEARCH_DEBOUNCE_MS = 15

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/**
 * The results for `request`: from the index, or, for `memory`, from the stories loaded.
 * While the next results load the last ones stay (no flashing to empty); `request` is the
 * one they answer.
 */
export function useSearch(
  request: SearchRequest,
  source: { kind: 'index' } | { kind: 'memory'; stories: readonly Story[] },
  enabled: boolean,
  /** The feed's language: English words are also sought by their stem. */
  language?: string,
) {
  const settled = useDebounced(request, SEARCH_DEBOUNCE_MS)
  const indexed = source.kind === 'index' && enabled
  // The index's files for the words typed are fetched at once, while the typing settles.
  useEffect(() => {
    if (indexed) warmIndex(request.q)
  }, [indexed, request.q])
  // An empty field (or one cleared) answers at once.
  const current = request.q.trim() === '' ? request : settled
  const memory = source.kind === 'memory' ? source.stories : undefined
  const query = useQuery<SearchOutcome>({
    queryKey: ['search', source.kind, memory?.length ?? 0, language, current],
    queryFn: () =>
      memory
        ? Promise.resolve(searchStories(memory, current, language))
        : searchIndex(current, language),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: 1,
    enabled: enabled && (current.q.trim() !== '' || filtering(current)),
  })
  // What the results are for: the address runs ahead of them while the typing settles.
  return { query, request: current }
}
