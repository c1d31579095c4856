/**
 * Repeat-visit time to content: ms from the start of a navigation to `/` until the first
 * story link is painted, for a reader who has been here before. Serves an existing build:
 *
 *   node scripts/bench-repeat.mjs [--dist dist] [--runs 5]
 *
 * Each row is the median of the runs, in one browser profile after a first visit: with the
 * service worker, online and offline; and with service workers blocked (the HTTP cache
 * alone), for comparison. Without and with 4x CPU throttling; no network throttling. The
 * last columns say when index.html and the scripts and styles it names were in hand: the
 * part the worker speeds up; the rest is running the app and reading the feed.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { launch, median, ms, observe, serve } from './bench-kit.mjs'

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '5' } },
})
const RUNS = Number(values.runs)
const GOAL_MS = 500

async function visit(context, origin, throttle) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await page.goto(`${origin}/`)
  await page.waitForFunction(() => window.__bench.firstLink > 0, null, { timeout: 30_000 })
  const result = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation')
    const named = performance
      .getEntriesByType('resource')
      .filter((e) => /\.(js|css)$/.test(e.name) && e.startTime <= nav.domInteractive)
    return {
      ms: window.__bench.firstLink,
      shell: Math.max(nav.responseEnd, ...named.map((e) => e.responseEnd)),
      controlled: navigator.serviceWorker?.controller != null,
    }
  })
  await page.close()
  return result
}

/** The worker controls the page and holds the feed it read. */
const workerReady = (page) =>
  page.evaluate(
    async () =>
      navigator.serviceWorker.controller !== null &&
      (await caches.match(new URL('feed.json', document.baseURI).href)) !== undefined,
  )

async function repeatVisits(browser, origin, { worker, offline, throttle }) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    serviceWorkers: worker ? 'allow' : 'block',
  })
  await context.addInitScript(observe)
  const first = await context.newPage()
  await first.goto(`${origin}/`)
  await first.locator('main a[href*="/stories/"]').first().waitFor()
  for (const until = Date.now() + 30_000; worker && !(await workerReady(first));) {
    if (Date.now() > until) throw new Error('The service worker did not take over in 30 s')
    await sleep(100)
  }
  await first.close()
  if (offline) await context.setOffline(true)
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const run = await visit(context, origin, throttle)
    if (run.controlled !== worker)
      throw new Error(`A repeat visit was ${run.controlled ? '' : 'not '}controlled`)
    runs.push(run)
  }
  await context.close()
  return { ms: median(runs.map((r) => r.ms)), shell: median(runs.map((r) => r.shell)) }
}

const origin = await serve(values.dist)
const browser = await launch()
try {
  const lines = [
    '| repeat visit to `/` | first story painted, 1x CPU | 4x CPU | goal | shell and its scripts in hand, 1x | 4x |',
    '|---|---|---|---|---|---|',
  ]
  for (const [label, mode] of [
    ['service worker, online', { worker: true, offline: false }],
    ['service worker, offline', { worker: true, offline: true }],
    ['no service worker (HTTP cache), online', { worker: false, offline: false }],
  ]) {
    const fast = await repeatVisits(browser, origin, { ...mode, throttle: 1 })
    const slow = await repeatVisits(browser, origin, { ...mode, throttle: 4 })
    const shown = (value) => `${ms(value)}${mode.worker && value > GOAL_MS ? ' (over)' : ''}`
    lines.push(
      `| ${label} | ${shown(fast.ms)} | ${shown(slow.ms)} | ≤ ${GOAL_MS} ms | ${ms(fast.shell)} | ${ms(slow.shell)} |`,
    )
  }
  console.log(lines.join('\n'))
  console.log(
    `\nMedians of ${RUNS} visits; Chromium ${browser.version()}, headless, viewport 412x823, ${values.dist}/ served on 127.0.0.1.`,
  )
} finally {
  await browser.close()
}
process.exit(0)
