import {
  infiniteQueryOptions,
  replaceEqualDeep,
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
    // `head`: where a long first page shows its first stories early (parse-in-worker.ts).
    queryFn: (head) =>
      fetchFeedPage(head.pageParam, head.signal, { keep: { later: head.pageParam !== url }, head }),
    initialPageParam: url,
    // A next_url that points back at a page already read ends the feed.
    getNextPageParam: (last: FeedPage, _pages, _lastParam, params: string[]) =>
      last.nextUrl && !params.includes(last.nextUrl) ? last.nextUrl : undefined,
    staleTime: 5 * 60_000,
    select: selectFeed,
    structuralSharing: shareWhenSmall,
  })
}

/*
 * A feed read again unchanged keeps its objects, so the screen does not render again. A
 * feed longer than this is not compared: at every page it would cost more than it saves.
 */
const SHARE_UP_TO = 2000

export function shareWhenSmall(before: unknown, after: unknown): unknown {
  const data = after as { pages?: FeedPage[]; stories?: Story[] } | undefined
  const size = data?.stories?.length ?? data?.pages?.reduce((n, p) => n + p.stories.length, 0)
  return (size ?? 0) > SHARE_UP_TO ? after : replaceEqualDeep(before, after)
}

/**
 * A topic and its stories. A feed read on adds its new page's stories to the entry it had:
 * the whole list is made when a screen first asks for it.
 */
export class TopicEntry {
  /** How many stories are on the topic. */
  readonly count: number
  private all: Story[] | undefined

  constructor(
    readonly topic: Topic,
    private readonly added: Story[],
    private readonly earlier?: TopicEntry,
  ) {
    this.count = added.length + (earlier?.count ?? 0)
    // A chain of entries each keeping its own whole list would hold every version of it.
    if (earlier) earlier.all = undefined
  }

  get stories(): Story[] {
    if (!this.all) {
      const parts = [this.added]
      for (let entry = this.earlier; entry; entry = entry.earlier) parts.push(entry.added)
      this.all = parts.reverse().flat()
    }
    return this.all
  }
}

/**
 * The feed's stories by id: a feed read on puts a map of its new page's stories in front of
 * the index it had (a copy of a 100,000-story map per page was a long task, 1.8 MB each).
 */
class StoryIndex {
  readonly size: number

  constructor(
    private readonly own: ReadonlyMap<string, Story>,
    private readonly earlier?: StoryIndex,
  ) {
    this.size = own.size + (earlier?.size ?? 0)
  }

  get(id: string): Story | undefined {
    return this.own.get(id) ?? this.earlier?.get(id)
  }

  /**
   * The story an address names: by id (a link made before slugs), by slug, else by the id
   * hash its slug ends with (a link made before its title was edited).
   */
  find(param: string): Story | undefined {
    const tail = /-[0-9a-z]{7}$/.exec(param)?.[0]
    return (
      this.get(param) ??
      this.first((s) => s.slug === param) ??
      (tail ? this.first((s) => s.slug !== s.id && s.slug.endsWith(tail)) : undefined)
    )
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  private first(test: (story: Story) => boolean): Story | undefined {
    for (const story of this.own.values()) if (test(story)) return story
    return this.earlier?.first(test)
  }
}

export type Feed = Omit<FeedPage, 'stories' | 'nextUrl'> & {
  stories: Story[]
  storyById: StoryIndex
  topicById: Map<string, TopicEntry>
  problems: FeedProblem[]
  /** How many of the feed's pages have been read. */
  pageCount: number
}

/** Pages flattened into one feed, with the look-ups every screen needs built once. */
export function selectFeed(data: InfiniteData<FeedPage, string>): Feed {
  const first = data.pages[0]! // a query's data has a page
  // Reading on adds only the new page's stories (a feed 100 pages deep would otherwise be
  // walked whole at every page). Every screen selecting from the same pages gets one object.
  const before = lastSelected
  const extending =
    before !== undefined &&
    before.pages.length <= data.pages.length &&
    before.pages.every((page, i) => data.pages[i] === page)
  if (extending && before.pages.length === data.pages.length) return before.feed
  const added = new Map<string, Story>()
  const earlier = extending ? before.feed.storyById : undefined
  const topicById = new Map(extending ? before.feed.topicById : undefined)
  const fresh: Story[] = []
  // The stories each topic gains, in order; an earlier feed's entries stay as they were.
  const gained = new Map<string, { topic: Topic; stories: Story[] }>()
  for (const page of data.pages.slice(extending ? before.pages.length : 0)) {
    for (const story of page.stories) {
      if (added.has(story.id) || earlier?.has(story.id)) continue
      added.set(story.id, story)
      fresh.push(story)
      for (const topic of story.topics) {
        let gain = gained.get(topic.id)
        if (!gain) {
          gain = { topic: topicById.get(topic.id)?.topic ?? topic, stories: [] }
          gained.set(topic.id, gain)
        }
        gain.stories.push(story)
      }
    }
  }
  for (const [id, gain] of gained) {
    topicById.set(id, new TopicEntry(gain.topic, gain.stories, topicById.get(id)))
  }
  const feed: Feed = {
    ...first,
    stories: extending ? before.feed.stories.concat(fresh) : fresh,
    storyById: new StoryIndex(added, earlier),
    topicById,
    problems: data.pages.flatMap((p) => p.problems),
    skipped: data.pages.reduce((n, p) => n + p.skipped, 0),
    pageCount: data.pages.length,
  }
  lastSelected = { pages: data.pages, feed }
  return feed
}

let lastSelected: { pages: FeedPage[]; feed: Feed } | undefined

export function useFeed() {
  const query = useSuspenseInfiniteQuery(feedQueryOptions())
  return { ...query, feed: query.data }
}
