import { useParams } from 'react-router'
import { useFeed } from '../../features/feed/feed-query'
import { StoryList } from '../../features/feed/story-list'
import { BackHome, NotFoundScreen } from '../screens'

/** Every item carrying a tag, for feeds whose items have tags but no `_story` topics. */
export default function TagRoute() {
  const { tag = '' } = useParams()
  const { feed } = useFeed()
  const stories = feed.stories.filter((s) => s.tags.includes(tag))
  if (stories.length === 0) {
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
      <h1 dir="auto" className="mt-1 mb-6 font-serif text-4xl font-bold tracking-tight">
        #{tag}
      </h1>
      <StoryList stories={stories} />
    </div>
  )
}
