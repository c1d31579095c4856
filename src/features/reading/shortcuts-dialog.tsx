import type { RefObject } from 'react'
import { Dialog } from '../../components/ui/dialog'
import { buttonClass } from '../../components/ui/button'

const shortcutList: Array<[keys: string, what: string]> = [
  ['j / k', 'Next / previous story in the list'],
  ['Enter or o', 'Open the story'],
  ['[ / ]', 'Previous / next section'],
  ['e', 'Show or hide all sections'],
  ['s', 'Save or unsave the story'],
  ['/', 'Search all stories'],
  ['?', 'Show these shortcuts'],
  ['Escape', 'Close a card or this list'],
]

export default function ShortcutsDialog({ ref }: { ref: RefObject<HTMLDialogElement | null> }) {
  return (
    <Dialog
      ref={ref}
      aria-labelledby="shortcuts-heading"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-6"
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
        <button type="submit" className={buttonClass.primary}>
          Close
        </button>
      </form>
    </Dialog>
  )
}
