import { ReaderLink } from '../../components/ui/reader-link'
import { ExternalIcon } from '../../components/ui/icons'
import { formatFixedDate } from '../../lib/dates'
import { tidySummary } from '../../lib/text'
import { hostOf, storyPath, topicPath } from '../../lib/urls'
import type { Topic } from '../feed/parse-feed'
import type { TopicEntry } from '../feed/feed-query'
import { KindIcon, kindLabel } from './topic-kind'

/** Who or what a topic is: kind, summary, when that was written, and where to read more. */
export function TopicSummary({ topic }: { topic: Topic }) {
  const summary = tidySummary(topic.summary)
  return (
    <div className="flow-root">
      {topic.image && (
        <img
          src={topic.image}
          alt=""
          width={80}
          height={80}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          className="float-right mb-2 ml-4 size-20 rounded-lg bg-sunken object-cover"
        />
      )}
      {summary ? (
        <p className="reading text-[1.0625rem]" dir="auto">
          {summary}
        </p>
      ) : (
        <p className="text-muted italic">No summary has been published for this topic yet.</p>
      )}
      {topic.asOf && (
        <p className="mt-2 text-sm text-muted">
          Summary as of <time dateTime={topic.asOf}>{formatFixedDate(topic.asOf)}</time>
        </p>
      )}
      {topic.url && (
        <a
          href={topic.url}
          target="_blank"
          rel="noopener noreferrer"
          className="mt-3 inline-flex min-h-11 items-center gap-1.5 font-semibold text-accent underline"
        >
          Read more on {hostOf(topic.url)}
          <ExternalIcon className="size-4" />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      )}
    </div>
  )
}

export function KindBadge({ kind }: { kind: Topic['kind'] }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-semibold tracking-wider text-muted uppercase">
      <KindIcon kind={kind} className="size-4" />
      {kindLabel(kind)}
    </span>
  )
}

type CardProps = {
  entry: TopicEntry
  /** The story the card was opened from, left out of "More stories". */
  currentStoryId?: string
}

export function EntityCardBody({ entry, currentStoryId }: CardProps) {
  const others = entry.stories.filter((s) => s.id !== currentStoryId)
  return (
    <>
      <TopicSummary topic={entry.topic} />
      <section aria-labelledby="card-more-heading" className="mt-6 border-t border-line pt-4">
        <h3 id="card-more-heading" className="mb-2 text-sm font-semibold text-muted">
          More stories on this topic
        </h3>
        {others.length > 0 ? (
          <ul className="space-y-1">
            {others.slice(0, 6).map((story) => (
              <li key={story.id}>
                <ReaderLink
                  to={storyPath(story)}
                  className="block rounded-md py-2 font-serif text-[1.0625rem] leading-snug text-ink underline decoration-line underline-offset-4 hover:text-accent hover:decoration-accent"
                >
                  {story.title}
                </ReaderLink>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">No other stories on this topic yet.</p>
        )}
        <ReaderLink
          to={topicPath(entry.topic.id)}
          className="mt-3 inline-flex min-h-11 items-center text-sm font-semibold text-accent underline"
        >
          All stories on {entry.topic.name}
        </ReaderLink>
      </section>
    </>
  )
}
