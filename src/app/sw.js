/*
 * Briefing's service worker (decision 0007), emitted by scripts/sw-precache-plugin.ts with
 * BUILD filled in. The shell, assets/ and icons are precached, assets/ served cache-first;
 * navigations, the feed's pages, the search index and other files go network first, falling
 * back to a cached copy when offline or slow. Only ok, readable responses are cached, and
 * caches are named by the scope, so builds under other BASE_PATHs keep their own.
 */
const BUILD = { version: 'development', assets: [], icons: [] }

const SCOPE = self.registration.scope
const PREFIX = `briefing ${SCOPE} `
const SHELL_CACHE = `${PREFIX}shell ${BUILD.version}`
// Not versioned: an update of the app keeps the stories read offline.
const FEED_CACHE = `${PREFIX}feed`
// The build's: its index is of the feed shipped with it, and goes with the next build.
const SEARCH_CACHE = `${PREFIX}search ${BUILD.version}`
const SEARCH_URL = new URL('search/', SCOPE).href
const SHELL_URL = new URL('./', SCOPE).href
const ASSETS_URL = new URL('assets/', SCOPE).href
const DEFAULT_FEED_URL = new URL('feed.json', SCOPE).href
// The app asks for feeds with this type (fetch-feed.ts), wherever they are.
const FEED_TYPE = 'application/feed+json'
const NAVIGATION_WAIT_MS = 3000
const FEED_WAIT_MS = 4000
/** Feed pages kept, oldest dropped first; the first page is read again on every visit. */
const FEED_PAGES_KEPT = 100

self.addEventListener('install', (event) => {
  const urls = [SHELL_URL, ...[...BUILD.assets, ...BUILD.icons].map((f) => new URL(f, SCOPE).href)]
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(urls.map((url) => new Request(url, { cache: 'no-cache' }))))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => event.waitUntil(dropOldCaches()))

async function dropOldCaches() {
  const kept = [SHELL_CACHE, FEED_CACHE, SEARCH_CACHE]
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && !kept.includes(name)) await caches.delete(name)
  }
  await self.clients.claim()
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = request.url
  if (request.mode === 'navigate') {
    event.respondWith(navigation(event))
  } else if (isFeed(request)) {
    event.respondWith(networkFirst(event, FEED_CACHE, FEED_WAIT_MS))
  } else if (url.startsWith(SEARCH_URL)) {
    event.respondWith(networkFirst(event, SEARCH_CACHE, FEED_WAIT_MS))
  } else if (url.startsWith(ASSETS_URL)) {
    event.respondWith(cacheFirst(event))
  } else if (url.startsWith(SCOPE) && !url.startsWith(`${SCOPE}sw.js`)) {
    event.respondWith(networkFirst(event, SHELL_CACHE, NAVIGATION_WAIT_MS))
  }
})

// The page names the feed it read before this worker controlled it, to keep a copy.
self.addEventListener('message', (event) => {
  const { data } = event
  if (data?.type !== 'keep-feed' || !Array.isArray(data.urls)) return
  const urls = data.urls.filter((url) => typeof url === 'string' && /^https?:/.test(url))
  event.waitUntil(Promise.all(urls.slice(0, 10).map(keepFeed)))
})

function isFeed(request) {
  return request.headers.get('accept')?.includes(FEED_TYPE) || request.url === DEFAULT_FEED_URL
}

function cacheable(response) {
  return response.ok && (response.type === 'basic' || response.type === 'cors')
}

function within(promise, ms) {
  const late = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ms))
  return Promise.race([promise, late])
}

async function navigation(event) {
  const network = fetch(event.request)
  const response = await within(network, NAVIGATION_WAIT_MS).catch(() => null)
  if (response && response.status < 500) return response
  const shell = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE, ignoreVary: true })
  return shell ?? response ?? network
}

async function cacheFirst(event) {
  // A host's Vary (Origin, Accept-Encoding) must not hide a file kept at install.
  const cached = await caches.match(event.request, { cacheName: SHELL_CACHE, ignoreVary: true })
  if (cached) return cached
  const response = await fetch(event.request)
  if (cacheable(response)) event.waitUntil(store(SHELL_CACHE, event.request.url, response.clone()))
  return response
}

async function networkFirst(event, cacheName, waitMs) {
  const { request } = event
  const network = fetch(request).then((response) => {
    if (cacheable(response)) event.waitUntil(store(cacheName, request.url, response.clone()))
    return response
  })
  // A slow answer still refreshes the copy after the cached one was given.
  event.waitUntil(network.catch(() => undefined))
  try {
    return await within(network, waitMs)
  } catch {
    const cached = await caches.match(request.url, { cacheName, ignoreVary: true })
    return cached ?? network
  }
}

async function store(cacheName, url, response) {
  const cache = await caches.open(cacheName)
  await cache.put(url, response)
  if (cacheName !== FEED_CACHE) return
  const keys = await cache.keys()
  await Promise.all(keys.slice(0, -FEED_PAGES_KEPT).map((key) => cache.delete(key)))
}

async function keepFeed(url) {
  if (await caches.match(url, { cacheName: FEED_CACHE, ignoreVary: true })) return
  const response = await fetch(url, { headers: { accept: `${FEED_TYPE}, application/json` } })
  if (cacheable(response)) await store(FEED_CACHE, url, response)
}
