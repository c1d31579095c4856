import { useHydrated } from './use-hydrated'

/*
 * Dates written by hand rather than with Intl: a page's first Intl formatter loads ICU's
 * locale data, 50 to 170 ms of a slow phone's main thread. Each takes a checked ISO date.
 */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

// As British English shortens them (and Intl's en-GB, whose medium dates these match).
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec'.split(' ')

/** "3 hours ago" within a week, otherwise the date ("16 Dec 2024") in the reader's zone. */
export function formatStoryDate(iso: string, now = Date.now()): string {
  const time = Date.parse(iso)
  const diff = time - now
  const abs = Math.abs(diff)
  if (abs >= 7 * DAY) return formatDay(time)
  const [unit, size] = abs < HOUR ? ['minute', MINUTE] : abs < DAY ? ['hour', HOUR] : ['day', DAY]
  const n = Math.round(diff / size)
  if (n === 0) return 'just now'
  if (n === -1 && size === DAY) return 'yesterday'
  const words = `${Math.abs(n)} ${unit}${Math.abs(n) === 1 ? '' : 's'}`
  return n < 0 ? `${words} ago` : `in ${words}`
}

/** "16 Dec 2024", in the reader's time zone (or in UTC). */
export function formatDay(time: number, utc = false): string {
  const date = new Date(time)
  const [d, m, y] = utc
    ? [date.getUTCDate(), date.getUTCMonth(), date.getUTCFullYear()]
    : [date.getDate(), date.getMonth(), date.getFullYear()]
  return `${d} ${MONTHS[m]} ${y}`
}

/** The same date whoever renders it ("3 Sept 2024", in UTC): for HTML built ahead of time. */
export const formatFixedDate = (iso: string) => formatDay(Date.parse(iso), true)

/** A story's date, relative when recent; fixed until hydrated (the build's clock is not ours). */
export function StoryDate({ iso }: { iso: string }) {
  const hydrated = useHydrated()
  return (
    <time dateTime={iso} title={hydrated ? formatDay(Date.parse(iso)) : undefined}>
      {hydrated ? formatStoryDate(iso) : formatFixedDate(iso)}
    </time>
  )
}
