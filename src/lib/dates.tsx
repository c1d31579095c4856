import { useHydrated } from './use-hydrated'

const DAY = 86_400_000

// Building an Intl formatter costs far more than using one (a fraction of a millisecond
// each, paid by every row a long list renders): one per locale and style, kept.
const formatters = new Map<string, unknown>()

function kept<T>(key: string, make: () => T): T {
  if (!formatters.has(key)) formatters.set(key, make())
  return formatters.get(key) as T
}

const dateFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  kept(
    `d ${locale ?? ''} ${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  )

const relativeFormat = (locale: string | undefined) =>
  kept(`r ${locale ?? ''}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))

/** "3 hours ago" within a week, otherwise the date in the reader's locale. */
export function formatStoryDate(iso: string, now = Date.now(), locale?: string): string {
  const time = Date.parse(iso)
  const diff = time - now
  if (Math.abs(diff) < 7 * DAY) {
    const rtf = relativeFormat(locale)
    if (Math.abs(diff) < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute')
    if (Math.abs(diff) < DAY) return rtf.format(Math.round(diff / 3_600_000), 'hour')
    return rtf.format(Math.round(diff / DAY), 'day')
  }
  return dateFormat(locale, { dateStyle: 'medium' }).format(time)
}

/**
 * The same date whoever renders it, wherever: for HTML built ahead of time, before the
 * reader's locale and time zone are known (then formatStoryDate takes over).
 */
export function formatFixedDate(iso: string): string {
  return dateFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(iso))
}

export function formatFullDate(iso: string, locale?: string): string {
  return dateFormat(locale, { dateStyle: 'long' }).format(Date.parse(iso))
}

/**
 * A story's date in the reader's locale and time zone, relative when recent ("3 hours
 * ago"). In HTML built ahead of time, and while React takes it over, a fixed date: the
 * build's clock and locale are not the reader's.
 */
export function StoryDate({ iso }: { iso: string }) {
  const hydrated = useHydrated()
  return (
    <time dateTime={iso} title={hydrated ? formatFullDate(iso) : undefined}>
      {hydrated ? formatStoryDate(iso) : formatFixedDate(iso)}
    </time>
  )
}
