import { formatFullDate, formatStoryDate } from '../../lib/dates'
import type { Story } from '../feed/parse-feed'

/** "30 October 2024 · Updated 2 hours ago · By …" */
export function StoryMeta({ story }: { story: Story }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-sans text-sm text-muted">
      {story.published && (
        <time dateTime={story.published} title={formatFullDate(story.published)}>
          {formatStoryDate(story.published)}
        </time>
      )}
      {story.modified && story.modified !== story.published && (
        <>
          <span aria-hidden="true">·</span>
          <span>
            Updated <time dateTime={story.modified}>{formatStoryDate(story.modified)}</time>
          </span>
        </>
      )}
      {story.authors.length > 0 && (
        <>
          {story.published && <span aria-hidden="true">·</span>}
          <span className="inline-flex flex-wrap items-center gap-x-1.5">
            By
            {story.authors.map((author, i) => (
              <span key={`${author.name}-${i}`} className="inline-flex items-center gap-1.5">
                {author.avatar && (
                  <img
                    src={author.avatar}
                    alt=""
                    width={20}
                    height={20}
                    loading="lazy"
                    referrerPolicy="no-referrer"
                    className="size-5 rounded-full bg-sunken object-cover"
                  />
                )}
                {author.url ? (
                  <a
                    href={author.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="underline"
                  >
                    {author.name}
                  </a>
                ) : (
                  author.name
                )}
                {i < story.authors.length - 1 && ','}
              </span>
            ))}
          </span>
        </>
      )}
      {story.url && !story.isStory && (
        <>
          <span aria-hidden="true">·</span>
          <a href={story.url} target="_blank" rel="noopener noreferrer" className="underline">
            Permalink
          </a>
        </>
      )}
    </p>
  )
}
