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
 *   /              the entry index.html loads, its static imports, and the list screen's
 *                  chunk with its static imports;
 *   /stories/:id   the same entry, and the story screen's chunk with its static imports.
 * Chunks and their static imports come from Vite's manifest (build.manifest), which names
 * each route module's chunk; whatever loads later on demand (a card, a dialog, the
 * sanitiser, the feed parser) is not counted.
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

function htmlTags() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8')
  return html.match(/<(script|link)\b[^>]*>/g) ?? []
}

const manifest = () => readManifest(DIST)

/** The chunks of these manifest keys and every chunk they statically import, gzip KB each. */
function staticClosure(chunks: Manifest, keys: string[]): Map<string, number> {
  return new Map(staticChunks(chunks, keys).map((file) => [file, gzipKb(read(file))]))
}

/** First-load JS of a route: the entry index.html names, plus the route's own chunk. */
function firstLoadJs(route: keyof typeof ROUTES): Map<string, number> {
  const chunks = manifest()
  const [entryKey, entry] =
    Object.entries(chunks).find(([, chunk]) => chunk.isEntry && chunk.src === 'index.html') ?? []
  if (!entryKey || !entry) throw new Error('The manifest has no entry for index.html')
  // The manifest describes this index.html: its module script is the manifest's entry.
  // Built with the list in it, index.html names its modules on the after-paint script's tag
  // (scripts/prerender-html.mjs), the entry first; otherwise it loads the entry itself.
  const scripts = htmlTags()
    .filter((t) => t.startsWith('<script'))
    .flatMap((t) =>
      /type="module"/.test(t)
        ? [attribute(t, 'src')]
        : attribute(t, 'data-modules').split(' ').slice(0, 1).filter(Boolean),
    )
    .map((url) => url.replace(/^.*?(assets\/)/, '$1'))
  expect(scripts, 'index.html loads the manifest entry').toEqual([entry.file])
  // A route module bundled into the entry has no key of its own; a lazy one has.
  const routeModule = ROUTES[route]
  return staticClosure(chunks, chunks[routeModule] ? [entryKey, routeModule] : [entryKey])
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

test.describe('first-load byte budget', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'desktop', 'Reads the build from disk: checked once')
  })

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

test('the feed is parsed and validated in a module worker, off the page’s main thread', async ({
  app,
  page,
}) => {
  test.skip(app.embedded, 'The frame is checked by tests/embed.spec.ts')
  const worker = page.waitForEvent('worker')
  await app.goto('/')
  expect(new URL((await worker).url()).pathname).toMatch(/^\/assets\/parse-feed\.worker-.*\.js$/)
  await expect(storyLink(app.root, SEED.title)).toBeVisible()
})
