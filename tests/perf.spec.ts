import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { SEED } from './support/feed'
import { expect, test } from './support/fixtures'
import { storyLink } from './support/reader'
import { readManifest, staticChunks, type Manifest } from '../scripts/vite-manifest.mjs'

/*
 * The byte budget of the first screen, gzip-compressed as a host would send it, read from
 * the same build the browser tests run against so that it holds for what ships:
 *   /              what the list's page built ahead of time (index.html) loads before the
 *                  app takes it over: the after-paint script, the entry, its static imports,
 *                  the code that hydrates the page and the list screen's chunk with its
 *                  static imports;
 *   /stories/:id   the same for the seed story's page, with the story screen's chunk.
 * That is what `npm run bench` counts in the browser. Vite's manifest (build.manifest)
 * names each route module's chunk and its static imports: the page must name all of them.
 * Whatever loads later on demand (a card, a dialog, the sanitiser, the feed parser) is not
 * counted.
 */

const DIST = process.env.DIST ?? 'dist'
const JS_BUDGET_KB = 100
const CSS_BUDGET_KB = 10
const ROUTES = {
  '/': 'src/app/routes/list-route.tsx',
  '/stories/:id': 'src/app/routes/story-route.tsx',
} as const

const read = (url: string) => readFileSync(path.join(DIST, url.replace(/^\/+/, '')))
const gzipKb = (bytes: Buffer) => gzipSync(bytes).length / 1024
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1] ?? ''

const PAGES = { '/': 'index.html', '/stories/:id': `stories/${SEED.id}/index.html` } as const

function htmlTags(page = 'index.html') {
  const html = readFileSync(path.join(DIST, page), 'utf8')
  return html.match(/<(script|link)\b[^>]*>/g) ?? []
}

const manifest = () => readManifest(DIST)

/** The chunks of these manifest keys and every chunk they statically import, gzip KB each. */
function staticClosure(chunks: Manifest, keys: string[]): Map<string, number> {
  return new Map(staticChunks(chunks, keys).map((file) => [file, gzipKb(read(file))]))
}

const assetPath = (url: string) => url.replace(/^.*?(assets\/)/, '$1')

/**
 * The scripts a page built ahead of time loads before the app has taken it over: the
 * after-paint script and the modules its tag names (scripts/prerender-html.mjs), the list
 * screen's own (data-page-modules) on the page built for it; or its module scripts.
 */
function namedByPage(route: keyof typeof ROUTES): string[] {
  return htmlTags(PAGES[route])
    .filter((t) => t.startsWith('<script') && attribute(t, 'src'))
    .flatMap((t) =>
      /type="module"/.test(t)
        ? [attribute(t, 'src')]
        : [
            attribute(t, 'src'),
            ...attribute(t, 'data-modules').split(' '),
            ...(route === '/' ? attribute(t, 'data-page-modules').split(' ') : []),
          ],
    )
    .filter(Boolean)
    .map(assetPath)
}

/**
 * First-load JS of a route: what its built page loads before the app takes it over (as
 * `npm run bench` counts it), which must hold the manifest's entry and the route's chunk with
 * their static imports.
 */
function firstLoadJs(route: keyof typeof ROUTES): Map<string, number> {
  const chunks = manifest()
  const [entryKey, entry] =
    Object.entries(chunks).find(([, chunk]) => chunk.isEntry && chunk.src === 'index.html') ?? []
  if (!entryKey || !entry) throw new Error('The manifest has no entry for index.html')
  const named = namedByPage(route)
  // The page's first module is the manifest's entry: the app itself.
  expect(named.filter((file) => !file.includes('after-paint'))[0], 'the page loads the entry').toBe(
    entry.file,
  )
  // A route module bundled into the entry has no key of its own; a lazy one has.
  const routeModule = ROUTES[route]
  const closure = staticClosure(chunks, chunks[routeModule] ? [entryKey, routeModule] : [entryKey])
  expect(named, `${PAGES[route]} names the route's code`).toEqual(
    expect.arrayContaining([...closure.keys()]),
  )
  return new Map(named.map((file) => [file, gzipKb(read(file))]))
}

function firstLoadCss(): Map<string, number> {
  const styles = htmlTags()
    .filter((t) => /rel="stylesheet"/.test(t))
    .map((t) => attribute(t, 'href'))
  return new Map(styles.map((url) => [url, gzipKb(read(url))]))
}

const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0)
const listing = (label: string, sizes: Map<string, number>) =>
  `${label}: ${total(sizes).toFixed(1)} KB = ` +
  [...sizes].map(([url, kb]) => `${url} ${kb.toFixed(1)}`).join(' + ')

// Reads the build from disk: checked once, in desktop.
test.describe('first-load byte budget', { tag: '@desktop-only' }, () => {
  for (const route of Object.keys(ROUTES) as Array<keyof typeof ROUTES>) {
    test(`first-load JS of ${route} is at most ${JS_BUDGET_KB} KB gzip`, () => {
      const js = firstLoadJs(route)
      expect(js.size).toBeGreaterThan(0)
      const message = listing(route, js)
      console.log(message)
      expect(total(js), message).toBeLessThanOrEqual(JS_BUDGET_KB)
    })
  }

  test('the story screen is a chunk of its own, and the feed schema is not in any first load', () => {
    const chunks = manifest()
    expect(chunks[ROUTES['/stories/:id']], 'story-route.tsx has its own chunk').toBeDefined()
    for (const route of Object.keys(ROUTES) as Array<keyof typeof ROUTES>) {
      for (const file of firstLoadJs(route).keys()) {
        // The schema's version pattern: it lives in the parser's worker and fallback chunk.
        expect(read(file).toString('utf8'), `${file} (${route})`).not.toContain('jsonfeed\\.org')
      }
    }
  })

  test(`CSS is at most ${CSS_BUDGET_KB} KB gzip`, () => {
    const css = firstLoadCss()
    expect(css.size, 'index.html names no stylesheet').toBeGreaterThan(0)
    expect(total(css), listing('CSS', css)).toBeLessThanOrEqual(CSS_BUDGET_KB)
  })
})

// The frame is checked by tests/embed.spec.ts.
test(
  'the feed is parsed and validated in a module worker, off the page’s main thread',
  { tag: '@not-embedded' },
  async ({ app, page }) => {
    const worker = page.waitForEvent('worker')
    await app.goto('/')
    expect(new URL((await worker).url()).pathname).toMatch(/^\/assets\/parse-feed\.worker-.*\.js$/)
    await expect(storyLink(app.root, SEED.title)).toBeVisible()
  },
)
