import { useLayoutEffect, useRef, useState } from 'react'
import { ChevronIcon, ExternalIcon } from '../../components/ui/icons'
import { paragraphs } from '../../lib/paragraphs'
import type { Section } from '../feed/parse-feed'

type Props = {
  section: Section
  open: boolean
  onToggle: (id: string, open: boolean) => void
  /** "Updated 3 Nov 2024" on a section changed since the reader last read it. */
  updated?: string
}

/** An accordion section whose closed body is hidden="until-found": find-in-page still opens it. */
export function StorySection({ section, open, onToggle, updated }: Props) {
  const bodyRef = useRef<HTMLDivElement>(null)
  const headingId = `${section.id}--heading`
  // The body slides in when opened by its button only: not on load, nor at a find-in-page match.
  const [revealed, setRevealed] = useState(false)

  // React renders `hidden` as a boolean only, so "until-found" is set on the element (and,
  // in pages built ahead of time, written by scripts/prerender-html.mjs).
  useLayoutEffect(() => {
    const body = bodyRef.current
    if (!body) return
    if (open) body.removeAttribute('hidden')
    else body.setAttribute('hidden', 'until-found')
    const reveal = () => onToggle(section.id, true)
    body.addEventListener('beforematch', reveal)
    return () => body.removeEventListener('beforematch', reveal)
  }, [open, onToggle, section.id])

  return (
    <section className="border-t border-line last:border-b">
      <h2 className="m-0">
        <button
          type="button"
          id={headingId}
          aria-expanded={open}
          aria-controls={section.id}
          data-shortcut="section"
          onClick={() => {
            setRevealed(true)
            onToggle(section.id, !open)
          }}
          className="group flex min-h-14 w-full items-center justify-between gap-4 py-3 text-left font-sans text-lg font-semibold tracking-tight text-ink hover:text-accent sm:text-xl"
        >
          <span>
            {section.title}{' '}
            {updated && <span className="ml-2 text-sm font-medium text-accent">{updated}</span>}
          </span>
          <span className="flex shrink-0 items-center gap-2 text-sm font-medium text-muted group-hover:text-accent">
            {/* The state is aria-expanded's to announce; this word is for the eye. */}
            <span aria-hidden="true" className="hidden sm:inline">
              {open ? 'Hide' : 'Show'}
            </span>
            <ChevronIcon
              className={`size-5 transition-transform duration-200 ${open ? 'rotate-180' : ''}`}
            />
          </span>
        </button>
      </h2>
      <div
        ref={bodyRef}
        id={section.id}
        role="region"
        aria-labelledby={headingId}
        data-section-body=""
        hidden={!open}
        className={`scroll-mt-24 pb-6 reading ${revealed ? 'motion-safe:animate-[reveal_180ms_ease-out]' : ''}`}
      >
        {paragraphs(section.text).map((p, i) => (
          <p key={i} dir="auto" className="mb-4 last:mb-0">
            {p}
          </p>
        ))}
        {section.sources.length > 0 && (
          <div className="mt-5 font-sans text-sm text-muted">
            <h3 className="mb-2 text-xs font-semibold tracking-wider uppercase">Sources</h3>
            <ul className="flex flex-wrap gap-2">
              {section.sources.map((source) => (
                <li key={source.name}>
                  {source.url ? (
                    <a
                      href={source.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="inline-flex min-h-9 items-center gap-1.5 rounded-full border border-line bg-raised px-3 py-1 font-medium text-ink no-underline hover:border-accent hover:text-accent"
                    >
                      {source.name}
                      <ExternalIcon className="size-3.5" />
                      <span className="sr-only">(opens in a new tab)</span>
                    </a>
                  ) : (
                    <span className="inline-flex min-h-9 items-center rounded-full border border-line px-3 py-1">
                      {source.name}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  )
}
