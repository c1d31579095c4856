import { lazy, Suspense, useRef, useState } from 'react'
import { CodeIcon } from '../../components/ui/icons'

const EmbedPanel = lazy(() => import('./embed-panel'))

/** The "Embed" action on story and topic pages; the panel's code loads when asked for. */
export function EmbedButton({ path, title }: { path: string; title: string }) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <>
      <button
        type="button"
        ref={button}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-4 font-sans text-sm font-semibold text-ink hover:border-accent hover:text-accent"
      >
        <CodeIcon className="size-4" />
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
