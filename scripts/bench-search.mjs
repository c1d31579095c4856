/**
 * Search over 100,000 stories, measured (run by `npm run bench` after its table): indexes the
 * benchmark's generated feed of 100,000 stories in pages of 1,000 with
 * scripts/search-index.mjs, puts the index into a copy of a built site, serves it (gzip, as a
 * host would) and types queries into /search, then prints each figure beside its budget
 * (issue 23). Sizes are gzipped file by file.
 *
 *   node scripts/bench-search.mjs [--dist dist-bench]
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { generated, launch, median, ms, run, serve, table } from './bench-kit.mjs'
import { findChromium } from './chromium.mjs'

const { values: args } = parseArgs({ options: { dist: { type: 'string' } } })
const BUILT = args.dist ?? (existsSync('dist-bench') ? 'dist-bench' : 'dist')
const SITE = 'dist-bench-search'
const FEED = 'bench-feeds/paged-100000'

if (!existsSync(path.join(BUILT, 'index.html'))) {
  console.error(`bench-search: no built site in ${BUILT}/ (npm run build first)`)
  process.exit(1)
}
generated(`${FEED}/page-100.json`, '--count=100000', '--page-size=1000', `--out-dir=${FEED}`)

/** Gzipped bytes of every file under `dir` (each on its own, as a host sends it), and how many. */
function gzipped(dir) {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
  const bytes = files.map((e) => gzipSync(readFileSync(path.join(e.parentPath, e.name))).length)
  return { bytes: bytes.reduce((a, b) => a + b, 0), files: files.length }
}

// The index, timed as the build runs it.
rmSync(SITE, { recursive: true, force: true })
cpSync(BUILT, SITE, { recursive: true, filter: (from) => !/(stories|search)$/.test(from) })
const started = performance.now()
const index = ['scripts/search-index.mjs', '--feed', `${FEED}/page-1.json`, '--out', SITE]
run(process.execPath, index, { stdout: 'inherit' })
const buildSeconds = (performance.now() - started) / 1000
const indexed = gzipped(path.join(SITE, 'search'))
const feedBytes = gzipped(FEED).bytes

const origin = await serve(SITE)
const browser = await launch(findChromium())
const version = browser.version()
const figures = { first: [], firstBytes: [], further: [] }
try {
  // Three cold runs: a fresh context each (no cache), medians reported.
  for (let i = 0; i < 3; i++) {
    // No service worker: its fetches would hide the index's bytes from the page's count.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    let bytes = 0
    cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength))
    await page.goto(`${origin}/search`)
    const field = page.getByRole('searchbox', { name: 'Search all stories' })
    await field.waitFor()
    await page.waitForLoadState('networkidle')
    // Time from a keystroke to the results for it on screen (the status says them).
    await page.evaluate(() => {
      const w = /** @type {any} */ (window)
      document.addEventListener('input', () => (w.typedAt = performance.now()), true)
    })
    const resultsFor = (q) =>
      page.evaluate(
        (q) =>
          new Promise((resolve) => {
            const w = /** @type {any} */ (window)
            const check = () => {
              const status = document.querySelector('main [role="status"]')
              if (status?.textContent?.includes(`“${q}”`)) resolve(performance.now() - w.typedAt)
              else requestAnimationFrame(check)
            }
            check()
          }),
        q,
      )
    await field.focus()
    bytes = 0
    await field.pressSequentially('kenya', { delay: 40 })
    figures.first.push(await resultsFor('kenya'))
    figures.firstBytes.push(bytes)
    for (const q of ['kenya ', 'kenya b', 'kenya bu', 'kenya bud']) {
      await page.keyboard.type(q.at(-1))
      figures.further.push(await resultsFor(q))
    }
    await context.close()
  }
} finally {
  await browser.close()
}

const ratio = indexed.bytes / feedBytes
const firstBytes = median(figures.firstBytes)
const further = Math.max(...figures.further)
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1)
const rows = [
  [
    'Index build, 100,000 stories (100 pages)',
    `${buildSeconds.toFixed(1)} s`,
    '≤ 60 s',
    buildSeconds <= 60,
  ],
  [
    `Index size, gzipped (${indexed.files} files) against the feed's ${mb(feedBytes)} MB`,
    `${mb(indexed.bytes)} MB = ${ratio.toFixed(2)}×`,
    '≤ 1.5×',
    ratio <= 1.5,
  ],
  [
    'First query ("kenya" typed): bytes downloaded',
    `${(firstBytes / 1024).toFixed(1)} KB`,
    '≤ 300 KB',
    firstBytes <= 300 * 1024,
  ],
  [
    'First query: results after the last keystroke',
    ms(median(figures.first)),
    '≤ 300 ms',
    median(figures.first) <= 300,
  ],
  [
    'Each further keystroke ("kenya bud"): results after it, slowest of 12',
    `${ms(further)} (median ${Math.round(median(figures.further))})`,
    '≤ 100 ms',
    further <= 100,
  ],
]
console.log(`\n${table(rows, 'search, 100,000 stories')}`)
console.log(
  `\nChromium ${version}, headless, served by scripts/serve.mjs (gzip) on 127.0.0.1; 3 cold runs, medians; the index of ${FEED}/ in ${SITE}/search/.`,
)
process.exit(0)
