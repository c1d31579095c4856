/**
 * Repeat-visit time to content: milliseconds from the start of a navigation to `/` until the
 * first story link is painted, for a reader who has been here before. Serves an existing
 * build (it builds nothing) with scripts/serve.mjs and drives the system Chromium:
 *
 *   node scripts/bench-repeat.mjs [--dist dist] [--runs 5]
 *
 * Each row is the median of the runs, in one browser profile after a first visit: with the
 * service worker, online and offline; and with service workers blocked (the HTTP cache
 * alone), for comparison. Without and with 4x CPU throttling; no network throttling. The
 * last columns say when index.html and the scripts and styles it names were in hand: the
 * part the worker speeds up; the rest is running the app and reading the feed.
 */
import { spawn } from 'node:child_process'
import console from 'node:console'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { CHROMIUM_FLAGS } from './chromium-flags.mjs'
import { median } from './median.mjs'

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '5' } },
})
const RUNS = Number(values.runs)
const PORT = 4288
const ORIGIN = `http://127.0.0.1:${PORT}`
const GOAL_MS = 500

/* In the page before any app code: when the first story link is on screen. */
function observe() {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('main a[href*="/stories/"]')) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => (window.__contentAt = performance.now())))
  }).observe(document, { childList: true, subtree: true })
}

async function startServer() {
  const server = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DIST: values.dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`The server exited (${code})`)))
    server.stdout.on('data', (chunk) => String(chunk).includes('running') && resolve(undefined))
  })
  return server
}

async function visit(context, throttle) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await page.goto(`${ORIGIN}/`)
  await page.waitForFunction(() => window.__contentAt > 0, null, { timeout: 30_000 })
  const result = await page.evaluate(() => ({
    ms: window.__contentAt,
    // index.html and the scripts and styles it names, in hand: what the worker can speed up.
    shell: (() => {
      const [nav] = performance.getEntriesByType('navigation')
      const named = performance
        .getEntriesByType('resource')
        .filter((e) => /\.(js|css)$/.test(e.name) && e.startTime <= nav.domInteractive)
      return Math.max(nav.responseEnd, ...named.map((e) => e.responseEnd))
    })(),
    controlled: navigator.serviceWorker?.controller != null,
  }))
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

async function repeatVisits(browser, { worker, offline, throttle }) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    serviceWorkers: worker ? 'allow' : 'block',
  })
  await context.addInitScript(observe)
  const first = await context.newPage()
  await first.goto(`${ORIGIN}/`)
  await first.locator('main a[href*="/stories/"]').first().waitFor()
  if (worker) {
    const until = Date.now() + 30_000
    while (!(await workerReady(first))) {
      if (Date.now() > until) throw new Error('The service worker did not take over in 30 s')
      await sleep(100)
    }
  }
  await first.close()
  if (offline) await context.setOffline(true)
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    const run = await visit(context, throttle)
    if (run.controlled !== worker) {
      throw new Error(`A repeat visit was ${run.controlled ? '' : 'not '}controlled`)
    }
    runs.push(run)
  }
  await context.close()
  return { ms: median(runs.map((r) => r.ms)), shell: median(runs.map((r) => r.shell)) }
}

async function main() {
  const server = await startServer()
  const stop = () => server.exitCode === null && server.kill('SIGTERM')
  process.once('exit', stop)
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', ...CHROMIUM_FLAGS],
  })
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
      const fast = await repeatVisits(browser, { ...mode, throttle: 1 })
      const slow = await repeatVisits(browser, { ...mode, throttle: 4 })
      const ms = (value) => `${Math.round(value)} ms`
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
    stop()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error)
  process.exit(1)
})
