import { lazy, Suspense } from 'react'
import { ExternalIcon } from '../../components/ui/icons'
import { paragraphs } from '../../lib/paragraphs'
import type { Attachment, Story } from '../feed/parse-feed'

// The sanitiser is only needed by items that carry HTML, so it loads with them.
export const loadSafeHtml = () => import('../../components/ui/safe-html')
const SafeHtml = lazy(loadSafeHtml)

/** The body of an item without `_story`: its HTML (sanitised) or its text, as published. */
export function PlainContent({ story, baseUrl }: { story: Story; baseUrl?: string }) {
  return (
    <div className="space-y-4 reading">
      {story.contentHtml ? (
        <Suspense fallback={<p className="text-muted">Loading…</p>}>
          <SafeHtml
            html={story.contentHtml}
            baseUrl={baseUrl}
            className="[&_a]:text-accent [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-line [&_blockquote]:pl-4 [&_img]:h-auto [&_img]:max-w-full [&_li]:ml-6 [&_ol]:list-decimal [&_p]:mb-4 [&_pre]:overflow-x-auto [&_ul]:list-disc"
          />
        </Suspense>
      ) : (
        paragraphs(story.contentText ?? story.summary).map((p, i) => (
          <p key={i} dir="auto">
            {p}
          </p>
        ))
      )}
      {story.attachments.length > 0 && <Attachments attachments={story.attachments} />}
      {story.externalUrl && (
        <p className="font-sans text-base">
          <a
            href={story.externalUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex min-h-11 items-center gap-1.5 font-semibold text-accent underline"
          >
            Read the original
            <ExternalIcon className="size-4" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        </p>
      )}
    </div>
  )
}

function Attachments({ attachments }: { attachments: Attachment[] }) {
  return (
    <section
      aria-labelledby="attachments-heading"
      className="rounded-xl border border-line bg-raised p-4 font-sans text-base"
    >
      <h2
        id="attachments-heading"
        className="mb-2 text-sm font-semibold tracking-wider text-muted uppercase"
      >
        Attachments
      </h2>
      <ul className="space-y-3">
        {attachments.map((a, i) => (
          <li key={`${a.url}-${i}`}>
            <a
              href={a.url}
              target="_blank"
              rel="noopener noreferrer"
              className="font-semibold text-accent underline"
            >
              {a.title ?? a.url}
            </a>
            <span className="block text-sm text-muted">{describeAttachment(a)}</span>
            {a.mimeType?.startsWith('audio/') && (
              <audio controls preload="none" src={a.url} className="mt-2 w-full">
                <track kind="captions" />
              </audio>
            )}
            {a.mimeType?.startsWith('video/') && (
              <video controls preload="none" src={a.url} className="mt-2 w-full rounded-lg">
                <track kind="captions" />
              </video>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function describeAttachment(a: Attachment): string {
  const parts: string[] = []
  if (a.mimeType) parts.push(a.mimeType)
  if (a.sizeInBytes !== undefined) parts.push(formatSize(a.sizeInBytes))
  if (a.durationInSeconds !== undefined) parts.push(formatDuration(a.durationInSeconds))
  return parts.join(' · ')
}

const sizeUnits = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
] as const

/** "18.9 MB", "248 kB", "512 bytes": the largest unit that keeps the number at 1 or more. */
function formatSize(bytes: number): string {
  const [unit, size] = sizeUnits.find(([, s]) => bytes >= s) ?? ['byte', 1]
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(bytes / size)
}

function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = Math.round(seconds % 60)
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'long' }).format(
      value,
    )
  return [h && unit(h, 'hour'), m && unit(m, 'minute'), (s || (!h && !m)) && unit(s, 'second')]
    .filter(Boolean)
    .join(' ')
}
