import { useEffect, useState } from 'react'
import { BookmarkIcon, ShareIcon } from '../../components/ui/icons'
import { markRead, toggleSaved, useReadingState } from './reading-state'

const actionClass =
  'inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-4 font-sans text-sm font-semibold text-ink hover:border-accent hover:text-accent aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent'

type StoryRef = { id: string; title: string }

/** Opening a story marks it read; the reader can take that back. */
export function useMarkRead(id: string, enabled = true) {
  useEffect(() => {
    if (enabled) markRead(id)
  }, [id, enabled])
}

export function SaveButton({ story }: { story: StoryRef }) {
  const { saved } = useReadingState()
  const isSaved = saved.some((s) => s.id === story.id)
  return (
    <button
      type="button"
      data-shortcut="save"
      aria-pressed={isSaved}
      onClick={() => toggleSaved(story)}
      className={actionClass}
    >
      <BookmarkIcon className="size-4" fill={isSaved ? 'currentColor' : 'none'} />
      {isSaved ? 'Saved' : 'Save'}
    </button>
  )
}

export function MarkUnreadButton({ id }: { id: string }) {
  const { read } = useReadingState()
  // Opening a story marks it read a moment after the first paint; the button's place is
  // kept meanwhile (hidden from everyone), so the row does not wrap and push the text down.
  const shown = read.includes(id)
  return (
    <button
      type="button"
      onClick={() => markRead(id, false)}
      // A class, not a style attribute: the page's CSP refuses inline styles in built HTML.
      className={`min-h-11 px-2 font-sans text-sm font-semibold text-muted underline underline-offset-4 hover:text-accent ${shown ? '' : 'invisible'}`}
    >
      Mark as unread
    </button>
  )
}

/** The system share sheet where there is one; otherwise the link is copied, visibly. */
export function ShareButton({ title }: { title: string }) {
  const [status, setStatus] = useState('')
  async function share() {
    const url = location.href
    if (navigator.share) {
      try {
        await navigator.share({ title, url })
        return
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return
      }
    }
    try {
      await navigator.clipboard.writeText(url)
      setStatus('Link copied')
    } catch {
      setStatus('Copy the address from the address bar')
    }
    window.setTimeout(() => setStatus(''), 4000)
  }
  return (
    <span className="inline-flex items-center">
      <button type="button" onClick={() => void share()} className={actionClass}>
        <ShareIcon className="size-4" />
        Share
      </button>
      <span role="status" className="ml-2 text-sm text-muted empty:ml-0">
        {status}
      </span>
    </span>
  )
}
