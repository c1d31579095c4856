import type { Page } from '@playwright/test'
import { FIND_PAGE_LIMIT } from '../src/features/feed/feed-config'
import { LEAN_PAGE_OVER } from '../src/features/feed/lean-page'
import { storyPath } from './support/feed'
import { expect, test } from './support/fixtures'
import { expectAfterRetries, heading1, storyLink } from './support/reader'

/*
 * A feed in pages: the first at /feed.json, each naming the next in `next_url`. The list
 * reads on as the reader scrolls or asks; a link to a story further back reads on until it
 * finds it, within a bound, and says how far it has got.
 */

const PER_PAGE = 5
const title = (page: number, n: number) => `Page ${page}, story ${n}`
const id = (page: number, n: number) => `https://news.example.org/p${page}/s${n}`

/** Serves a feed of `pages` pages; `nextOf` says where each page's next_url points. */
async function serveFeed(
  page: Page,
  pages: number,
  { nextOf = (n: number) => (n < pages ? n + 1 : undefined), delayMs = 0, perPage = PER_PAGE } = {},
) {
  // index.html preloads the first page too: each page counts once.
  const served = new Set<number>()
  await page.route(/\/(feed|feed-page-(\d+))\.json$/, async (route) => {
    const match = /feed-page-(\d+)\.json$/.exec(route.request().url())
    const n = match ? Number(match[1]) : 1
    served.add(n)
    if (n > 1 && delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs))
    const next = nextOf(n)
    await route.fulfill({
      contentType: 'application/feed+json',
      json: {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'The Paged Gazette',
        ...(next ? { next_url: next === 1 ? 'feed.json' : `feed-page-${next}.json` } : {}),
        items: Array.from({ length: perPage }, (_, i) => ({
          id: id(n, i + 1),
          title: title(n, i + 1),
          content_text: `Story ${i + 1} of page ${n}.`,
          date_published: new Date(
            Date.UTC(2026, 10, 20) - ((n - 1) * perPage + i) * 3_600_000,
          ).toISOString(),
        })),
      },
    })
  })
  return served
}

// Reading on to find a story is the same at any size: checked once, in desktop.
test.describe('a link to a story not on the first page', { tag: '@desktop-only' }, () => {
  test('a link to a story on a later page reads on to it, showing how far it has got', async ({
    page,
  }) => {
    const served = await serveFeed(page, 4, { delayMs: 400 })
    await page.goto(storyPath(id(3, 2)))
    await expect(page.getByRole('status')).toContainText('Reading further back in the feed')
    await expect(heading1(page, title(3, 2))).toBeVisible({ timeout: 15_000 })
    expect([...served]).toEqual([1, 2, 3])
    // The pages read stay read: the list has them all, newest first.
    await page.getByRole('link', { name: 'All stories' }).click()
    await expect(storyLink(page, title(3, 5))).toBeVisible()
  })

  test('a link to a story in no page reads the whole feed, then says it is not there', async ({
    page,
  }) => {
    const served = await serveFeed(page, 4)
    await page.goto(storyPath('https://news.example.org/never-published'))
    await expect(heading1(page, 'Story not found')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('main')).toContainText('All 4 pages of the feed were read.')
    expect([...served]).toEqual([1, 2, 3, 4])
    await expect(page.getByRole('link', { name: 'Back to all stories' })).toBeVisible()
  })

  test(`the search for a missing story stops after ${FIND_PAGE_LIMIT} more pages`, async ({
    page,
  }) => {
    const served = await serveFeed(page, FIND_PAGE_LIMIT + 5)
    await page.goto(storyPath(id(FIND_PAGE_LIMIT + 4, 1)))
    await expect(heading1(page, 'Story not found')).toBeVisible({ timeout: 15_000 })
    await expect(page.getByRole('main')).toContainText(
      `${FIND_PAGE_LIMIT} more pages of the feed were read without finding it`,
    )
    expect(served.size).toBe(FIND_PAGE_LIMIT + 1)
  })
})

test('the list reads the next page on request, and a next_url that loops back ends it', async ({
  page,
}) => {
  const served = await serveFeed(page, 2, { nextOf: (n) => (n === 1 ? 2 : 1) })
  await page.goto('/')
  await expect(storyLink(page, title(1, 1))).toBeVisible()
  // Scrolling to the end brings the next page (the button is for those who do not scroll:
  // src/app/realworld-feed.test.tsx clicks it).
  const more = page.getByRole('button', { name: 'Load more stories' })
  const pageTwo = storyLink(page, title(2, 5))
  await page.mouse.wheel(0, 5000)
  await expect(pageTwo).toBeVisible()
  // Page 2 points back at page 1: the feed has ended, with no button and no request more.
  await expect(more).toHaveCount(0)
  await page.mouse.wheel(0, 5000)
  await expect(storyLink(page, title(1, 1))).toHaveCount(1)
  expect([...served]).toEqual([1, 2])
})

test('a story of a long page has its text read from its page as it opens; a failed read says so and tries again', async ({
  page,
  allowErrors,
}) => {
  // Pages this long keep only what the list shows of each story (lean-page.ts).
  await serveFeed(page, 2, { perPage: LEAN_PAGE_OVER + 10 })
  await page.clock.install()
  await page.goto('/')
  await expect(storyLink(page, title(1, 1))).toBeVisible()
  await storyLink(page, title(1, 1)).click()
  await expect(heading1(page, title(1, 1))).toBeVisible()
  await expect(page.getByRole('article')).toContainText('Story 1 of page 1.')

  // Reads of the page fail, until the server is back.
  allowErrors(/503|feed/i)
  let down = true
  await page.route(/\/feed\.json$/, (route) =>
    down ? route.fulfill({ status: 503, body: 'Busy' }) : route.fallback(),
  )
  await page.getByRole('link', { name: 'All stories' }).click()
  await storyLink(page, title(1, 2)).click()
  await expect(heading1(page, title(1, 2))).toBeVisible()
  const alert = page.getByRole('alert')
  await expectAfterRetries(page, alert)
  await expect(alert).toContainText('The text of this story could not be loaded.')
  await expect(alert).toContainText('The feed server answered 503')
  await page.screenshot({ path: test.info().outputPath('story-text-failed.png') })
  down = false
  await alert.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('article')).toContainText('Story 2 of page 1.')
  await expect(alert).toHaveCount(0)
})
