import { useEffect, useRef } from 'react'

/*
 * Keyboard shortcuts for desktop readers. They act on elements that mark themselves with
 * data-shortcut, so no screen has to know about them:
 *   story       a story link in a list (j / k move between them, o opens)
 *   section     a section's heading button ([ / ] move between them)
 *   toggle-all  "Show all sections" (e)
 *   save        "Save" (s)
 */
export const shortcutList: Array<[keys: string, what: string]> = [
  ['j / k', 'Next / previous story in the list'],
  ['Enter or o', 'Open the story'],
  ['[ / ]', 'Previous / next section'],
  ['e', 'Show or hide all sections'],
  ['s', 'Save or unsave the story'],
  ['?', 'Show these shortcuts'],
  ['Escape', 'Close a card or this list'],
]

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

function targets(kind: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-shortcut="${kind}"]`)]
}

function step(kind: string, direction: 1 | -1) {
  const list = targets(kind)
  if (list.length === 0) return
  const index = list.indexOf(document.activeElement as HTMLElement)
  const next = list[index === -1 ? (direction === 1 ? 0 : list.length - 1) : index + direction]
  if (!next) return
  next.focus()
  next.scrollIntoView({ block: 'nearest' })
}

export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (isTyping(event.target)) return
      if (document.querySelector('dialog[open]') && event.key !== '?') return
      const act: Record<string, () => void> = {
        j: () => step('story', 1),
        k: () => step('story', -1),
        o: () => {
          const active = document.activeElement as HTMLElement | null
          ;(active?.dataset.shortcut === 'story' ? active : targets('story')[0])?.click()
        },
        ']': () => step('section', 1),
        '[': () => step('section', -1),
        e: () => targets('toggle-all')[0]?.click(),
        s: () => targets('save')[0]?.click(),
        '?': () => {
          if (dialog.current?.open) dialog.current.close()
          else dialog.current?.showModal()
        },
      }
      const action = act[event.key]
      if (!action) return
      event.preventDefault()
      action()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-heading"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-line bg-raised p-6 text-ink shadow-2xl backdrop:bg-scrim"
    >
      <h2 id="shortcuts-heading" className="mb-4 font-serif text-2xl font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {shortcutList.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-line bg-sunken px-1.5 py-0.5 font-mono text-xs">
                {keys}
              </kbd>
            </dt>
            <dd className="text-muted">{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-5 text-right">
        <button className="inline-flex min-h-11 items-center rounded-full bg-accent px-5 font-semibold text-paper">
          Close
        </button>
      </form>
    </dialog>
  )
}
