import { useParams } from 'react-router'
import { useFeed } from '../../features/feed/feed-query'
import { StoryList } from '../../features/feed/story-list'
import { FollowButton } from '../../features/reading/follow-button'
import { BackHome, NotFoundScreen } from '../screens'
import { LoadMore } from './list-route'

/** Every item carrying a tag, for feeds whose items have tags but no `_story` topics. */
export default function TagRoute() {
  const { tag = '' } = useParams()
  const { feed, hasNextPage } = useFeed()
  const stories = feed.stories.filter((s) => s.tags.includes(tag))
  if (stories.length === 0 && !hasNextPage) {
    return (
      <NotFoundScreen title="Tag not found">
        <p>No story in the feed carries this tag.</p>
      </NotFoundScreen>
    )
  }
  return (
    <div className="mx-auto measure">
      <title>{`#${tag} · ${feed.title}`}</title>
      <nav aria-label="Breadcrumb" className="mb-6 font-sans text-sm">
        <BackHome>All stories</BackHome>
      </nav>
      <p className="text-xs font-semibold tracking-wider text-muted uppercase">Tag</p>
      <h1 dir="auto" className="mt-1 mb-2 font-serif text-4xl font-bold tracking-tight">
        #{tag}
      </h1>
      <div className="mb-3">
        <FollowButton follow={{ kind: 'tag', id: tag, name: tag }} />
      </div>
      <p role="status" className="mb-6 font-sans text-sm text-muted">
        {stories.length} {stories.length === 1 ? 'story' : 'stories'}
        {hasNextPage ? ' so far: older stories are not loaded yet' : ''}
      </p>
      {stories.length > 0 && <StoryList stories={stories} />}
      {/* The feed comes in pages; a tag's older stories are on pages not read yet. */}
      <LoadMore label="Look in older stories" />
    </div>
  )
}
