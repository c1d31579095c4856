import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect as baseExpect, test } from './support/fixtures'
import { heading1, storyLink } from './support/reader'
import { storyPath } from './support/feed'

// A plain JSON Feed 1.1 (no `_story`) of a city library's news and short posts, in two pages;
// each test says what a reader sees of one part of the JSON Feed spec.
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >
// A cold browser's first paint of the reader can take several seconds on a busy machine.
const expect = baseExpect.configure({ timeout: 15_000 })

const library = fixture('jsonfeed-1.1-microblog.json')
const olderPage = fixture('jsonfeed-1.1-microblog-page-2.json')
const NEXT_URL = 'https://library.example/feed.json?page=2'

const FEED = 'Northgate Library'
const DESCRIPTION = "News, opening hours and events from Northgate's three public library branches."
const POST_1047 =
  'The reading room on the second floor is closed on Saturday 14 November while the heating is repaired. Study tables on the ground floor stay open until 17:00, and returns can go in the book drop by the main door.'
// A post without a title is named by its first words, cut at a word.
const POST_1047_NAME =
  'The reading room on the second floor is closed on Saturday 14 November while…'
const WINTER = {
  id: 'https://library.example/news/2026/11/winter-opening-hours',
  title: 'Winter opening hours from 1 December',
}
const FRENCH = {
  id: 'https://library.example/news/2026/11/horaires-hiver',
  title: 'Horaires d’hiver : ouverture à 10 h en semaine',
}
const EAST = {
  id: 'https://library.example/news/2026/11/east-branch-approved',
  title: 'City council approves a fourth branch in Eastfield',
}
const APP = { id: 1039, title: 'Catalogue app 3.2: renew your loans from the home screen' }
const SALE = 'Book sale in the Central branch hall'
const NEWEST_FIRST = [
  POST_1047_NAME,
  WINTER.title,
  FRENCH.title,
  EAST.title,
  APP.title,
  SALE,
  // The older page, after the first.
  'Thank you to the 412 children who finished this year’s summer reading…',
  'The Riverside branch lift is back in service',
]

function serveFeed(page: Page, feed: Record<string, unknown>) {
  return page.route(
    (url) => url.hostname === '127.0.0.1' && url.pathname === '/feed.json',
    (route) => route.fulfill({ json: feed }),
  )
}

// The feed and its pages, at desktop and phone sizes (not framed: playwright.config.ts).
test.beforeEach(async ({ page }) => {
  await serveFeed(page, library)
  // The publisher's server sends its pages to any origin.
  await page.route(NEXT_URL, (route) =>
    route.fulfill({ json: olderPage, headers: { 'Access-Control-Allow-Origin': '*' } }),
  )
})

const main = (page: Page) => page.getByRole('main')
const byline = (page: Page) => main(page).getByRole('article').locator('header p').first()

/** The rendered box of an image, once its (placeholder) picture has loaded. */
async function imageBox(image: Locator) {
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true)
  const box = await image.boundingBox()
  if (!box) throw new Error('The image has no box')
  return box
}

test('the header names the feed with its icon and links its website; the list says what the feed is and that it has ended', async ({
  page,
  isMobile,
}) => {
  await page.goto('/')
  await expect(page).toHaveTitle(FEED)
  const header = page.getByRole('banner')
  const home = header.getByRole('link', { name: FEED, exact: true })
  await expect(home).toHaveAttribute('href', '/')
  // The small favicon suits the header better than the 512 px icon.
  await expect(home.locator('img')).toHaveAttribute(
    'src',
    'https://library.example/media/favicon-64.png',
  )
  // The publisher's site: in a wide header by its host; a phone's footer has it too.
  const site = header.getByRole('link', { name: /^library\.example, the publisher’s website/ })
  if (isMobile) {
    await expect(site).toHaveCount(0)
  } else {
    await expect(site).toBeVisible()
    await expect(site).toContainText('library.example')
    await expect(site).toHaveAttribute('href', 'https://library.example/')
    await expect(site).toHaveAttribute('target', '_blank')
  }
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: FEED, exact: true }),
  ).toHaveAttribute('href', 'https://library.example/')
  await expect(main(page).getByText(DESCRIPTION, { exact: true })).toBeVisible()
  await expect(
    main(page).getByText('This feed has ended: the publisher will not add more stories.'),
  ).toBeVisible()
  await expect(main(page)).toHaveAttribute('lang', 'en-GB')
})

test('a feed that has not expired says nothing about ending', async ({ page }) => {
  await serveFeed(page, { ...library, expired: false })
  await page.goto('/')
  await expect(storyLink(page, WINTER.title)).toBeVisible()
  await expect(main(page).getByText(/This feed has ended/)).toHaveCount(0)
})

test('the list: newest first over both pages, posts without a title by their first words, each with its summary or its first words', async ({
  page,
}) => {
  await page.goto('/')
  const list = main(page).getByRole('list').first()
  const titles = list.getByRole('heading').getByRole('link')
  await expect(titles.first()).toHaveText(POST_1047_NAME)
  // The older page loads as the reader reaches the end of the list.
  await page.getByRole('contentinfo').scrollIntoViewIfNeeded()
  await expect(titles).toHaveText(NEWEST_FIRST)
  // The older page has no next_url: the feed ends there.
  await expect(page.getByRole('button', { name: /Load more stories|Try again/ })).toHaveCount(0)

  const row = (title: string) =>
    list.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) })
  // The publisher's summary.
  await expect(row(WINTER.title)).toContainText(
    'All three branches open an hour later on weekday mornings from December to February; weekend hours do not change.',
  )
  // No summary: the first words of the text, or of the HTML's text.
  await expect(row(APP.title)).toContainText(
    'Version 3.2 of the library’s catalogue app is out for Android and iOS. Loans due in the next seven days now appear on the home screen, each with a Renew…',
  )
  await expect(row(SALE)).toContainText(
    'Withdrawn books, DVDs and audiobooks are on sale in the hall of the Central branch on Saturday 24 October, from 10:00 to 15:00. Paperbacks cost 50p and…',
  )
  // A post without a title shows its first words once, not again as a summary.
  const post = row(POST_1047_NAME)
  expect((await post.innerText()).split('The reading room').length - 1).toBe(1)
  // Each item in its own language.
  await expect(row(FRENCH.title).getByRole('article')).toHaveAttribute('lang', 'fr')
  await expect(row(WINTER.title).getByRole('article')).toHaveAttribute('lang', 'en-GB')

  // Its numeric id (1047) is its address.
  await titles.first().click()
  await expect(page).toHaveURL(/\/stories\/1047$/)
})

test('a post without a title reads as its text, named by its first words, by the feed’s author', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto(storyPath(1047))
  await expect(page).toHaveTitle(`${POST_1047_NAME} · ${FEED}`)
  // The heading names the page for assistive technology; the eye reads the text itself.
  await expect(heading1(page, POST_1047_NAME)).toHaveCount(1)
  const article = main(page).getByRole('article')
  await expect(article.getByText(POST_1047, { exact: true })).toBeVisible()
  await expect(article.locator('p', { hasText: 'The reading room' })).toHaveCount(1)
  // No authors of its own: the feed's, with their link and avatar.
  const meta = byline(page)
  await expect(meta.getByRole('link', { name: FEED })).toHaveAttribute(
    'href',
    'https://library.example/about/',
  )
  await expect(meta.locator('img')).toHaveAttribute(
    'src',
    'https://library.example/media/avatar-library.png',
  )
  await expect(meta.locator('time')).toHaveText('12 Nov 2026')
  await expect(meta).not.toContainText('Updated')
  await expect(meta.getByRole('link', { name: 'Permalink' })).toHaveAttribute(
    'href',
    'https://library.example/notes/1047',
  )
  await expect(article).toHaveAttribute('lang', 'en-GB')
  await takeScreenshot('jsonfeed-untitled-post')
})

test('a full post: banner and featured image in reserved boxes, updated date, its own author, HTML over text, permalink and tags', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto(storyPath(WINTER.id))
  await expect(heading1(page, WINTER.title)).toBeVisible()
  await expect(page).toHaveTitle(`${WINTER.title} · ${FEED}`)

  // Both pictures, described by the title, loaded lazily, in a box of fixed shape: the
  // 1×1 placeholder the offline tests serve would otherwise collapse them to a square.
  const images = main(page).getByRole('img', { name: WINTER.title, exact: true })
  await expect(images).toHaveCount(2)
  const shapes = [
    { src: 'https://library.example/media/2026/winter-banner.jpg', ratio: 2 },
    { src: 'https://library.example/media/2026/central-reading-room.jpg', ratio: 16 / 9 },
  ]
  for (const [index, shape] of shapes.entries()) {
    const image = images.nth(index)
    await expect(image).toHaveAttribute('src', shape.src)
    await expect(image).toHaveAttribute('loading', 'lazy')
    await expect(image).toHaveAttribute('width', /\d+/)
    await expect(image).toHaveAttribute('height', /\d+/)
    const box = await imageBox(image)
    expect(box.width).toBeGreaterThan(300)
    expect(box.width / box.height).toBeCloseTo(shape.ratio, 1)
  }

  const meta = byline(page)
  await expect(meta.locator('time')).toHaveText(['9 Nov 2026', '10 Nov 2026'])
  await expect(meta).toContainText('Updated 10 Nov 2026')
  // Its own author (a JSON Feed 1.1 authors array), not the feed's.
  await expect(meta.getByRole('link', { name: 'Branch services team' })).toHaveAttribute(
    'href',
    'https://library.example/about/branch-services',
  )
  await expect(meta.locator('img')).toHaveAttribute(
    'src',
    'https://library.example/media/avatar-branch-services.png',
  )
  await expect(meta.getByText(FEED)).toHaveCount(0)
  await expect(meta.getByRole('link', { name: 'Permalink' })).toHaveAttribute('href', WINTER.id)

  // content_html is read rather than content_text: its link and emphasis are there.
  const article = main(page).getByRole('article')
  await expect(
    article.getByRole('link', { name: 'full timetable for each branch' }),
  ).toHaveAttribute('href', 'https://library.example/visit/opening-hours')
  await expect(article.locator('strong', { hasText: 'Tuesday 1 December' })).toBeVisible()
  await expect(article.getByText('is at https://library.example/visit/opening-hours')).toHaveCount(
    0,
  )
  await expect(article.getByRole('link', { name: /Read the original/ })).toHaveCount(0)
  await takeScreenshot('jsonfeed-full-post')

  const tags = page.getByRole('navigation', { name: 'Tags' })
  await expect(tags.getByRole('link')).toHaveText(['#opening hours', '#branches'])
  await tags.getByRole('link', { name: 'branches' }).click()
  await expect(heading1(page, '#branches')).toBeVisible()
  await expect(page).toHaveTitle(`#branches · ${FEED}`)
  const tagged = main(page).getByRole('list').getByRole('heading').getByRole('link')
  await expect(tagged).toHaveText([WINTER.title, EAST.title])
  // The tag's older stories are on the feed's next page.
  await page.getByRole('button', { name: 'Look in older stories' }).click()
  await expect(tagged).toHaveText([
    WINTER.title,
    EAST.title,
    'The Riverside branch lift is back in service',
  ])
  await expect(page.getByRole('button', { name: 'Look in older stories' })).toHaveCount(0)
  await expect(main(page).getByText('3 stories', { exact: true })).toBeVisible()
})

test('a linked post offers the original; authors whose link or avatar is not http(s) are named without them', async ({
  page,
}) => {
  await page.goto(storyPath(EAST.id))
  await expect(heading1(page, EAST.title)).toBeVisible()
  const original = main(page).getByRole('link', { name: /Read the original/ })
  await expect(original).toHaveAttribute(
    'href',
    'https://city.example/news/2026/11/council-approves-east-library',
  )
  await expect(original).toHaveAttribute('target', '_blank')
  const meta = byline(page)
  await expect(meta).toContainText('Reference desk')
  // A javascript: link and a data: avatar are dropped; so is an ftp: avatar.
  await expect(meta.getByRole('link', { name: 'Reference desk' })).toHaveCount(0)
  await expect(meta.getByRole('link', { name: 'Branch services team' })).toHaveAttribute(
    'href',
    'https://library.example/about/branch-services',
  )
  await expect(main(page).locator('img')).toHaveCount(0)
})

test('a release note: its picture, and attachments with type, size and duration in words, playable in place', async ({
  page,
}) => {
  // A numeric id reads as its string.
  await page.goto(storyPath(APP.id))
  await expect(heading1(page, APP.title)).toBeVisible()
  const picture = main(page).getByRole('img', { name: APP.title, exact: true })
  await expect(picture).toHaveAttribute(
    'src',
    'https://library.example/media/2026/catalogue-app-3-2.png',
  )
  await expect(picture).toHaveAttribute('loading', 'lazy')
  const box = await imageBox(picture)
  expect(box.width / box.height).toBeCloseTo(16 / 9, 1)
  // Its text, paragraph by paragraph.
  await expect(
    main(page)
      .getByRole('article')
      .locator('p', { hasText: /^The update also fixes/ }),
  ).toBeVisible()

  const attachments = page.getByRole('region', { name: 'Attachments' })
  const items = attachments.getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(
    items.nth(0).getByRole('link', { name: 'Library podcast, episode 12: the catalogue app' }),
  ).toHaveAttribute('href', 'https://library.example/podcast/episode-12.mp3')
  await expect(items.nth(0)).toContainText('audio/mpeg · 18.9 MB · 21 minutes 5 seconds')
  await expect(
    items.nth(1).getByRole('link', { name: 'Release notes for version 3.2' }),
  ).toBeVisible()
  await expect(items.nth(1)).toContainText('application/pdf · 248 kB')
  // The audio plays with the browser's own controls, never on its own; a PDF has no player.
  const player = items.nth(0).locator('audio')
  await expect(player).toHaveAttribute('controls', '')
  await expect(player).not.toHaveAttribute('autoplay')
  await expect(player).toHaveJSProperty('paused', true)
  await expect(items.nth(1).locator('audio, video')).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Tags' }).getByRole('link')).toHaveText([
    '#catalogue app',
  ])
})

test('an item in another language than the feed’s is marked as such', async ({ page }) => {
  await page.goto(storyPath(FRENCH.id))
  await expect(heading1(page, FRENCH.title)).toBeVisible()
  await expect(main(page).getByRole('article')).toHaveAttribute('lang', 'fr')
  await expect(main(page)).toHaveAttribute('lang', 'en-GB')
  await expect(main(page).getByText(/^Du mardi 1er décembre à la fin février/)).toBeVisible()
  // No authors of its own: the feed's.
  await expect(byline(page).getByRole('link', { name: FEED })).toBeVisible()
})
