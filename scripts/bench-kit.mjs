/** What the benchmarks (scripts/bench*.mjs) share: the build served, Chromium, the figures. */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { CHROMIUM_FLAGS } from './chromium.mjs'

/** The middle value (the upper middle of an even count). */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
export const ms = (value) => `${Math.round(value)} ms`

export function run(command, args, { env = {}, stdout = 'ignore' } = {}) {
  const { status } = spawnSync(command, args, {
    stdio: ['ignore', stdout, 'inherit'],
    env: { ...process.env, ...env },
  })
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
}

/** A synthetic feed (scripts/generate-feed.mjs), made unless `made`, a file it writes, is there. */
export function generated(made, ...args) {
  if (!existsSync(made)) run(process.execPath, ['scripts/generate-feed.mjs', ...args])
}

/**
 * scripts/serve.mjs serving `dist` on a free port of 127.0.0.1, once it answers: its origin.
 * Stopped when this process exits. In a process of its own: compressing a 20 MB feed as the
 * browser reads it would otherwise hold up the script that measures.
 */
export async function serve(dist) {
  const server = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DIST: dist },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const origin = await new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`The server exited (${code})`)))
    server.stdout.on('data', (chunk) => {
      const url = /running at (http:\S+)/.exec(String(chunk))?.[1]
      if (url) resolve(new URL(url).origin)
    })
  })
  server.stdout.unref()
  server.unref()
  process.once('exit', () => server.exitCode === null && server.kill('SIGTERM'))
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1))
  return origin
}

export const launch = (executablePath = '/usr/bin/chromium') =>
  chromium.launch({ executablePath, args: ['--headless', ...CHROMIUM_FLAGS] })

/** Rows of [figure, measured, goal, met] as a markdown table. */
export const table = (rows, first = 'figure') =>
  [
    `| ${first} | measured | goal | met? |`,
    '|---|---|---|---|',
    ...rows.map(
      ([figure, value, goal, met]) =>
        `| ${figure} | ${value} | ${goal} | ${met ? 'met' : 'not met'} |`,
    ),
  ].join('\n')

/* In the page before any app code: the entries a trace would show, kept for reading back. */
export function observe() {
  const m = { fcp: 0, lcp: 0, cls: 0, longTasks: [], firstLink: 0, takenOver: 0 }
  window.__bench = m
  const entries = (type, read) =>
    new PerformanceObserver((list) => list.getEntries().forEach(read)).observe({
      type,
      buffered: true,
    })
  entries('paint', (e) => e.name === 'first-contentful-paint' && (m.fcp = e.startTime))
  entries('largest-contentful-paint', (e) => (m.lcp = e.startTime))
  entries('layout-shift', (e) => !e.hadRecentInput && (m.cls += e.value))
  entries('longtask', (e) => m.longTasks.push([e.startTime, e.duration]))
  // When the first story link is on screen.
  new MutationObserver((_, observer) => {
    if (!document.querySelector('main a[href*="/stories/"]')) return
    observer.disconnect()
    requestAnimationFrame(() => setTimeout(() => (m.firstLink = performance.now())))
  }).observe(document, { childList: true, subtree: true })
  // Where a first load ends: once the app has taken over a page built ahead of time, else
  // at the load event.
  addEventListener('DOMContentLoaded', () => {
    const root = document.getElementById('root')
    if (!root?.hasAttribute('data-prerendered-path')) {
      addEventListener('load', () => (m.takenOver = performance.now()))
      return
    }
    new MutationObserver((_, observer) => {
      if (root.hasAttribute('data-prerendered-path')) return
      observer.disconnect()
      m.takenOver = performance.now()
    }).observe(root, { attributes: true, attributeFilter: ['data-prerendered-path'] })
  })
}
