import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'

/*
 * The header holds the feed's name, whatever its length, and its controls: a publisher's
 * name of a few dozen characters once pushed the Settings button off a phone's screen.
 * The sizes are set here, so it runs in one project.
 */

// 120 characters, with no word longer than a phone's header can hold.
const LONG_TITLE =
  'The Northgate and Eastfield Public Libraries Weekly Bulletin of Opening Hours, Events, Closures and Community Reading Groups'
    .slice(0, 120)
    .trim()

function feedTitled(title: string) {
  const feed = JSON.parse(
    readFileSync(new URL('./fixtures/jsonfeed-1.1-microblog.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>
  // One page: the header is what is looked at.
  return { ...feed, title, next_url: undefined }
}

/** Fails listing each control of the header that is not wholly on screen. */
async function expectHeaderOnScreen(page: Page, width: number) {
  const overflow = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(overflow.scrollWidth, `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(
    overflow.clientWidth,
  )
  const banner = page.getByRole('banner')
  const controls = banner.locator('a:visible, button:visible')
  const names = await controls.evaluateAll((elements) =>
    elements.map((e) => e.getAttribute('aria-label') ?? e.textContent?.trim() ?? ''),
  )
  // The feed's name (home), Saved and Settings at least; the publisher's site on a wide screen.
  expect(names.length).toBeGreaterThanOrEqual(width >= 768 ? 4 : 3)
  for (const [i, name] of names.entries()) {
    const control = controls.nth(i)
    await expect(control, `${name} at ${width} px`).toBeInViewport({ ratio: 1 })
    const box = await control.boundingBox()
    expect(box, `${name} at ${width} px`).not.toBeNull()
    expect(box!.x, `${name} at ${width} px`).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width, `${name} at ${width} px`).toBeLessThanOrEqual(width)
  }
}

test('a 120-character feed name wraps in the header, which keeps every control on screen @desktop-only', async ({
  page,
  takeScreenshot,
  checkA11y,
}) => {
  expect(LONG_TITLE).toHaveLength(120)
  await readFeedAtRunTime(page)
  await page.route(FEED_REQUESTS, (route) => route.fulfill({ json: feedTitled(LONG_TITLE) }))
  for (const width of [320, 390, 1280]) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto('/')
    const banner = page.getByRole('banner')
    // The whole name is the home link's name, however much of it shows.
    const home = banner.getByRole('link', { name: LONG_TITLE, exact: true })
    await expect(home).toBeVisible()
    await expect(banner.getByRole('button', { name: 'Settings' })).toBeVisible()
    await expectHeaderOnScreen(page, width)
    // At most two lines of the name: the header stays slim.
    const lines = await home
      .locator('span')
      .last()
      .evaluate(
        (e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight),
      )
    expect(Math.round(lines), `lines of the name at ${width} px`).toBeLessThanOrEqual(2)
    if (width === 320) {
      await takeScreenshot('header-long-title-320', { fullPage: false })
      await checkA11y(page, 'the header with a long feed name at 320 px')
    }
  }
})
