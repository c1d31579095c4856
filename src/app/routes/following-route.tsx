import { useMemo } from 'react'
import { useLocation } from 'react-router'
import { useFeed } from '../../features/feed/feed-query'
import { listClass, StoryCard } from '../../features/feed/story-list'
import { FollowButton } from '../../features/reading/follow-button'
import { followedStories, followsOf } from '../../features/reading/follows'
import { readingStore, useReadingState } from '../../features/reading/reading-state'
import { listMarks } from '../../features/reading/history'
import { ReaderLink } from '../../components/ui/reader-link'
import { tagPath, topicPath } from '../../lib/urls'
import { NotFoundScreen } from '../screens'

const followPath = (f: { kind: 'topic' | 'tag'; id: string }) =>
  f.kind === 'topic' ? topicPath(f.id) : tagPath(f.id)
const followName = (f: { kind: 'topic' | 'tag'; name: string }) =>
  f.kind === 'tag' ? `#${f.name}` : f.name

/** /following, and any address the app has no screen for (app.tsx). */
export default function OtherRoute() {
  return useLocation().pathname === '/following' ? (
    <FollowingRoute />
  ) : (
    <NotFoundScreen title="Page not found">
      <p>There is nothing at this address.</p>
    </NotFoundScreen>
  )
}

/** The stories on the topics and tags the reader follows, newest first; and those follows. */
function FollowingRoute() {
  const { feed } = useFeed()
  const state = useReadingState()
  const follows = followsOf(state)
  const followed = useMemo(() => followedStories(feed.stories, follows), [feed.stories, follows])
  const stories = useMemo(() => followed.map((f) => f.story), [followed])
  const readIds = useMemo(() => new Set(state.read), [state.read])
  const marks = useMemo(() => listMarks(stories, state), [stories, state])
  const unread = (id: string) => (readIds.has(id) ? '' : 'Unread')
  return (
    <div className="mx-auto measure">
      <title>{`Following · ${feed.title}`}</title>
      <h1 className="mb-2 font-serif text-3xl font-bold tracking-tight sm:text-4xl">Following</h1>
      {readingStore.mode() === 'memory' && (
        <p className="mb-4 rounded-lg bg-sunken px-4 py-2 text-sm text-muted">
          This browser is not keeping what you follow, read or save: it lasts until this tab closes.
          Export it from the settings menu to keep it.
        </p>
      )}
      {follows.length === 0 ? (
        <div className="reading text-muted">
          <p>You are not following any topic yet.</p>
          <p className="mt-3">
            Open a topic (a chip under a story, or one from the list of topics) and choose “Follow”.
            Its stories then gather here, newest first, and the header counts those you have not
            read.
          </p>
        </div>
      ) : (
        <>
          <p role="status" className="mb-4 font-sans text-sm text-muted">
            {followed.length} {followed.length === 1 ? 'story' : 'stories'},{' '}
            {followed.filter(({ story }) => unread(story.id)).length} unread
          </p>
          {followed.length === 0 ? (
            <p className="py-6 reading text-muted">No story in the feed is on these yet.</p>
          ) : (
            <ol className={listClass}>
              {followed.map(({ story, because }) => (
                <li
                  key={story.id}
                  data-read={readIds.has(story.id) ? '' : undefined}
                  className="group/item"
                >
                  {/* An unread story with no other mark says so: this page is about what is left. */}
                  <StoryCard
                    story={story}
                    readIds={readIds}
                    marks={new Map([[story.id, marks?.marks.get(story.id) ?? unread(story.id)]])}
                  />
                  <p className="-mt-3 pb-4 font-sans text-sm text-muted">
                    Because you follow {because.map(followName).join(', ')}
                  </p>
                </li>
              ))}
            </ol>
          )}
          <section aria-labelledby="follows-heading" className="mt-10">
            <h2 id="follows-heading" className="mb-3 font-sans text-sm font-semibold text-muted">
              You follow
            </h2>
            <ul className="divide-y divide-line border-y border-line">
              {follows.map((f) => (
                <li
                  key={`${f.kind}:${f.id}`}
                  className="flex items-center justify-between gap-3 py-2"
                >
                  <ReaderLink to={followPath(f)} className="font-serif text-lg text-ink underline">
                    {followName(f)}
                  </ReaderLink>
                  <FollowButton follow={f} />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  )
}
