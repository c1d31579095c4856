import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { SEED, sampleFeed } from './support/feed'
import type { Feed } from './support/feed'
import { expect, test } from './support/fixtures'
import { APP_ORIGIN } from './support/env'
import { expectHydrated, heading1, storyLink } from './support/reader'
import { readManifest, staticChunks } from '../scripts/vite-manifest.mjs'
import { saveData } from './support/reading'

/*
 * The service worker (src/app/sw.js, built as sw.js): repeat visits start from its cache,
 * and a reader who goes offline keeps what they read. The other specs block service
 * workers so that page.route() sees every request; these allow them, and serve the feed
 * with context.route(), which also sees the worker's own requests.
 */
test.use({ serviceWorkers: 'allow' })

// An embed never registers the worker, and the worker does not depend on the screen size:
// these run in desktop only (playwright.config.ts).

/** A whole page load: every request of the feed goes through context.route() here. */
const LOAD = 15_000

/** The sample feed with a first story that names its edition, so a change is visible. */
function edition(name: string): Feed {
  const feed = sampleFeed()
  const [first] = feed.items
  if (!first) throw new Error('The sample feed has no items')
  return {
    ...feed,
    items: [{ ...first, id: `edition-${name}`, title: `${name} edition` }, ...feed.items],
  }
}

/** Every request for feed.json, the worker's included, gets the edition named last. */
async function serveFeed(context: BrowserContext) {
  let current = edition('Morning')
  await context.route(`${APP_ORIGIN}/feed.json`, (route) => route.fulfill({ json: current }))
  return (name: string) => {
    current = edition(name)
  }
}

/** Until the worker controls the page and holds a copy of the feed it read. */
async function untilWorkerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const state = () =>
    page.evaluate(async () => ({
      controlled: navigator.serviceWorker.controller !== null,
      feedKept: (await caches.match(new URL('feed.json', document.baseURI).href)) !== undefined,
    }))
  await expect.poll(state, { timeout: LOAD }).toEqual({ controlled: true, feedKept: true })
}

const loaded = (page: Page, chunk: RegExp) =>
  page.evaluate(
    (source) =>
      performance.getEntriesByType('resource').some((entry) => new RegExp(source).test(entry.name)),
    chunk.source,
  )

test('offline, the reader shows the stories read before, opens a story for the first time and refreshes itself once online', async ({
  app,
  page,
  context,
}) => {
  const publish = await serveFeed(context)
  // Saving data, the reader gets a story's code only when asking for it (no idle preload),
  // so what the click below receives offline can only come from the worker's precache.
  await saveData(page)
  await app.goto('/')
  await expect(storyLink(page, 'Morning edition')).toBeVisible({ timeout: LOAD })
  await untilWorkerReady(page)
  const storyChunk = /\/assets\/story-route-[\w-]+\.js$/
  expect(await loaded(page, storyChunk), 'the story page’s code is not loaded yet').toBe(false)

  await context.setOffline(true)
  await page.reload()
  await expect(storyLink(page, 'Morning edition')).toBeVisible({ timeout: LOAD })
  await expect(storyLink(page, SEED.title)).toBeVisible()

  const chunk = page.waitForResponse((response) => storyChunk.test(response.url()))
  await storyLink(page, SEED.title).click()
  await expect(heading1(page, SEED.title)).toBeVisible({ timeout: LOAD })
  expect((await chunk).fromServiceWorker(), 'the story page’s code came from the worker').toBe(true)
  await expect(page.getByRole('heading', { level: 2 })).toContainText(
    SEED.sections.map((section) => section.title),
  )

  await page.goBack()
  await expect(storyLink(page, 'Morning edition')).toBeVisible({ timeout: LOAD })
  publish('Evening')
  await context.setOffline(false)
  await expect(storyLink(page, 'Evening edition')).toBeVisible({ timeout: LOAD })
  await expect(storyLink(page, 'Morning edition')).toBeHidden()
})

test('online, a feed changed on the server shows on the next visit, through the worker', async ({
  app,
  page,
  context,
}) => {
  const publish = await serveFeed(context)
  // Saving data, the reader gets a story's code only when asking for it (no idle preload),
  // so what the click below receives offline can only come from the worker's precache.
  await saveData(page)
  await app.goto('/')
  await expect(storyLink(page, 'Morning edition')).toBeVisible({ timeout: LOAD })
  await untilWorkerReady(page)

  publish('Evening')
  const feed = page.waitForResponse((response) => response.url() === `${APP_ORIGIN}/feed.json`)
  await page.reload()
  expect((await feed).fromServiceWorker(), 'the worker answered for the feed').toBe(true)
  await expect(storyLink(page, 'Evening edition')).toBeVisible({ timeout: LOAD })
  await expect(storyLink(page, 'Morning edition')).toBeHidden()
})

test('the worker is served for revalidation and precaches every built asset', async () => {
  const { CACHE_REVALIDATE } = (await import(
    new URL('../scripts/hosting-headers.mjs', import.meta.url).href
  )) as { CACHE_REVALIDATE: string }
  const response = await fetch(`${APP_ORIGIN}/sw.js`)
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe(CACHE_REVALIDATE)
  expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  const line = /^const BUILD = (.*)$/m.exec(await response.text())?.[1]
  const build = JSON.parse(line ?? 'null') as { version: string; assets: string[]; icons: string[] }
  const dist = process.env.DIST ?? 'dist'
  const built = readdirSync(path.join(dist, 'assets')).map((file) => `assets/${file}`)
  expect(build.assets.toSorted()).toEqual(built.toSorted())
  expect(build.icons).toEqual(['favicon.svg', 'apple-touch-icon.png'])
  expect(build.version).toMatch(/^[0-9a-f]{12}$/)
})

test.describe('a first visit, before any worker', () => {
  test.use({ serviceWorkers: 'block' })

  test('offline as soon as the list is up, any story whose text is in opens: its code came with the list', async ({
    app,
    page,
    context,
  }) => {
    // The story screen's chunks, and a plain item's (its text, the sanitiser for its HTML).
    const manifest = readManifest(process.env.DIST ?? 'dist')
    const code = [
      ...staticChunks(manifest, ['src/app/routes/story-route.tsx']),
      ...staticChunks(manifest, ['src/features/story/plain-content.tsx']),
      ...staticChunks(manifest, ['src/components/ui/safe-html.tsx']),
    ]
    const htmlItem = sampleFeed().items.find((item) => !item._story && item.content_html)
    if (!htmlItem?.title) throw new Error('The sample feed has no plain item with HTML')
    await app.goto('/')
    await expect(storyLink(page, SEED.title)).toBeVisible({ timeout: LOAD })
    await expectHydrated(page)
    // Fetched ahead as soon as the list is the app's: every one of them, and nothing waits
    // for the browser to be idle.
    const fetched = () =>
      page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))
    await expect
      .poll(async () => {
        const names = await fetched()
        return code.filter((file) => !names.some((name) => name.endsWith(`/${file}`)))
      })
      .toEqual([])

    await context.setOffline(true)
    await storyLink(page, SEED.title).click()
    await expect(heading1(page, SEED.title)).toBeVisible()
    await expect(page.getByText(SEED.sections[0].opening)).toBeVisible()
    await page.goBack()
    await storyLink(page, String(htmlItem.title)).click()
    await expect(heading1(page, String(htmlItem.title))).toBeVisible()
    await expect(page.locator('.feed-html')).toBeVisible()
  })
})
