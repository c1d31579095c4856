export type EmbedOptions = { theme: 'auto' | 'light' | 'dark'; transparent: boolean }

/** The address of an embed page for a reader route ("/stories/…" → "/embed/stories/…"). */
export function embedUrl(readerBase: string, path: string, options: EmbedOptions): string {
  const url = new URL(`${readerBase}/embed${path === '/' ? '' : path}`)
  if (options.theme !== 'auto') url.searchParams.set('theme', options.theme)
  if (options.transparent) url.searchParams.set('background', 'transparent')
  return url.href
}

/** What a portal pastes: an ordinary iframe and the sizing script, nothing else. */
export function embedSnippet(readerBase: string, src: string, title: string): string {
  const escape = (s: string) =>
    s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
  return [
    `<iframe src="${escape(src)}" title="${escape(title)}" style="width:100%;height:480px;border:0" loading="lazy"></iframe>`,
    `<script src="${escape(readerBase)}/embed.js" async></script>`,
  ].join('\n')
}
