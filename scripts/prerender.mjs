/**
 * Story pages and the list as HTML, built ahead of time: `node scripts/prerender.mjs`, run by
 * `npm run build` after the client build (dist/) and the server build (dist-ssr/). For every
 * story of the feed shipped in the build it writes dist/stories/<slug>/index.html: the story
 * as the app renders it, readable before any script runs and by link previews and search
 * engines. The app then takes it over (src/app/hydrate.tsx). The list goes into
 * dist/index.html the same way. Every other route, and every story of a feed configured at
 * run time, stays a single-page route served by index.html.
 *
 * Skipped when the build reads a feed from elsewhere (VITE_FEED_URL), or with PRERENDER=0.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { JSDOM } from 'jsdom'
import { afterPaintAsset } from './first-paint.mjs'
import { listPage, storyFolder, storyPage } from './prerender-html.mjs'
import { readManifest, staticChunks } from './vite-manifest.mjs'

const dist = path.resolve(process.env.DIST ?? 'dist')
const base = (process.env.BASE_PATH ?? '/').replace(/^\/*/, '/').replace(/\/*$/, '/')
const basename = base.replace(/\/$/, '')

// A build may ship another file as its feed than public/feed.json: the tests' build ships
// their own sample (npm run build:test), whatever feed a publisher has put in public/.
if (process.env.FEED_FILE) {
  copyFileSync(process.env.FEED_FILE, path.join(dist, 'feed.json'))
  console.log(`prerender: ${process.env.FEED_FILE} is the build's feed.json`)
}
if (process.env.PRERENDER === '0' || process.env.VITE_FEED_URL) {
  const why = process.env.VITE_FEED_URL ? ', the build reads its feed from VITE_FEED_URL' : ''
  console.log(`prerender: skipped${why || ' (PRERENDER=0)'}`)
  process.exit(0)
}

// A post's HTML is sanitised as in the browser, by DOMPurify (src/lib/sanitise.ts), which
// here works on jsdom's DOM: it takes the window it is given when first imported, and the
// server build imports the same module. No global window stays for the app's code to see.
globalThis.window = new JSDOM('').window
await import('dompurify')
delete globalThis.window
const server = await import(pathToFileURL(path.resolve('dist-ssr/entry-server.js')).href)
const template = readFileSync(path.join(dist, 'index.html'), 'utf8')
if (template.includes('data-prerendered-path')) {
  console.error('prerender: dist/index.html is built already; run the whole build (npm run build)')
  process.exit(1)
}
const page = server.parseFeedText(
  readFileSync(path.join(dist, 'feed.json'), 'utf8'),
  server.feedUrl(),
)
const feedPath = `${base}feed.json`
const long = page.stories.length > server.PLAIN_LIST_LIMIT

// The feed's URLs resolved against the build's stand-in origin: in the HTML they become the
// site's own paths (the data the app takes over is moved in hydrate.tsx).
const render = async (route, shown) =>
  (await server.renderRoute(route, shown, basename)).replaceAll(`${server.BUILD_ORIGIN}/`, '/')

// The code that takes the page over and the screen's, with what they import (the entry and
// what it imports are in index.html already).
const inIndex = new Set([...template.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]))
const manifest = readManifest(dist)
const preloads = (route) =>
  staticChunks(manifest, ['src/app/hydrate.tsx', route])
    .map((file) => `${base}${file}`)
    .filter((href) => !inIndex.has(href))
const storyPreloads = preloads('src/app/routes/story-route.tsx')
const afterPaint = `${base}${afterPaintAsset().fileName}`

rmSync(path.join(dist, 'stories'), { recursive: true, force: true })
let written = 0
const started = performance.now()
for (const story of page.stories) {
  // A story's folder is its slug (src/lib/urls.ts), whatever its id: letters, digits and
  // hyphens, so a host finds the page for the story's address however it treats dots.
  const folder = storyFolder(story.slug)
  const directory = folder && path.join(dist, 'stories', folder)
  if (!directory?.startsWith(path.join(dist, 'stories') + path.sep)) continue
  const route = server.storyPath(story)
  // The page carries the feed it shows (lean: the other stories' titles). Of a long feed,
  // the story and those on its topics only: every page carrying every story would grow the
  // build with the square of the feed.
  const shown = long ? server.aroundStory(page, story) : page
  const html = storyPage(template, await render(route, shown), {
    path: route,
    feedPath,
    story,
    feed: page,
    // The other stories lean: the app reads the feed again at once; should that fail,
    // opening one reads its text then.
    data: server.leanExcept(shown, story.id, feedPath),
    preload: storyPreloads,
    afterPaint,
  })
  mkdirSync(directory, { recursive: true })
  writeFileSync(path.join(directory, 'index.html'), html)
  written++
}
const skipped = page.stories.length - written
console.log(
  `prerender: ${written} story pages in ${path.relative(process.cwd(), dist)}/stories/ (${Math.round(performance.now() - started)} ms)` +
    (skipped ? `; ${skipped} left to the browser (an id no folder can stand for)` : ''),
)

// The list, into index.html itself (written last: it was every story page's template). A
// longer list than the app shows whole (it then renders only the rows on screen) stays
// single-page.
if (long) {
  console.log(`prerender: the list stays single-page (over ${server.PLAIN_LIST_LIMIT} stories)`)
} else {
  const lean = server.leanExcept(page, undefined, feedPath)
  const html = listPage(template, await render('/', lean), {
    path: '/',
    builtFor: base,
    feedPath,
    feed: page,
    data: lean,
    preload: preloads('src/app/routes/list-route.tsx'),
    afterPaint,
  })
  writeFileSync(path.join(dist, 'index.html'), html)
  console.log(`prerender: the list of ${page.stories.length} stories in index.html`)
}
