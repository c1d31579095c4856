/**
 * Where the feed comes from, without touching code: a deployed index.html may set
 * <meta name="briefing-feed" content="https://…/feed.json">; a build may set
 * VITE_FEED_URL; otherwise the sample feed shipped beside the app.
 */
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

/**
 * The origin the feed has at build time, when the site's own is not known yet: the feed's
 * relative URLs (a next page beside it, an image) resolve against it there, and the page
 * built ahead of time is moved onto the real origin (scripts/prerender.mjs, hydrate.tsx).
 */
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
