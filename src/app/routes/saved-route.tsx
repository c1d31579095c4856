import { Link } from 'react-router'
import { useFeed } from '../../features/feed/feed-query'
import { StoryList } from '../../features/feed/story-list'
import { toggleSaved, useReadingState } from '../../features/reading/reading-state'
import { storySlug } from '../../lib/slug'
import { storyPath } from '../../lib/urls'

/** Saved stories, newest saved first; one no longer in the feed keeps its title. */
export default function SavedRoute() {
  const { feed } = useFeed()
  const { saved } = useReadingState()
  const inFeed = saved.flatMap((s) => feed.storyById.get(s.id) ?? [])
  const gone = saved.filter((s) => !feed.storyById.has(s.id))
  return (
    <div className="mx-auto measure">
      <title>{`Saved · ${feed.title}`}</title>
      <h1 className="mb-6 font-serif text-3xl font-bold tracking-tight sm:text-4xl">
        Saved stories
      </h1>
      {saved.length === 0 && (
        <p className="reading text-muted">
          Nothing saved yet. Use “Save” on a story to keep it here.
        </p>
      )}
      {inFeed.length > 0 && <StoryList stories={inFeed} />}
      {gone.length > 0 && (
        <section aria-labelledby="gone-heading" className="mt-8">
          <h2 id="gone-heading" className="mb-2 text-sm font-semibold text-muted">
            No longer in the feed
          </h2>
          <ul className="space-y-2">
            {gone.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3">
                <Link
                  to={storyPath({ slug: storySlug(s) })}
                  className="font-serif text-lg text-ink underline"
                >
                  {s.title}
                </Link>
                <button
                  type="button"
                  onClick={() => toggleSaved(s)}
                  className="min-h-11 shrink-0 text-sm font-semibold text-accent underline"
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
