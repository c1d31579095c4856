import { lazy, Suspense, useCallback, useEffect, type ReactNode } from 'react'
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { useFeed } from '../../features/feed/feed-query'
import type { Story } from '../../features/feed/parse-feed'
import { StoryView } from '../../features/story/story-view'
import { TopicChips } from '../../features/topics/topic-chips'
import { TOPIC_PARAM } from '../../features/topics/topic-links'
import { feedUrl } from '../../features/feed/feed-config'
import { EmbedButton } from '../../features/embed/embed-button'
import { WholeStory } from '../../features/feed/whole-story-screen'
import {
  MarkUnreadButton,
  SaveButton,
  ShareButton,
  useMarkRead,
} from '../../features/reading/story-actions'
import { storyPath } from '../../lib/urls'
import { preloadWhenIdle } from '../../lib/route-preload'
import { BackHome } from '../screens'

// Only a link to a story not (yet) in the feed needs this.
const MissingStory = lazy(() => import('../missing-story'))

// A topic's card loads with the first chip opened (or a link that names a topic).
const EntityDialog = lazy(() => import('../topic-card'))

/**
 * A plain item's text code, which the list loads through this module so its stories open
 * offline (from the list's chunk, plain-content's imports would be chunks of their own).
 * @public (read from this module's dynamic import, which knip does not follow)
 */
export const loadPlainContent = () => import('../../features/story/plain-content')

/** The story page; inside an embed it drops the way home and opens cards in place. */
export default function StoryScreen({ embed = false }: { embed?: boolean }) {
  const { id = '' } = useParams()
  const { feed } = useFeed()
  const [params] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const story = feed.storyById.find(id)
  const topicId = params.get(TOPIC_PARAM)
  const entry =
    topicId && story?.topics.some((t) => t.id === topicId) ? feed.topicById.get(topicId) : undefined

  const changes = useMarkRead(story, !embed)
  // A link that names the story otherwise than by its slug (by its id, as links did before
  // slugs, or by its words before an edit) moves to its address, keeping ?topic= and the #.
  useEffect(() => {
    if (!story || story.slug === id) return
    const pathname = location.pathname.replace(/[^/]*$/, storyPath(story).slice(9))
    navigate({ pathname, search: location.search, hash: location.hash }, { replace: true })
  }, [story, id, location, navigate])
  // A reader who arrived on a story by a link goes on to the list: its code loads when idle.
  const found = Boolean(story)
  useEffect(() => (embed || !found ? undefined : preloadWhenIdle(['/'])), [embed, found])

  const closeCard = useCallback(() => {
    if ((location.state as { cardPushed?: boolean } | null)?.cardPushed) {
      navigate(-1)
      return
    }
    const next = new URLSearchParams(location.search)
    next.delete(TOPIC_PARAM)
    const search = next.toString()
    navigate({ search: search ? `?${search}` : '', hash: location.hash }, { replace: true })
  }, [location, navigate])

  if (!story) {
    return (
      <Suspense fallback={null}>
        <MissingStory />
      </Suspense>
    )
  }

  const card = entry && (
    <Suspense fallback={null}>
      <EntityDialog
        key={entry.topic.id}
        entry={entry}
        currentStoryId={story.id}
        onClose={closeCard}
        inline={embed}
      />
    </Suspense>
  )

  const render = (story: Story, pending?: ReactNode) => (
    <>
      <title>{`${story.title} · ${feed.title}`}</title>
      {!embed && (
        <nav aria-label="Breadcrumb" className="mx-auto mb-6 measure" data-print="hide">
          {/* The measure is in the article's ch, so the link lines up with the title. */}
          <div className="font-sans text-sm">
            <BackHome>All stories</BackHome>
          </div>
        </nav>
      )}
      <StoryView
        story={story}
        baseUrl={feed.homePageUrl ?? feedUrl()}
        compact={embed}
        pending={pending}
        changes={changes}
        actions={
          embed ? undefined : (
            <>
              <SaveButton story={story} />
              <ShareButton title={story.title} />
              <EmbedButton path={storyPath(story)} title={story.title} />
              <MarkUnreadButton id={story.id} />
            </>
          )
        }
      >
        <TopicChips topics={story.topics} replace={embed} />
        {embed && card}
      </StoryView>
      {!embed && card}
    </>
  )

  if (!story.bodyFrom) return render(story)
  return (
    <Suspense
      fallback={render(
        story,
        <p role="status" className="sr-only">
          Loading the story…
        </p>,
      )}
    >
      <WholeStory story={story}>{render}</WholeStory>
    </Suspense>
  )
}
