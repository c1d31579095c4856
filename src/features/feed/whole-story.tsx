import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import type { Story } from './parse-feed'
import { storyBodyOptions } from './story-body'
import { LoadingStatus } from '../../components/ui/loading-status'
import { SkeletonRows } from '../../components/ui/skeleton-rows'
import { FeedError } from './feed-error'

type Props = {
  /** A story kept lean (lean-page.ts). */
  story: Story
  /** Renders the story; `pending` stands in for its text while that is not there. */
  children: (story: Story, pending?: ReactNode) => ReactNode
}

/** A lean story, read whole from its page: meanwhile its title, and a placeholder or why not. */
export default function WholeStory({ story, children }: Props) {
  const { data, error, isError, refetch } = useQuery(storyBodyOptions(story))
  if (data) return children(data)
  if (!isError) {
    return children(
      story,
      <div>
        <LoadingStatus what="the story" />
        <div aria-busy="true" className="animate-pulse motion-reduce:animate-none">
          <SkeletonRows count={4} />
        </div>
      </div>,
    )
  }
  return children(
    story,
    <div role="alert" className="rounded-lg border border-line bg-raised p-5">
      <p className="reading font-semibold">The text of this story could not be loaded.</p>
      <p className="mt-2 reading text-muted">{error.message}</p>
      {error instanceof FeedError && (
        <button
          type="button"
          onClick={() => void refetch()}
          className="mt-4 inline-flex min-h-11 items-center rounded-full bg-accent px-6 font-sans font-semibold text-paper hover:opacity-90"
        >
          Try again
        </button>
      )}
    </div>,
  )
}
