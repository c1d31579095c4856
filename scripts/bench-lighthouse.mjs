/**
 * Lighthouse 12 under its mobile defaults (simulated slow 4G, 4x CPU slowdown, a Moto G
 * Power sized screen), in the system Chromium, for scripts/bench.mjs. Lighthouse is not a
 * dependency of the project (it is large and only the benchmark uses it): when it cannot
 * be imported, lighthouseFigures() returns null and the bench says how to add it,
 *
 *   npm i --no-save lighthouse@12.2.3
 *
 * (12.x is the last major that runs on Node 20.)
 */
import process from 'node:process'
import { CHROMIUM_FLAGS } from './chromium-flags.mjs'
import { median } from './median.mjs'

export const LIGHTHOUSE_INSTALL = 'npm i --no-save lighthouse@12.2.3'

/**
 * Medians of `runs` Lighthouse runs of each URL: performance, accessibility and best
 * practices scores (0 to 100), LCP, TBT (ms) and CLS. Each run starts a fresh Chromium.
 * @param {Record<string, string>} urls name → absolute URL
 */
export async function lighthouseFigures(urls, runs = 3) {
  let lighthouse
  let chromeLauncher
  try {
    lighthouse = (await import('lighthouse')).default
    chromeLauncher = await import('chrome-launcher')
  } catch {
    return null
  }
  const results = {}
  for (const [name, url] of Object.entries(urls)) {
    const samples = []
    for (let i = 0; i < runs; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        chromeFlags: ['--headless', ...CHROMIUM_FLAGS],
      })
      try {
        const result = await lighthouse(url, {
          port: chrome.port,
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        })
        const { categories, audits } = result.lhr
        samples.push({
          performance: categories.performance.score * 100,
          accessibility: categories.accessibility.score * 100,
          bestPractices: categories['best-practices'].score * 100,
          lcp: audits['largest-contentful-paint'].numericValue,
          tbt: audits['total-blocking-time'].numericValue,
          cls: audits['cumulative-layout-shift'].numericValue,
          failing: Object.values(audits)
            .filter((audit) => audit.score !== null && audit.score < 0.9)
            .filter((audit) => audit.scoreDisplayMode === 'binary')
            .map((audit) => audit.id),
        })
      } finally {
        await chrome.kill()
      }
    }
    results[name] = {
      ...Object.fromEntries(
        ['performance', 'accessibility', 'bestPractices', 'lcp', 'tbt', 'cls'].map((key) => [
          key,
          median(samples.map((sample) => sample[key])),
        ]),
      ),
      failing: [...new Set(samples.flatMap((sample) => sample.failing))],
    }
  }
  return results
}

// `node scripts/bench-lighthouse.mjs <url>…`: the figures of pages already served.
if (import.meta.url === `file://${process.argv[1]}`) {
  const urls = Object.fromEntries(process.argv.slice(2).map((url) => [url, url]))
  const figures = await lighthouseFigures(urls)
  if (!figures) {
    console.error(`Lighthouse is not installed: ${LIGHTHOUSE_INSTALL}`)
    process.exit(1)
  }
  console.log(JSON.stringify(figures, null, 2))
}
