import { formatFullDate, formatStoryDate } from '../../lib/dates'
import type { Story } from '../feed/parse-feed'

/** "30 October 2024 · Updated 2 hours ago · By …" */
export function StoryMeta({ story }: { story: Story }) {
  const authors = story.authors.map((a) => a.name).join(', ')
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
      {authors && (
        <>
          <span aria-hidden="true">·</span>
          <span>By {authors}</span>
        </>
      )}
    </p>
  )
}
