import type { Page } from '@playwright/test'
import { SEED, sampleFeed, storyPath } from './support/feed'
import { expect, test } from './support/fixtures'
import { heading1, sectionButton } from './support/reader'

/*
 * Story pages built ahead of time (scripts/prerender.mjs): the story is in the HTML, for
 * readers before any script runs, for link previews and for search engines; the app then
 * takes the page over (hydrates it) without rendering it again, and refreshes from the feed.
 */

test.skip(({ embedded }) => embedded, 'An embed is its own page (/embed/…), never prerendered')

const seedPath = storyPath(SEED.id)
const [whatsHappened, , howWeGotHere] = SEED.sections

const meta = (page: Page, attribute: string, name: string) =>
  page.locator(`head meta[${attribute}="${name}"]`).getAttribute('content')

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  // The browser reports the module scripts it does not fetch as blocked.
  test.beforeEach(({ allowErrors }) => allowErrors(/^request failed: GET \S+\.js \(csp\)$/))

  test('a story page is the story: title, date, sections, sources and topics', async ({ page }) => {
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    await expect(page).toHaveTitle(`${SEED.title} · Briefing`)
    await expect(page.getByText(whatsHappened.opening)).toBeVisible()
    for (const section of SEED.sections) {
      await expect(page.getByRole('heading', { level: 2, name: section.title })).toBeVisible()
    }
    // A closed section is hidden until found: find-in-page still reaches its text.
    await expect(page.getByText(howWeGotHere.opening)).toBeHidden()
    await expect(page.locator('[data-section-body][hidden="until-found"]')).not.toHaveCount(0)
    await expect(page.getByRole('main').locator('time').first()).toHaveText('30 Oct 2024')
    const topics = page.getByRole('region', { name: 'More on these topics' })
    for (const topic of SEED.topics) {
      await expect(topics.getByRole('button', { name: topic.name, exact: true })).toBeVisible()
    }
  })

  test('its head tells link previews what the story is', async ({ page }) => {
    await page.goto(seedPath)
    expect(await meta(page, 'property', 'og:title')).toBe(SEED.title)
    expect(await meta(page, 'property', 'og:type')).toBe('article')
    expect(await meta(page, 'property', 'og:site_name')).toBe('Briefing')
    const item = sampleFeed().items.find((candidate) => String(candidate.id) === SEED.id)
    const summary = (item as { summary?: string } | undefined)?.summary
    expect(summary, 'the seed story has a summary').toBeTruthy()
    expect(await meta(page, 'property', 'og:description')).toBe(summary)
    expect(await meta(page, 'name', 'description')).toBe(summary)
    expect(await meta(page, 'property', 'article:published_time')).toBe('2024-10-30T09:00:00.000Z')
  })

  test('the list and other routes are the app’s shell, not a story', async ({ page }) => {
    for (const path of ['/', '/topics/north-korea', '/stories/not-a-story']) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(0)
      // Only index.html's loading placeholder, which the app replaces.
      await expect(page.locator('#root'), path).toHaveText('Loading stories…')
      await expect(page.locator('#root [aria-busy="true"]'), path).toHaveCount(1)
    }
  })
})

test('the app takes the page over without rendering it again, then works as usual', async ({
  page,
}) => {
  // The feed arrives late: the story is on screen before it, from the HTML alone.
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/feed.json', async (route) => {
    await held
    await route.fallback()
  })
  const messages: string[] = []
  page.on('console', (message) => messages.push(message.text()))

  await page.goto(seedPath)
  const title = heading1(page, SEED.title)
  await expect(title).toBeVisible()
  await title.evaluate((element) => element.setAttribute('data-from-html', ''))
  release()

  // Hydrated: the section buttons work, and the heading is the very element the HTML had.
  const button = sectionButton(page, howWeGotHere.title)
  await expect(async () => {
    await button.click()
    await expect(button).toHaveAttribute('aria-expanded', 'true', { timeout: 500 })
  }).toPass({ timeout: 15_000 })
  await expect(title).toHaveAttribute('data-from-html', '')
  // Its buttons, inert in the HTML alone, take taps now.
  await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered-path')
  expect(messages.filter((text) => text.includes('Rendered afresh'))).toEqual([])
  // The reader's own locale takes over the date (en-GB here), and the story is marked read.
  await expect(page.getByRole('button', { name: 'Mark as unread' })).toBeVisible()
})

test('the page paints before the app’s code or the feed is fetched; then the app takes it over', async ({
  page,
}) => {
  // The app reads the feed again once it has taken the page over.
  const feedRead = page.waitForResponse((response) => response.url().endsWith('/feed.json'))
  await page.goto(seedPath)
  await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered-path')
  await feedRead
  const timing = await page.evaluate(() => ({
    firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    fetches: performance
      .getEntriesByType('resource')
      .map((entry) => ({ path: new URL(entry.name).pathname, start: entry.startTime })),
  }))
  expect(timing.firstContentfulPaint).toBeGreaterThan(0)
  const paint = timing.firstContentfulPaint ?? 0
  // Only the small script that waits for the paint is fetched with the stylesheet.
  const app = timing.fetches.filter(
    ({ path }) =>
      (path.endsWith('.js') && !path.includes('/after-paint-')) || path.endsWith('.json'),
  )
  expect(app.map(({ path }) => path)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/assets\/index-.*\.js$/), '/feed.json']),
  )
  for (const fetch of app) expect(fetch.start, fetch.path).toBeGreaterThanOrEqual(paint)
})

test('a feed changed since the build: the page shows the feed as it is now', async ({ page }) => {
  const feed = sampleFeed()
  const changed = {
    ...feed,
    items: feed.items.map((item) =>
      String(item.id) === SEED.id ? { ...item, title: `${SEED.title} (updated)` } : item,
    ),
  }
  await page.route('**/feed.json', (route) => route.fulfill({ json: changed }))
  await page.goto(seedPath)
  await expect(heading1(page, `${SEED.title} (updated)`)).toBeVisible({ timeout: 15_000 })
  await expect(heading1(page, SEED.title)).toHaveCount(0)
})
