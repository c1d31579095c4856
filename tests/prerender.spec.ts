import type { Page } from '@playwright/test'
import { SEED, sampleFeed, storyPath, topicPath } from './support/feed'
import { expect, test } from './support/fixtures'
import {
  expectAfterRetries,
  expectHydrated,
  heading1,
  sectionButton,
  storyLink,
} from './support/reader'

/*
 * Story pages and the list built ahead of time (scripts/prerender.mjs): the page is in the HTML, for
 * readers before any script runs, for link previews and for search engines; the app then
 * takes the page over (hydrates it) without rendering it again, and refreshes from the feed.
 */

const seedPath = storyPath(SEED.id)
const [whatsHappened, , howWeGotHere] = SEED.sections

const meta = (page: Page, attribute: string, name: string) =>
  page.locator(`head meta[${attribute}="${name}"]`).getAttribute('content')

// What the server sends does not depend on the screen: checked once, in desktop. The page
// the app then takes over is checked at both sizes below.
test.describe('without JavaScript', { tag: '@desktop-only' }, () => {
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

  test('the list is the list: the feed’s stories as links, and its topics', async ({ page }) => {
    await page.goto('/')
    await expect(heading1(page, 'Latest stories')).toBeVisible()
    await expect(page).toHaveTitle('Briefing')
    await expect(storyLink(page, SEED.title)).toHaveAttribute('href', seedPath)
    const stories = sampleFeed().items.filter((item) => item.title)
    await expect(page.getByRole('main').getByRole('listitem')).not.toHaveCount(0)
    expect(await page.getByRole('main').locator('ol > li').count()).toBe(stories.length)
    await expect(page.getByRole('complementary').getByRole('link').first()).toBeVisible()
    expect(await meta(page, 'property', 'og:type')).toBe('website')
  })

  test('a route that is not a file is index.html: without script, it is the list too', async ({
    page,
  }) => {
    // The first-paint script would show the loading placeholder; it cannot run here. The
    // list's links are more use than a placeholder that never goes.
    await page.goto('/stories/not-a-story')
    await expect(heading1(page, 'Latest stories')).toBeVisible()
    await expect(page.locator('#placeholder')).toBeHidden()
  })
})

test.describe('the list built into index.html', () => {
  test('paints before the app’s code; the app takes it over without rendering it again', async ({
    page,
  }) => {
    const messages: string[] = []
    page.on('console', (message) => messages.push(message.text()))
    await page.goto('/')
    const link = storyLink(page, SEED.title)
    await expect(link).toBeVisible()
    await link.evaluate((element) => element.setAttribute('data-from-html', ''))
    await expectHydrated(page)
    // The filter works, and the link the reader sees is the very element the HTML had.
    await page.getByRole('searchbox', { name: 'Filter stories by words' }).fill('Kursk')
    await expect(page.getByRole('status').filter({ hasText: /of \d+ stories/ })).toBeVisible()
    await expect(link).toHaveAttribute('data-from-html', '')
    expect(messages.filter((text) => text.includes('Rendered afresh'))).toEqual([])
    const timing = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      entry: performance
        .getEntriesByType('resource')
        .find((entry) => /\/assets\/index-[\w-]+\.js$/.test(entry.name))?.startTime,
    }))
    expect(timing.paint).toBeGreaterThan(0)
    expect(timing.entry).toBeGreaterThanOrEqual(timing.paint)
  })

  test('another route shows the loading placeholder, never the list, until the app renders it', async ({
    page,
  }) => {
    // The app's code arrives late: the page shows what index.html shows that route.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held
      await route.fallback()
    })
    // Asked for at once: the placeholder is no content to wait for a paint of (the
    // after-paint script would otherwise start the app after 3 s).
    const asked = page.waitForRequest(/\/assets\/index-[\w-]+\.js$/, { timeout: 2500 })
    await page.goto(topicPath(SEED.topics[0].id))
    await asked
    await expect(page.locator('#placeholder')).toBeVisible()
    await expect(page.getByText('Latest stories')).toBeHidden()
    await expect(storyLink(page, SEED.title)).toBeHidden()
    release()
    await expect(heading1(page, SEED.topics[0].name)).toBeVisible()
    await expect(page.locator('#placeholder')).toHaveCount(0)
    await expect(heading1(page, 'Latest stories')).toHaveCount(0)
  })

  test('a feed that fails leaves the built stories, with a notice; "Try again" refreshes', async ({
    page,
    allowErrors,
  }) => {
    allowErrors(/feed/i)
    await page.route('**/feed.json', (route) =>
      route.fulfill({ status: 500, body: 'Server error' }),
    )
    await page.clock.install()
    await page.goto('/')
    await expect(storyLink(page, SEED.title)).toBeVisible()
    const notice = page.getByText(/Couldn’t refresh the stories; showing those from/)
    await expectAfterRetries(page, notice)
    await expect(heading1(page, 'The stories could not be loaded')).toHaveCount(0)
    await page.unroute('**/feed.json')
    await notice.getByRole('button', { name: 'Try again' }).click()
    await expect(notice).toHaveCount(0)
    await expect(storyLink(page, SEED.title)).toBeVisible()
  })
})

// Real timings (a 12 s wait for a silent server), so checked once.
test('a feed that never answers leaves the built stories, with the notice and "Try again" within 15 s @desktop-only', async ({
  page,
  allowErrors,
}) => {
  allowErrors(/feed/i)
  await page.route('**/feed.json', () => {
    // Never answered.
  })
  const start = Date.now()
  await page.goto('/')
  const stories = page.getByRole('main').getByRole('listitem').getByRole('link')
  await expect(stories.first()).toBeVisible()
  const built = await stories.count()
  await expectHydrated(page)
  const notice = page.getByRole('status').filter({ hasText: 'Couldn’t refresh the stories' })
  await expect(notice).toBeVisible({ timeout: 15_000 - (Date.now() - start) })
  // The stories stay, every one of them: no error screen, no placeholder.
  await expect(stories).toHaveCount(built)
  await expect(heading1(page, 'The stories could not be loaded')).toHaveCount(0)

  await page.unroute('**/feed.json')
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(notice).toHaveCount(0)
  await expect(stories).toHaveCount(built)
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
  // The read's resource timing entry is added once its body is in, after the response.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => new URL(entry.name).pathname === '/feed.json'),
      ),
    )
    .toBe(true)
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
