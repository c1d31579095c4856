import {
  infiniteQueryOptions,
  useSuspenseInfiniteQuery,
  type InfiniteData,
} from '@tanstack/react-query'
import { feedUrl } from './feed-config'
import { fetchFeedPage } from './fetch-feed'
import type { FeedPage, FeedProblem, Story, Topic } from './parse-feed'

export const feedKeys = {
  all: ['feed'] as const,
  pages: (url: string) => [...feedKeys.all, 'pages', url] as const,
}

/** One query serves every route: the feed's pages, followed through `next_url`. */
export function feedQueryOptions(url = feedUrl()) {
  return infiniteQueryOptions({
    queryKey: feedKeys.pages(url),
    queryFn: ({ pageParam, signal }) => fetchFeedPage(pageParam, signal),
    initialPageParam: url,
    // A next_url that points back at a page already read ends the feed.
    getNextPageParam: (last: FeedPage, _pages, _lastParam, params: string[]) =>
      last.nextUrl && !params.includes(last.nextUrl) ? last.nextUrl : undefined,
    staleTime: 5 * 60_000,
    select: selectFeed,
  })
}

export type TopicEntry = { topic: Topic; stories: Story[] }
export type Feed = Omit<FeedPage, 'stories' | 'nextUrl'> & {
  stories: Story[]
  storyById: Map<string, Story>
  topicById: Map<string, TopicEntry>
  problems: FeedProblem[]
  /** How many of the feed's pages have been read. */
  pageCount: number
}

/** Pages flattened into one feed, with the look-ups every screen needs built once. */
export function selectFeed(data: InfiniteData<FeedPage, string>): Feed {
  const [first] = data.pages
  if (!first) throw new Error('A feed query resolved with no page.')
  const storyById = new Map<string, Story>()
  const topicById = new Map<string, TopicEntry>()
  for (const page of data.pages) {
    for (const story of page.stories) {
      if (storyById.has(story.id)) continue
      storyById.set(story.id, story)
      for (const topic of story.topics) {
        const entry = topicById.get(topic.id)
        if (entry) entry.stories.push(story)
        else topicById.set(topic.id, { topic, stories: [story] })
      }
    }
  }
  return {
    ...first,
    stories: [...storyById.values()],
    storyById,
    topicById,
    problems: data.pages.flatMap((p) => p.problems),
    skipped: data.pages.reduce((n, p) => n + p.skipped, 0),
    pageCount: data.pages.length,
  }
}

export function useFeed() {
  const query = useSuspenseInfiniteQuery(feedQueryOptions())
  return { ...query, feed: query.data }
}
