import { lazy, Suspense, type ReactNode } from 'react'
import { ReaderLink } from '../../components/ui/reader-link'
import { tagPath } from '../../lib/urls'
import type { Story } from '../feed/parse-feed'
import { StoryMeta } from './story-meta'
import { StorySections, type SectionChanges } from './story-sections'

// The body of a plain item (no `_story`): a story with sections never needs it.
const PlainContent = lazy(() =>
  import('./plain-content').then((m) => ({ default: m.PlainContent })),
)

type Props = {
  story: Story
  baseUrl?: string
  children?: ReactNode
  compact?: boolean
  actions?: ReactNode
  /** Shown in place of the text while it is not there (a story kept lean, being read). */
  pending?: ReactNode
  changes?: SectionChanges
}

/** A story: title, dates, then its sections (or, for a plain item, its content). */
export function StoryView({
  story,
  baseUrl,
  children,
  compact = false,
  actions,
  pending,
  changes,
}: Props) {
  const banner = story.bannerImage
  // The featured image is shown unless it is the banner or the content already shows it.
  const image =
    story.image && story.image !== banner && !story.contentHtml?.includes(story.image)
      ? story.image
      : undefined
  // The summary is a dek only where it says something the first section does not open with.
  const showSummary =
    story.isStory && story.summary && !story.sections[0]?.text.startsWith(story.summary)
  return (
    <article lang={story.language} className="mx-auto measure">
      {banner && <StoryImage src={banner} alt={story.title} banner />}
      <header className={compact ? 'mb-4' : 'mb-6'}>
        {/* A post without a title (a microblog post) is its text: its first words only name it. */}
        <h1
          dir="auto"
          className={
            !story.hasTitle
              ? 'sr-only'
              : compact
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
        <div
          className={`flex flex-wrap items-center justify-between gap-3 ${story.hasTitle ? 'mt-4' : ''}`}
        >
          <StoryMeta story={story} />
          {actions && (
            <div className="flex flex-wrap gap-2" data-print="hide">
              {actions}
            </div>
          )}
        </div>
      </header>
      {image && <StoryImage src={image} alt={story.title} />}
      {pending ??
        (story.sections.length > 0 ? (
          <StorySections
            key={story.id + (changes ? ' updated' : '')}
            sections={story.sections}
            changes={changes}
          />
        ) : story.isStory && !story.contentText && !story.contentHtml ? (
          <p className="reading text-muted">This story has no sections yet.</p>
        ) : (
          <Suspense fallback={<p className="reading text-muted">Loading…</p>}>
            <PlainContent story={story} baseUrl={baseUrl} />
          </Suspense>
        ))}
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

// Each image keeps its box from the first paint (width, height and aspect ratio), so the
// text below never jumps when it arrives; a picture of another shape is cropped to fit.
function StoryImage({ src, alt, banner }: { src: string; alt: string; banner?: boolean }) {
  return (
    <img
      src={src}
      alt={alt}
      width={1200}
      height={banner ? 600 : 675}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      className={`mb-6 w-full rounded-xl bg-sunken object-cover ${banner ? 'aspect-[2/1]' : 'aspect-video'}`}
    />
  )
}
