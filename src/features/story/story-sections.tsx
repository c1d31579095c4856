import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { ErrorBoundary } from '../../components/ui/error-boundary'
import type { Section } from '../feed/parse-feed'
import { StorySection } from './story-section'

function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''))
  } catch {
    return ''
  }
}

/** Sections whose text changed since the reader last read the story: marked, and opened. */
export type SectionChanges = { sections: ReadonlySet<string>; label: string }

/** The sections: the first open, and any the fragment names; opening one replaces the fragment. */
export function StorySections({
  sections,
  changes,
}: {
  sections: Section[]
  changes?: SectionChanges
}) {
  const location = useLocation()
  const navigate = useNavigate()
  const hashId = fragmentId(location.hash)
  const [open, setOpen] = useState<ReadonlySet<string>>(() => {
    // What changed since the last reading is open too (story-view.tsx renders the sections
    // afresh once that is known, just after the page shows).
    const initial = new Set(changes?.sections)
    if (sections[0]) initial.add(sections[0].id)
    if (sections.some((s) => s.id === hashId)) initial.add(hashId)
    return initial
  })
  const ownHash = useRef<string | null>(null)

  // A fragment from outside (a shared link, an in-page link) opens and shows its section.
  useEffect(() => {
    if (!sections.some((s) => s.id === hashId)) return
    if (ownHash.current === hashId) {
      ownHash.current = null
      return
    }
    setOpen((prev) => (prev.has(hashId) ? prev : new Set(prev).add(hashId)))
    requestAnimationFrame(() => document.getElementById(hashId)?.scrollIntoView({ block: 'start' }))
  }, [hashId, sections])

  const writeHash = useCallback(
    (id: string) => {
      ownHash.current = id
      navigate(
        { pathname: location.pathname, search: location.search, hash: id ? `#${id}` : '' },
        { replace: true, preventScrollReset: true, state: location.state },
      )
    },
    [navigate, location.pathname, location.search, location.state],
  )

  const toggle = useCallback(
    (id: string, next: boolean) => {
      setOpen((prev) => {
        const copy = new Set(prev)
        if (next) copy.add(id)
        else copy.delete(id)
        return copy
      })
      if (next) writeHash(id)
      else if (hashId === id) writeHash('')
    },
    [writeHash, hashId],
  )

  const allOpen = sections.every((s) => open.has(s.id))

  return (
    <div>
      {sections.length > 1 && (
        <div className="mb-2 flex justify-end" data-print="hide">
          <button
            type="button"
            data-shortcut="toggle-all"
            onClick={() => setOpen(allOpen ? new Set() : new Set(sections.map((s) => s.id)))}
            className="min-h-11 rounded-md px-2 font-sans text-sm font-semibold text-accent underline-offset-4 hover:underline"
          >
            {allOpen ? 'Hide all sections' : 'Show all sections'}
          </button>
        </div>
      )}
      {sections.map((section) => (
        <ErrorBoundary
          key={section.id}
          fallback={() => (
            <p role="alert" className="border-t border-line py-4 text-sm text-muted">
              The section “{section.title}” could not be shown.
            </p>
          )}
        >
          <StorySection
            section={section}
            open={open.has(section.id)}
            onToggle={toggle}
            updated={changes?.sections.has(section.id) ? changes.label : undefined}
          />
        </ErrorBoundary>
      ))}
    </div>
  )
}
