import { StoryDate } from '../../lib/dates'
import type { Author, Story } from '../feed/parse-feed'

/** "30 Oct 2024 · Updated 2 hours ago · By … · Permalink", each part only when known. */
export function StoryMeta({ story }: { story: Story }) {
  const parts = [
    story.published && <StoryDate key="published" iso={story.published} />,
    story.modified && isLater(story.modified, story.published) && (
      <span key="modified">
        Updated <StoryDate iso={story.modified} />
      </span>
    ),
    story.authors.length > 0 && <Authors key="authors" authors={story.authors} />,
    story.url && !story.isStory && (
      <a
        key="permalink"
        href={story.url}
        target="_blank"
        rel="noopener noreferrer"
        className="underline"
      >
        Permalink
      </a>
    ),
  ].filter(Boolean)
  if (parts.length === 0) return null
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-sans text-sm text-muted">
      {parts.flatMap((part, i) => [
        i > 0 && (
          <span key={i} aria-hidden="true">
            ·
          </span>
        ),
        part,
      ])}
    </p>
  )
}

function Authors({ authors }: { authors: Author[] }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      By
      {authors.map((author, i) => (
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
            <a href={author.url} target="_blank" rel="noopener noreferrer" className="underline">
              {author.name}
            </a>
          ) : (
            author.name
          )}
          {i < authors.length - 1 && ','}
        </span>
      ))}
    </span>
  )
}

// A modification date is news only when it comes after publication.
function isLater(modified: string, published: string | undefined): boolean {
  return !published || Date.parse(modified) > Date.parse(published)
}
