import { ReaderLink } from '../../components/ui/reader-link'
import { formatFullDate, formatStoryDate } from '../../lib/dates'
import { storyPath } from '../../lib/urls'
import type { Story } from './parse-feed'

/** Stories as an ordered list of cards: title, summary, date and topics. */
export function StoryList({
  stories,
  headingLevel = 2,
  compact = false,
  readIds,
}: {
  stories: Story[]
  headingLevel?: 2 | 3
  /** Smaller type and no summaries, for embeds. */
  compact?: boolean
  /** Stories the reader has opened, shown quieter. */
  readIds?: ReadonlySet<string>
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <ol className="divide-y divide-line border-y border-line">
      {stories.map((story) => (
        <li
          key={story.id}
          data-read={readIds?.has(story.id) ? '' : undefined}
          className="group/item"
        >
          <article lang={story.language} className={`group relative ${compact ? 'py-3' : 'py-5'}`}>
            <Heading
              dir="auto"
              className={`font-serif leading-snug font-semibold tracking-tight text-balance break-words ${compact ? 'text-lg' : 'text-xl sm:text-[1.4rem]'}`}
            >
              <ReaderLink
                to={storyPath(story.id)}
                data-shortcut="story"
                className="text-ink no-underline group-hover:text-accent group-data-read/item:text-muted after:absolute after:inset-0 after:content-['']"
              >
                {story.title}
              </ReaderLink>
            </Heading>
            {story.summary && !compact && (
              <p
                dir="auto"
                className="mt-1.5 line-clamp-3 font-serif text-[1.0625rem] leading-relaxed text-muted"
              >
                {story.summary}
              </p>
            )}
            <p className="mt-2 flex flex-wrap items-center gap-x-2 font-sans text-sm text-muted">
              {readIds?.has(story.id) && (
                <span className="rounded-full bg-sunken px-2 py-0.5 text-xs font-semibold">
                  Read
                </span>
              )}
              {story.published && (
                <time dateTime={story.published} title={formatFullDate(story.published)}>
                  {formatStoryDate(story.published)}
                </time>
              )}
              {story.topics.length > 0 && (
                <>
                  {story.published && <span aria-hidden="true">·</span>}
                  <span className="sr-only">Topics:</span>
                  <span>
                    {story.topics
                      .slice(0, 4)
                      .map((t) => t.name)
                      .join(', ')}
                  </span>
                </>
              )}
            </p>
          </article>
        </li>
      ))}
    </ol>
  )
}
