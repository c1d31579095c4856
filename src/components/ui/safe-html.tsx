import { sanitiseHtml } from '../../lib/sanitise'
import { cn } from '../../lib/cn'

type Props = { html: string; baseUrl?: string; className?: string }

/** The one component that sets inner HTML, and only what the sanitiser returns. */
export default function SafeHtml({ html, baseUrl, className }: Props) {
  return (
    <div
      className={cn('feed-html', className)}
      dangerouslySetInnerHTML={{ __html: sanitiseHtml(html, baseUrl) }}
    />
  )
}
