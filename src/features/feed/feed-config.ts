/** The feed: index.html's <meta name="briefing-feed">, else VITE_FEED_URL, else feed.json. */
export function feedUrl(): string {
  // Rendering at build time (entry-server.tsx): the feed shipped with the build.
  if (typeof document === 'undefined') {
    return new URL(`${import.meta.env.BASE_URL}feed.json`, BUILD_ORIGIN).href
  }
  const fromPage = document
    .querySelector<HTMLMetaElement>('meta[name="briefing-feed"]')
    ?.content.trim()
  const configured =
    fromPage || import.meta.env.VITE_FEED_URL || `${import.meta.env.BASE_URL}feed.json`
  return new URL(configured, document.baseURI).href
}

/** The feed's origin at build time, moved onto the real one by hydrate.tsx. */
export const BUILD_ORIGIN = 'http://prerender.invalid'

/** Feeds larger than this are refused rather than read: bigger publishers paginate. */
export const FEED_BYTE_LIMIT = 24 * 1024 * 1024
/** How long a feed page may take to be read whole before it fails as "did not answer in time". */
export const FEED_TIMEOUT_MS = 12_000
/** A page this long shows its first stories (feed-head.ts) before the whole is checked. */
export const LONG_PAGE_BYTES = 1024 * 1024

/** How many more pages of a paginated feed a link to an unknown story reads before it gives up. */
export const FIND_PAGE_LIMIT = 20

/** Where the feed's first page, as last read, is kept for the next visit (kept-feed.ts). */
export const KEPT_FEED_KEY = 'briefing:v1:kept-feed'
