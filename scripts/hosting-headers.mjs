/**
 * The HTTP headers Briefing needs from whatever host serves dist/. scripts/serve.mjs sends
 * exactly these; the README and the browser tests read them from here, so there is one list.
 */
import { FIRST_PAINT_SCRIPT_HASH } from './first-paint.mjs'

/**
 * Sent on HTML documents. `frame-ancestors *` lets any site embed the reader; everything
 * else is same-origin except images and fetches over https (feeds and topic pictures).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // One inline script, by its hash: the first-paint script (scripts/first-paint.mjs).
  `script-src 'self' ${FIRST_PAINT_SCRIPT_HASH}`,
  // The service worker and any dedicated worker, said outright rather than left to script-src.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  // Audio and video attachments play from the publisher's servers.
  "media-src 'self' https:",
  "connect-src 'self' https:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  'frame-ancestors *',
].join('; ')

/**
 * Sent on every response. A sandboxed iframe without allow-same-origin has an opaque
 * origin, so even the reader's own module scripts, CSS and feed are cross-origin to it.
 */
export const COMMON_HEADERS = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
})

/** Vite's content-hashed build output under assets/ never changes under its name. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'

/**
 * Everything else (index.html, sw.js, feed.json, icons) is revalidated on every use: the
 * browser then sees a new sw.js, and so a new build, on the next visit.
 */
export const CACHE_REVALIDATE = 'no-cache'

export const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
})
