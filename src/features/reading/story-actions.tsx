import { useEffect, useRef, useState } from 'react'
import { BookmarkIcon, ShareIcon } from '../../components/ui/icons'
import type { Story } from '../feed/parse-feed'
import type { Changes } from './history'
import { markRead, toggleSaved, useReadingState } from './reading-state'

const actionClass =
  'inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-4 font-sans text-sm font-semibold text-ink hover:border-accent hover:text-accent aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent'

type StoryRef = { id: string; title: string }

/** Opening a story marks it read, and notes which sections changed since the last opening. */
export function useMarkRead(story: Story | undefined, enabled = true): Changes | undefined {
  const [changes, setChanges] = useState<[string, Changes?]>()
  const id = story?.id
  const marked = useRef('')
  useEffect(() => {
    if (!enabled || !story) return
    // Marked read once per opening: not again when its text arrives after "Mark as unread".
    if (marked.current !== story.id) markRead((marked.current = story.id))
    void import('./history').then(
      (m) => setChanges([story.id, m.openStory(story)]),
      () => undefined,
    )
    // Once per story shown, and again when its text arrives (a story read first from the feed
    // kept for the next visit is lean: history.ts records it only once it is whole).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- not per read of the feed
  }, [id, enabled, story?.bodyFrom])
  return changes?.[0] === id ? changes?.[1] : undefined
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

/** Share, or copy the link; share.ts loads with the click, well within its user activation. */
export function ShareButton({ title }: { title: string }) {
  const [status, setStatus] = useState('')
  return (
    <span className="inline-flex items-center">
      <button
        type="button"
        onClick={() => void import('./share').then((m) => m.share(title, setStatus))}
        className={actionClass}
      >
        <ShareIcon className="size-4" />
        Share
      </button>
      <span role="status" className="ml-2 text-sm text-muted empty:ml-0">
        {status}
      </span>
    </span>
  )
}
