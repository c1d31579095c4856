import { useId, useState } from 'react'
import { CloseIcon } from '../../components/ui/icons'
import { buttonClass, IconButton } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'

type Props = {
  /** The reader route to embed, e.g. "/stories/…". */
  path: string
  title: string
  onClose: () => void
}

type EmbedOptions = { theme: 'auto' | 'light' | 'dark'; transparent: boolean }

/** The address of an embed page for a reader route ("/stories/…" → "/embed/stories/…"). */
function embedUrl(readerBase: string, path: string, options: EmbedOptions): string {
  const url = new URL(`${readerBase}/embed${path === '/' ? '' : path}`)
  if (options.theme !== 'auto') url.searchParams.set('theme', options.theme)
  if (options.transparent) url.searchParams.set('background', 'transparent')
  return url.href
}

/** What a portal pastes: an ordinary iframe and the sizing script, nothing else. */
function embedSnippet(readerBase: string, src: string, title: string): string {
  const escape = (s: string) =>
    s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
  return [
    `<iframe src="${escape(src)}" title="${escape(title)}" style="width:100%;height:480px;border:0" loading="lazy"></iframe>`,
    `<script src="${escape(readerBase)}/embed.js" async></script>`,
  ].join('\n')
}

const themes = [
  ['auto', 'Follow the reader’s system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
] as const

/** "Embed": the snippet for a portal, ready to copy, with a live preview of the frame. */
export default function EmbedPanel({ path, title, onClose }: Props) {
  const headingId = useId()
  const [options, setOptions] = useState<EmbedOptions>({ theme: 'auto', transparent: false })
  const [copied, setCopied] = useState('')
  const base = `${location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`
  const src = embedUrl(base, path, options)
  const snippet = embedSnippet(base, src, title)

  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet)
      setCopied('Copied.')
    } catch {
      setCopied('Select the snippet and copy it.')
    }
  }

  return (
    <Dialog
      aria-labelledby={headingId}
      onClose={onClose}
      className="m-auto max-h-[90dvh] w-[min(44rem,calc(100vw-1.5rem))] max-w-none overflow-y-auto rounded-2xl p-0"
    >
      <div className="p-5 sm:p-6">
        <div className="flex items-start justify-between gap-4">
          <h2 id={headingId} className="font-serif text-2xl font-semibold">
            Embed this on your site
          </h2>
          <IconButton label="Close" onClick={onClose} className="-mr-2">
            <CloseIcon className="size-5" />
          </IconButton>
        </div>
        <p className="mt-2 text-muted">
          Paste this where it should appear. The frame sizes itself to the story.
        </p>
        <fieldset className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
          <legend className="sr-only">Appearance</legend>
          {themes.map(([theme, name]) => (
            <label key={theme} className="inline-flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="embed-theme"
                checked={options.theme === theme}
                onChange={() => setOptions((o) => ({ ...o, theme }))}
                className="size-4 accent-[var(--accent)]"
              />
              {name}
            </label>
          ))}
          <label className="inline-flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              checked={options.transparent}
              onChange={(event) => setOptions((o) => ({ ...o, transparent: event.target.checked }))}
              className="size-4 accent-[var(--accent)]"
            />
            Transparent background
          </label>
        </fieldset>
        <label htmlFor={`${headingId}-code`} className="mt-3 block text-sm font-semibold">
          Snippet
        </label>
        <textarea
          id={`${headingId}-code`}
          readOnly
          value={snippet}
          rows={4}
          onFocus={(event) => event.currentTarget.select()}
          className="mt-1 w-full resize-none rounded-lg border border-line bg-sunken p-3 font-mono text-xs leading-relaxed"
        />
        <div className="mt-2 flex items-center gap-3">
          <button type="button" onClick={() => void copy()} className={buttonClass.primary}>
            Copy snippet
          </button>
          <span role="status" className="text-sm text-muted">
            {copied}
          </span>
        </div>
        <h3 className="mt-6 mb-2 text-sm font-semibold text-muted">Preview</h3>
        <iframe
          src={src}
          title={`Preview: ${title}`}
          className="h-96 w-full rounded-lg border border-line bg-paper"
        />
      </div>
    </Dialog>
  )
}
