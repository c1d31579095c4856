import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { ErrorBoundary } from '../../components/ui/error-boundary'

// The actions and the `?` dialog load with the first shortcut key; first loads carry this only.
const ShortcutsDialog = lazy(() => import('./shortcuts-dialog'))
const SHORTCUT_KEYS = new Set(['j', 'k', 'o', '[', ']', 'e', 's', '?'])

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null)
  const [wanted, setWanted] = useState(false)

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (!SHORTCUT_KEYS.has(event.key) || isTyping(event.target)) return
      if (document.querySelector('dialog[open]') && event.key !== '?') return
      event.preventDefault()
      if (event.key !== '?') {
        const key = event.key
        void import('./shortcut-actions').then((m) => m.runShortcut(key))
        // The first `?` loads the dialog, which opens itself once it is there.
      } else if (!dialog.current) setWanted(true)
      else if (dialog.current.open) dialog.current.close()
      else dialog.current.showModal()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  if (!wanted) return null
  return (
    <ErrorBoundary fallback={() => null}>
      <Suspense fallback={null}>
        <ShortcutsDialog ref={dialog} />
      </Suspense>
    </ErrorBoundary>
  )
}
