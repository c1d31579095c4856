import { lazy, Suspense, useRef, useState } from 'react'

const EmbedPanel = lazy(() => import('./embed-panel'))

/** The "Embed" action on story and topic pages; the panel's code loads when asked for. */
export function EmbedButton({ path, title }: { path: string; title: string }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-4 font-sans text-sm font-semibold text-ink hover:border-accent hover:text-accent"
      >
        <svg
          viewBox="0 0 24 24"
          width="16"
          height="16"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="m8 8-4 4 4 4M16 8l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Embed
      </button>
      {open && (
        <Suspense fallback={null}>
          <EmbedPanel
            path={path}
            title={title}
            onClose={() => {
              setOpen(false)
              button.current?.focus()
            }}
          />
        </Suspense>
      )}
    </>
  )
}
