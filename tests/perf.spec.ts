import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test } from './support/fixtures'

/*
 * The byte budget of the first screen: the JS and CSS that index.html makes the browser
 * fetch before anything renders, gzip-compressed as a host would send them. Read from the
 * same build the browser tests run against, so it holds for what ships.
 */

const DIST = process.env.DIST ?? 'dist'
// The goal is 100 KB of gzip JS. The build measured 107.5 KB when this budget was set, so
// it holds that line (rounded up to 110) until the route code is split and it can be 100.
const JS_BUDGET_KB = 110
const CSS_BUDGET_KB = 10

const read = (url: string) => readFileSync(path.join(DIST, url.replace(/^\/+/, '')))
const gzipKb = (bytes: Buffer) => gzipSync(bytes).length / 1024
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1] ?? ''

function firstLoad(): { js: Map<string, number>; css: Map<string, number> } {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8')
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? []
  const scripts = tags
    .filter((t) => t.startsWith('<script') && /type="module"/.test(t) && attribute(t, 'src'))
    .map((t) => attribute(t, 'src'))
  const preloads = tags
    .filter((t) => /rel="modulepreload"/.test(t))
    .map((t) => attribute(t, 'href'))
  const styles = tags.filter((t) => /rel="stylesheet"/.test(t)).map((t) => attribute(t, 'href'))

  // Static imports between chunks are fetched before the entry runs, listed or not.
  const js = new Map<string, number>()
  const queue = [...scripts, ...preloads]
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    if (js.has(url)) continue
    const bytes = read(url)
    js.set(url, gzipKb(bytes))
    const code = bytes.toString('utf8')
    for (const [, spec] of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) {
      if (spec) queue.push(path.posix.join(path.posix.dirname(url), spec))
    }
  }
  return { js, css: new Map(styles.map((url) => [url, gzipKb(read(url))])) }
}

const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0)
const listing = (sizes: Map<string, number>) =>
  [...sizes].map(([url, kb]) => `${url} ${kb.toFixed(1)} KB`).join(', ')

test.describe('first-load byte budget', () => {
  test.beforeEach(() => {
    test.skip(test.info().project.name !== 'desktop', 'Reads the build from disk: checked once')
  })

  test(`first-load JS is at most ${JS_BUDGET_KB} KB gzip`, () => {
    const { js } = firstLoad()
    expect(js.size, 'index.html names no module script').toBeGreaterThan(0)
    expect(total(js), listing(js)).toBeLessThanOrEqual(JS_BUDGET_KB)
  })

  test(`CSS is at most ${CSS_BUDGET_KB} KB gzip`, () => {
    const { css } = firstLoad()
    expect(css.size, 'index.html names no stylesheet').toBeGreaterThan(0)
    expect(total(css), listing(css)).toBeLessThanOrEqual(CSS_BUDGET_KB)
  })
})
