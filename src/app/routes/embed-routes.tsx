import { useSearchParams } from 'react-router'
import { ReaderLink } from '../../components/ui/reader-link'
import { useFeed } from '../../features/feed/feed-query'
import { StoryList } from '../../features/feed/story-list'
import StoryScreen from './story-route'
import TopicScreen from './topic-route'

export function EmbedStoryRoute() {
  return <StoryScreen embed />
}

export function EmbedTopicRoute() {
  return <TopicScreen embed />
}

/** The latest stories (?limit=N, 5 by default), for a portal's sidebar or front page. */
export function EmbedListRoute() {
  const { feed } = useFeed()
  const [params] = useSearchParams()
  const limit = Math.min(Math.max(Number.parseInt(params.get('limit') ?? '', 10) || 5, 1), 50)
  return (
    <section aria-labelledby="embed-list-heading">
      <title>{feed.title}</title>
      <h1 id="embed-list-heading" className="mb-2 font-serif text-xl font-bold">
        Latest from {feed.title}
      </h1>
      <StoryList stories={feed.stories.slice(0, limit)} compact />
      <p className="mt-3 text-sm">
        <ReaderLink to="/" className="font-semibold text-accent underline">
          All stories
        </ReaderLink>
      </p>
    </section>
  )
}
