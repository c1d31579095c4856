import { formatDay } from '../../lib/dates'
import type { FeedProblem } from './parse-feed'

/** "1 story", "2 stories": the reader's words are English, and so are their plurals. */
export function storyCount(n: number): string {
  return `${n} ${n === 1 ? 'story' : 'stories'}`
}

/** "14:05" (24-hour), and the day before it when not today: "3 Dec 2024, 14:05". */
export function formatTime(time: number, now = Date.now()): string {
  const date = new Date(time)
  const clock = [date.getHours(), date.getMinutes()].map((n) => String(n).padStart(2, '0'))
  const today = date.toDateString() === new Date(now).toDateString()
  return today ? clock.join(':') : `${formatDay(time)}, ${clock.join(':')}`
}

// A feed of thousands of broken items would otherwise bury the page under its reasons.
const SHOWN_PROBLEMS = 50

/** Quiet word that some items were left out, with the reasons for the publisher. */
export function SkippedNotice({ skipped, problems }: { skipped: number; problems: FeedProblem[] }) {
  if (problems.length === 0) return null
  return (
    <details className="mb-4 rounded-lg bg-sunken px-4 py-2 font-sans text-sm text-muted">
      <summary className="min-h-8 cursor-pointer py-1">
        {skipped > 0
          ? `${storyCount(skipped)} could not be shown`
          : `${problems.length} duplicate ${problems.length === 1 ? 'story' : 'stories'} left out`}
      </summary>
      <p className="mt-2">For the publisher, each reason with where it is in the feed:</p>
      <ul className="mt-1 mb-1 space-y-1">
        {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
          <li key={i} className="break-words">
            <code className="rounded bg-paper px-1">{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN_PROBLEMS && (
        <p className="mb-1">
          And {problems.length - SHOWN_PROBLEMS} more: <code>npm run validate-feed</code> lists them
          all.
        </p>
      )}
    </details>
  )
}

/** A failed refresh keeps the stories and says so; `partial`: the rest of a long page failed. */
export function RefreshNotice({
  updatedAt,
  onRetry,
  partial,
}: {
  updatedAt: number
  onRetry: () => void
  partial?: { shown: number; error: unknown }
}) {
  // Stories from a page built days ago (scripts/prerender.mjs) say which day.
  const time = formatTime(updatedAt)
  return (
    <p
      role="status"
      className="mb-4 flex flex-wrap items-center gap-x-3 rounded-lg bg-warn-soft px-4 py-2 font-sans text-sm text-warn"
    >
      {partial
        ? `Only the first ${partial.shown} stories of this feed could be read. ${partial.error instanceof Error ? partial.error.message : ''}`
        : `Couldn’t refresh the stories; showing those from ${time}.`}
      <button type="button" onClick={onRetry} className="min-h-9 font-semibold underline">
        Try again
      </button>
    </p>
  )
}
