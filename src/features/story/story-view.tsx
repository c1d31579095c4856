import type { ReactNode } from 'react'
import { ReaderLink } from '../../components/ui/reader-link'
import { tagPath } from '../../lib/urls'
import type { Story } from '../feed/parse-feed'
import { PlainContent } from './plain-content'
import { StoryMeta } from './story-meta'
import { StorySections } from './story-sections'

type Props = {
  story: Story
  baseUrl?: string
  /** What follows the text: the topic chips, in the app's composition. */
  children?: ReactNode
  /** Tighter type for the small space of an embed. */
  compact?: boolean
  /** Buttons shown under the title (embed, share, save), in the app's composition. */
  actions?: ReactNode
}

/** A story: title, dates, then its sections (or, for a plain item, its content). */
export function StoryView({ story, baseUrl, children, compact = false, actions }: Props) {
  const image = story.bannerImage ?? story.image
  // The summary is a dek only where it says something the first section does not open with.
  const showSummary =
    story.isStory && story.summary && !story.sections[0]?.text.startsWith(story.summary)
  return (
    <article lang={story.language} className="mx-auto measure">
      <header className={compact ? 'mb-4' : 'mb-6'}>
        <h1
          dir="auto"
          className={
            compact
              ? 'font-serif text-2xl leading-tight font-bold tracking-tight text-balance break-words'
              : 'font-serif text-[1.875rem] leading-[1.15] font-bold tracking-tight text-balance break-words sm:text-[2.5rem]'
          }
        >
          {story.title}
        </h1>
        {showSummary && (
          <p dir="auto" className="mt-3 reading text-muted">
            {story.summary}
          </p>
        )}
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <StoryMeta story={story} />
          {actions && (
            <div className="flex flex-wrap gap-2" data-print="hide">
              {actions}
            </div>
          )}
        </div>
      </header>
      {image && (
        <img
          src={image}
          alt={story.title}
          width={1200}
          height={675}
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          className="mb-6 aspect-video w-full rounded-xl bg-sunken object-cover"
        />
      )}
      {story.sections.length > 0 ? (
        <StorySections key={story.id} sections={story.sections} />
      ) : story.isStory && !story.contentText && !story.contentHtml ? (
        <p className="reading text-muted">This story has no sections yet.</p>
      ) : (
        <PlainContent story={story} baseUrl={baseUrl} />
      )}
      {story.tags.length > 0 && !story.isStory && (
        <nav aria-label="Tags" className="mt-8" data-print="hide">
          <ul className="flex flex-wrap gap-2 font-sans text-sm">
            {story.tags.map((tag) => (
              <li key={tag}>
                <ReaderLink
                  to={tagPath(tag)}
                  className="inline-flex min-h-11 items-center rounded-full border border-line bg-raised px-4 text-ink no-underline hover:border-accent hover:text-accent"
                >
                  <span aria-hidden="true" className="mr-0.5 text-muted">
                    #
                  </span>
                  {tag}
                </ReaderLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {children}
    </article>
  )
}
