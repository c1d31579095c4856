import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { minifySync } from 'vite'

/**
 * The one inline script the reader's pages carry, in <head> (scripts/first-paint-plugin.ts).
 * Before the first paint it puts the reader's stored theme and text size on <html>, as
 * src/features/reading/settings.ts does once the app runs: without it a page built ahead of
 * time paints in the defaults, then shifts. An embed takes the host's theme instead.
 *
 * index.html answers every route: on any but the one <html data-built-for> names, or when
 * index.html names a feed of its own (<meta name="briefing-feed">), it marks <html
 * data-elsewhere> and index.css shows the loading placeholder instead of the list built
 * ahead of time. After 5 s the placeholder says "Still loading the stories…", as
 * src/components/ui/loading-status.tsx does, even while the app's code is still downloading.
 *
 * The CSP admits it by its hash, so it is a string, not a function's source: bundlers and
 * test runners rewrite functions, and the hash must be of the very bytes the page carries.
 */
export const FIRST_PAINT_SCRIPT = `(() => {
  const root = document.documentElement
  const builtFor = root.dataset.builtFor
  const feed = document.querySelector('meta[name="briefing-feed"]')?.content.trim()
  if (builtFor !== undefined && (builtFor !== location.pathname || feed)) {
    root.dataset.elsewhere = ''
  }
  // The loading placeholder, while it shows, says so after 5 s (SLOW_LOADING_MS).
  setTimeout(() => {
    const status = document.getElementById('loading-status')
    if (!status) return
    status.textContent = 'Still loading the stories…'
    status.classList.remove('sr-only')
  }, 5000)
  try {
    if (/\\/embed(\\/|$)/.test(location.pathname)) return
    const stored = JSON.parse(localStorage.getItem('briefing:v1:settings') || '{}')
    if (stored.theme === 'light' || stored.theme === 'dark') root.dataset.theme = stored.theme
    if (/^(small|medium|large|larger)$/.test(stored.textSize)) root.dataset.textSize = stored.textSize
  } catch {
    // Storage blocked or unreadable: the page shows the defaults until the app decides.
  }
})()`

/** The CSP source that admits FIRST_PAINT_SCRIPT and nothing else inline. */
export const FIRST_PAINT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('base64')}'`

/**
 * src/app/after-paint.js as the build emits it (scripts/first-paint-plugin.ts) and pages
 * built ahead of time load it (scripts/prerender-html.mjs): its file under assets/, named by
 * its content, and its text, minified as the app's own code (every such page fetches it
 * first: 423 bytes gzip, against 510 with only its comments taken out).
 * @param {string} [root] the project's folder
 */
export function afterPaintAsset(root = '.') {
  const file = path.join(root, 'src/app/after-paint.js')
  const { code: source, errors } = minifySync(file, readFileSync(file, 'utf8'), {
    compress: { target: 'es2022' },
  })
  if (errors?.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`)
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8)
  return { fileName: `assets/after-paint-${hash}.js`, source }
}
