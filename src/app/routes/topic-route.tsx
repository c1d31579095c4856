import { useParams } from 'react-router'
import { useFeed } from '../../features/feed/feed-query'
import { StoryList } from '../../features/feed/story-list'
import { KindBadge, TopicSummary } from '../../features/topics/entity-card'
import { EmbedButton } from '../../features/embed/embed-button'
import { FollowButton } from '../../features/reading/follow-button'
import { slugify } from '../../lib/text'
import { topicPath } from '../../lib/urls'
import { BackHome, NotFoundScreen } from '../screens'

export default function TopicScreen({ embed = false }: { embed?: boolean }) {
  const { topicId = '' } = useParams()
  const { feed } = useFeed()
  const entry = feed.topicById.get(topicId)
  if (!entry) {
    return (
      <NotFoundScreen title="Topic not found">
        <p>No story in the feed is about this topic.</p>
      </NotFoundScreen>
    )
  }
  const { topic, stories } = entry
  return (
    <div className="mx-auto measure">
      <title>{`${topic.name} · ${feed.title}`}</title>
      {/* Its stories as a feed of their own, built with the site (scripts/topic-feeds.mjs). */}
      <link
        rel="alternate"
        type="application/feed+json"
        title={`${topic.name} · ${feed.title}`}
        href={`${import.meta.env.BASE_URL}topics/${slugify(topic.id)}/feed.json`}
      />
      {!embed && (
        <nav aria-label="Breadcrumb" className="mb-6 font-sans text-sm">
          <BackHome>All stories</BackHome>
        </nav>
      )}
      <header className="mb-4">
        <KindBadge kind={topic.kind} />
        <h1
          dir="auto"
          className={`mt-1 font-serif font-bold tracking-tight ${embed ? 'text-2xl' : 'text-4xl'}`}
        >
          {topic.name}
        </h1>
      </header>
      <TopicSummary topic={topic} />
      {!embed && (
        <div className="mt-4 flex flex-wrap gap-2">
          <FollowButton follow={{ kind: 'topic', id: topic.id, name: topic.name }} />
          <EmbedButton path={topicPath(topic.id)} title={`Stories on ${topic.name}`} />
        </div>
      )}
      <h2 className="mt-10 mb-2 font-sans text-sm font-semibold tracking-wider text-muted uppercase">
        {stories.length} {stories.length === 1 ? 'story' : 'stories'} on this topic
      </h2>
      <StoryList stories={stories} headingLevel={3} compact={embed} />
    </div>
  )
}
