import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { feedKeys } from './feed-query'
import { fetchFeedPage } from './fetch-feed'
import type { Story } from './parse-feed'

/** A lean story (lean-page.ts), read whole from its page when opened or pointed at. */
export function storyBodyOptions({ id, bodyFrom = '' }: Story) {
  return queryOptions({
    queryKey: [...feedKeys.all, 'story', bodyFrom, id] as const,
    queryFn: async ({ signal }) => {
      const page = await fetchFeedPage(bodyFrom, signal, { keep: { only: id } })
      const whole = page.stories.find((s) => s.id === id)
      if (!whole)
        throw new Error(
          'This story is no longer in the feed: its page was read again and it was not there.',
        )
      return whole
    },
    staleTime: 5 * 60_000,
    // A story's text is let go a minute after its screen closes, not kept with the list.
    gcTime: 60_000,
  })
}

/** Reads a lean story's text ahead of need (the reader pointed at it, or focused it). */
export function prefetchStoryBody(queryClient: QueryClient, story: Story): Promise<void> {
  return queryClient.prefetchQuery(storyBodyOptions(story))
}
