import type { Page } from '@playwright/test'
import { SEED } from './support/feed'
import { expect, test } from './support/fixtures'
import { tabTo } from './support/keyboard'
import { expectHydrated } from './support/reader'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'

/*
 * Search (src/features/search/): the header's field on every screen, /search?q=… over the
 * index built with the site (dist/search/), or over the stories loaded for a feed set at
 * run time. The words searched for are in the seed story (tests/support/feed.ts) only.
 */

// The header's field; on a phone, the results page's own (the header shows a link to it).
const field = (page: Page) =>
  page.getByRole('searchbox', { name: 'Search all stories' }).locator('visible=true')
const results = (page: Page) => page.getByRole('main').getByRole('listitem')
const status = (page: Page) => page.getByRole('main').getByRole('status')

test.describe('search @not-embedded', () => {
  test('typing in the header shows highlighted results from the section that matched @desktop-only', async ({
    page,
    takeScreenshot,
    checkA11y,
  }) => {
    await page.goto('/')
    await field(page).fill('penta')
    await expect(page).toHaveURL(/\/search\?q=penta$/)
    const seed = results(page).filter({ hasText: SEED.title })
    await expect(seed).toHaveCount(1)
    // The snippet names its section and marks the word that matched the prefix.
    await expect(seed).toContainText('What the papers say:')
    await expect(seed.locator('mark')).toHaveText(['Pentagon'])
    await expect(status(page)).toHaveText(/1 story matches “penta”/)
    await takeScreenshot('search-results', { fullPage: false })
    await checkA11y(page, 'search results')

    // Reload: the address is the search.
    await page.reload()
    await expect(field(page)).toHaveValue('penta')
    await expect(results(page).filter({ hasText: SEED.title })).toHaveCount(1)

    // Opening it opens the section that matched, with the word highlighted.
    await page.getByRole('link', { name: SEED.title }).click()
    await expect(page).toHaveURL(/highlight=pentagon#what-the-papers-say$/)
    await expect(page.getByRole('button', { name: 'What the papers say' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    await expect
      .poll(() =>
        page.evaluate(() => {
          const highlight = CSS.highlights.get('search')
          return highlight ? [...highlight].map((range) => range.toString()) : []
        }),
      )
      .toContain('Pentagon')
  })

  test('words in any order, accents and case ignored; a topic named is offered first @desktop-only', async ({
    page,
  }) => {
    await page.goto('/search?q=KÍM%20jong')
    const topic = page.getByRole('region', { name: 'Topics' }).getByRole('link')
    await expect(topic.first()).toContainText('Kim Jong-un')
    await expect(topic.first()).toContainText(/person · \d+ stor/)
    await expect(results(page).filter({ hasText: SEED.title })).toHaveCount(1)
    await topic.first().click()
    await expect(page).toHaveURL(/\/topics\/kim-jong-un$/)
  })

  test('filters live in the address and narrow the results @desktop-only', async ({ page }) => {
    await page.goto('/search?q=korea')
    await expect.poll(() => results(page).count()).toBeGreaterThan(1)
    const all = await results(page).count()
    await page.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Vladivostok' })
    await expect(page).toHaveURL(/[?&]topic=vladivostok/)
    await expect.poll(() => results(page).count()).toBeLessThan(all)
    const narrowed = await results(page).count()
    await page.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'Newest first' })
    await expect(page).toHaveURL(/[?&]sort=date/)
    // Reload keeps filters and results.
    await page.reload()
    await expect(page.getByRole('combobox', { name: 'Topic' })).toHaveValue('vladivostok')
    await expect(results(page)).toHaveCount(narrowed)
    const dates = await page
      .getByRole('main')
      .locator('li time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''))
    expect(dates).toEqual([...dates].sort().reverse())
  })

  test('a word finds its family in the index: “parties” finds “Party” @desktop-only', async ({
    page,
  }) => {
    // The sample feed is in English: its words are also sought by their stem (stemmer).
    await page.goto('/search?q=parties')
    const yoon = results(page).filter({ hasText: 'votes to impeach President Yoon' })
    await expect(yoon).toHaveCount(1)
    await expect(yoon.locator('mark')).toContainText(['Party'])
  })

  test('no match says so, and suggests fewer words @desktop-only', async ({ page }) => {
    await page.goto('/search?q=penta%20zzqx')
    await expect(page.getByRole('main')).toContainText(
      'No stories match “penta zzqx”. Try fewer words.',
    )
    await expect(status(page)).toHaveText('No stories match “penta zzqx”.')
    await expect(results(page)).toHaveCount(0)
  })

  test('by keyboard alone: / focuses the field, Tab reaches a result, Enter opens it @desktop-only', async ({
    page,
    app,
  }) => {
    await page.goto('/')
    await expectHydrated(page)
    // The header's field hydrates once its own code is in: until then `/` reaches nothing.
    await expect(async () => {
      await page.keyboard.press('/')
      await expect(field(page)).toBeFocused({ timeout: 500 })
    }).toPass()
    await page.keyboard.type('pentagon')
    await expect(results(page)).toHaveCount(1)
    const link = page.getByRole('link', { name: SEED.title })
    await tabTo(page, app, link)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED.title)
  })

  test('a feed set at run time is searched over the stories loaded, and the page says so', async ({
    page,
  }) => {
    await readFeedAtRunTime(page)
    // The index must not be read for it: it is the shipped feed's.
    await page.route('**/search/**', (route) => route.abort())
    await page.route(FEED_REQUESTS, (route) => route.fallback())
    await page.goto('/search?q=penta')
    await expect(page.getByRole('main')).toContainText(/Searching the \d+ stories loaded/)
    const seed = results(page).filter({ hasText: SEED.title })
    await expect(seed).toHaveCount(1)
    await expect(seed.locator('mark')).toHaveText(['Pentagon'])
  })

  test('a plain item opened from its result has its words highlighted in its HTML @desktop-only', async ({
    page,
  }) => {
    await readFeedAtRunTime(page)
    await page.route('**/search/**', (route) => route.abort())
    await page.route(FEED_REQUESTS, (route) =>
      route.fulfill({
        contentType: 'application/feed+json',
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Harbour Transit News',
          items: [
            {
              id: 'https://transit.example/posts/night-trams',
              title: 'Night service from 5 July',
              date_published: '2026-06-20T08:00:00Z',
              content_html:
                '<p>The harbour line will run <em>trams</em> all night on weekends.</p><p>Tickets are unchanged.</p>',
            },
          ],
        }),
      }),
    )
    await page.goto('/search?q=tram')
    const hit = results(page).filter({ hasText: 'Night service from 5 July' })
    await expect(hit.locator('mark')).toHaveText(['trams'])
    await hit.getByRole('link').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Night service from 5 July')
    // The post's HTML loads with its sanitiser, after the page: highlighted once it is in.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const highlight = CSS.highlights.get('search')
          return highlight ? [...highlight].map((range) => range.toString()) : []
        }),
      )
      .toEqual(['trams'])
  })

  test('an index that cannot be read says so, and searches the stories loaded instead @desktop-only', async ({
    page,
    allowErrors,
  }) => {
    allowErrors(/search\/meta\.json|net::ERR_FAILED/)
    await page.route('**/search/meta.json', (route) => route.abort())
    await page.goto('/search?q=penta')
    await expect(page.getByRole('alert')).toContainText('The search index could not be loaded')
    await expect(page.getByRole('main')).toContainText(/Searching the \d+ stories loaded/)
    await expect(results(page).filter({ hasText: SEED.title })).toHaveCount(1)
  })

  test('the results page passes axe on a phone, where the header shows a search link @phone-only', async ({
    page,
    checkA11y,
    takeScreenshot,
  }) => {
    await page.goto('/')
    await page.getByRole('link', { name: 'Search' }).click()
    await expect(field(page)).toBeVisible()
    await expect(field(page)).toBeFocused()
    await field(page).fill('korea')
    await expect(results(page).first()).toBeVisible()
    await takeScreenshot('search-results', { fullPage: false })
    await checkA11y(page, 'search results on a phone')
  })
})
