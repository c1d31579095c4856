import { useQueryClient, type InfiniteData } from '@tanstack/react-query'
import { lazy, memo, Suspense, useEffect, useRef } from 'react'
import { ReaderLink } from '../../components/ui/reader-link'
import { StoryDate } from '../../lib/dates'
import { storyPath } from '../../lib/urls'
import { feedQueryOptions, selectFeed } from './feed-query'
import type { FeedPage, Story } from './parse-feed'
import { loadWholeStory, loadWholeStoryWhenIdle } from './whole-story-screen'

const VirtualStoryList = lazy(() => import('./virtual-story-list'))

/**
 * Up to this many stories render as a plain list; a longer one only the rows near the
 * viewport (virtual-story-list.tsx, on demand). While that loads, a screen and a half of
 * rows show as a plain list, so that the first paint stays quick and small.
 */
export const PLAIN_LIST_LIMIT = 100
const FIRST_SCREEN_ROWS = 20

/** `compact`: for embeds (no summaries). `readIds`: shown quieter. `marks`: "New" for "Read". */
export interface StoryListProps {
  stories: Story[]
  headingLevel?: 2 | 3
  compact?: boolean
  readIds?: ReadonlySet<string>
  marks?: ReadonlyMap<string, string>
}

export function StoryList(props: StoryListProps) {
  const { stories } = props
  // A long page's stories are lean: the code that reads one's text loads meanwhile.
  const lean = stories.length > PLAIN_LIST_LIMIT && stories.some((story) => story.bodyFrom)
  useEffect(() => (lean ? loadWholeStoryWhenIdle() : undefined), [lean])
  if (stories.length <= PLAIN_LIST_LIMIT) return <PlainStoryList {...props} />
  return (
    <Suspense
      fallback={<PlainStoryList {...props} stories={stories.slice(0, FIRST_SCREEN_ROWS)} />}
    >
      <VirtualStoryList {...props} />
    </Suspense>
  )
}

const HOVER_MS = 150

/**
 * Link handlers that read a lean story's text ahead of a click: on focus, or once the
 * pointer has rested a moment (not every row a pointer crosses while scrolling).
 */
function useWarmStoryBody(story: Story) {
  const queryClient = useQueryClient()
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  if (!story.bodyFrom) return undefined
  const warm = () => {
    // A card keeps its lean story when the feed read again brings it whole (sameCard).
    const data = queryClient.getQueryData<InfiniteData<FeedPage, string>>(
      feedQueryOptions().queryKey,
    )
    const now = data && selectFeed(data).storyById.get(story.id)
    if (now && !now.bodyFrom) return
    void loadWholeStory()
    void import('./story-body').then(
      (m) => m.prefetchStoryBody(queryClient, story),
      () => undefined,
    )
  }
  return {
    onFocus: warm,
    onPointerEnter: () => {
      clearTimeout(timer.current)
      timer.current = setTimeout(warm, HOVER_MS)
    },
    onPointerLeave: () => clearTimeout(timer.current),
  }
}

export const listClass = 'divide-y divide-line border-y border-line'

function PlainStoryList({ stories, ...row }: StoryListProps) {
  return (
    <ol className={listClass}>
      {stories.map((story) => (
        <li
          key={story.id}
          data-read={row.readIds?.has(story.id) ? '' : undefined}
          className="group/item"
        >
          <StoryCard story={story} {...row} />
        </li>
      ))}
    </ol>
  )
}

type StoryCardProps = Omit<StoryListProps, 'stories'> & { story: Story }

export const StoryCard = memo(StoryCardContent, sameCard)

/** A card shows only these of its story: a feed read again unchanged renders no card again. */
export function sameCard(a: StoryCardProps, b: StoryCardProps): boolean {
  const [x, y] = [a.story, b.story]
  return (
    a.headingLevel === b.headingLevel &&
    a.compact === b.compact &&
    (a.readIds?.has(x.id) ?? false) === (b.readIds?.has(y.id) ?? false) &&
    a.marks?.get(x.id) === b.marks?.get(y.id) &&
    (x === y ||
      (x.id === y.id &&
        x.title === y.title &&
        x.summary === y.summary &&
        x.language === y.language &&
        x.published === y.published &&
        // Lean (built ahead of time) to whole (the feed read again): the same card.
        (x.bodyFrom === y.bodyFrom || !y.bodyFrom) &&
        topicNames(x) === topicNames(y)))
  )
}

const topicNames = (story: Story) =>
  story.topics
    .slice(0, 4)
    .map((t) => t.name)
    .join(', ')

function StoryCardContent({
  story,
  headingLevel = 2,
  compact = false,
  readIds,
  marks,
}: StoryCardProps) {
  const Heading = `h${headingLevel}` as const
  const mark = marks?.get(story.id)
  const read = readIds?.has(story.id) ?? false
  const warmBody = useWarmStoryBody(story)
  return (
    <article lang={story.language} className={`group relative ${compact ? 'py-3' : 'py-5'}`}>
      <Heading
        dir="auto"
        className={`font-serif leading-snug font-semibold tracking-tight text-balance break-words ${compact ? 'text-lg' : 'text-xl sm:text-[1.4rem]'}`}
      >
        <ReaderLink
          to={storyPath(story)}
          data-shortcut="story"
          {...warmBody}
          className="text-ink no-underline group-hover:text-accent group-data-read/item:text-muted after:absolute after:inset-0 after:content-['']"
        >
          {story.title}
        </ReaderLink>
      </Heading>
      {story.summary && !compact && (
        <p
          dir="auto"
          className="mt-1.5 line-clamp-3 font-serif text-[1.0625rem] leading-relaxed text-muted"
        >
          {story.summary}
        </p>
      )}
      <p className="mt-2 flex flex-wrap items-center gap-x-2 font-sans text-sm text-muted">
        {(mark || read) && (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${mark ? 'bg-accent-soft text-accent' : 'bg-sunken'}`}
          >
            {mark || 'Read'}
          </span>
        )}
        {story.published && <StoryDate iso={story.published} />}
        {story.topics.length > 0 && (
          <>
            {story.published && <span aria-hidden="true">·</span>}
            <span className="sr-only">Topics:</span>
            <span>{topicNames(story)}</span>
          </>
        )}
      </p>
    </article>
  )
}
