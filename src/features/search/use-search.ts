import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { Story } from '../feed/parse-feed'
import { searchIndex, warmIndex } from './index-search'
import { searchStories } from './memory-search'
import { filtering, type SearchOutcome, type SearchRequest } from './search-types'

/** How long typing must pause before a search runs. */
const SEARCH_DEBOUNCE_MS = 15

/**
 * The results for `request` (the one they answer) from the index, or from `memory`, the
 * stories loaded. While the next results load the last ones stay.
 */
export function useSearch(
  request: SearchRequest,
  enabled: boolean,
  language?: string,
  memory?: readonly Story[],
) {
  const [settled, setSettled] = useState(request)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(request), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [request])
  const indexed = !memory && enabled
  // The index's files for the words typed are fetched at once, while the typing settles.
  useEffect(() => {
    if (indexed) warmIndex(request.q)
  }, [indexed, request.q])
  // An empty field (or one cleared) answers at once.
  const current = request.q.trim() === '' ? request : settled
  const query = useQuery<SearchOutcome>({
    queryKey: ['search', memory ? 'memory' : 'index', memory?.length ?? 0, language, current],
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
  return { query, request: current }
}
