import { ExternalIcon } from '../../components/ui/icons'
import { hostOf } from '../../lib/urls'

/** The publisher's site by its host, in a wide header only (a phone's footer links it). */
export function FeedSiteLink({ url }: { url: string | undefined }) {
  if (!url) return null
  const host = hostOf(url)
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      // One label, so that no layout puts a stray space in the name ("host , the …").
      aria-label={`${host}, the publisher’s website (opens in a new tab)`}
      className="hidden min-h-11 min-w-0 items-center gap-1.5 rounded-full px-3 text-sm font-semibold text-muted no-underline hover:bg-sunken hover:text-ink md:inline-flex"
    >
      <span className="max-w-48 min-w-0 truncate">{host}</span>
      <ExternalIcon className="size-4 shrink-0" />
    </a>
  )
}
