import type { ReactNode } from 'react'
import type { Story } from './parse-feed'
import { useStoryBody } from './story-body'
import { StoryTextFailed, StoryTextLoading } from './story-text-state'

type Props = {
  /** A story kept lean (lean-page.ts). */
  story: Story
  /** Renders the story; `pending` stands in for its text while that is not there. */
  children: (story: Story, pending?: ReactNode) => ReactNode
}

/** A lean story, read whole from its page: meanwhile its title, and a placeholder or why not. */
export default function WholeStory({ story, children }: Props) {
  const body = useStoryBody(story)
  if (body.state === 'whole') return children(body.story)
  if (body.state === 'loading') return children(story, <StoryTextLoading />)
  return children(story, <StoryTextFailed error={body.error} onRetry={body.retry} />)
}
