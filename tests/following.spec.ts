import type { Locator, Page } from '@playwright/test'
import { SEED, sampleFeed, storiesOnTopic, storyPath, topicPath, type Feed } from './support/feed'
import { expect, test } from './support/fixtures'
import {
  expectHydrated,
  heading1,
  sectionBody,
  storyLink,
  topicChip,
  topicDialog,
} from './support/reader'
import { validateFeedDocument } from '../src/features/feed/validate-feed'
import { slugify } from '../src/lib/text'
import { APP_ORIGIN } from './support/env'
import { breakStorage, openSettings } from './support/reading'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'

// Following, what changed and what is new are the full reader's: an embed has no header.
test.describe.configure({ mode: 'default' })

const russia = SEED.topics[1]
const onRussia = storiesOnTopic(russia.id)

const followingLink = (page: Page) =>
  page.getByRole('banner').getByRole('link', { name: /^Following/ })
const followButton = (root: Page | Locator, name: string) =>
  root.getByRole('button', { name: new RegExp(`^Follow(ing)? ${name}$`) })
const followedList = (page: Page) => page.getByRole('main').getByRole('list').first()

async function followFromCard(page: Page) {
  await page.goto(storyPath(SEED.id))
  await expectHydrated(page)
  await topicChip(page, russia.name).click()
  const card = topicDialog(page, russia.name)
  const follow = followButton(card, russia.name)
  await expect(follow).toHaveAttribute('aria-pressed', 'false')
  await expect(follow).toHaveText(/^Follow/)
  await follow.click()
  await expect(follow).toHaveAttribute('aria-pressed', 'true')
  await expect(follow).toHaveText(/^Following/)
  await page.keyboard.press('Escape')
  await expect(card).toBeHidden()
}

test.describe('following topics @not-embedded', () => {
  test('follow from a card: Following lists the topic’s stories and counts the unread; unfollow empties it', async ({
    page,
    checkA11y,
    takeScreenshot,
  }) => {
    expect(onRussia.length).toBeGreaterThan(2)
    // Nothing followed: the page says how to follow.
    await page.goto('/following')
    await expect(heading1(page, 'Following')).toBeVisible()
    await expect(page.getByText('You are not following any topic yet.')).toBeVisible()
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await checkA11y(page, `Following, empty (${colorScheme})`)
    }
    await page.emulateMedia({ colorScheme: 'light' })

    await followFromCard(page)
    // The seed story is read (it was opened): the others are unread.
    const unread = onRussia.length - 1
    await expect(followingLink(page)).toHaveAccessibleName(new RegExp(`${unread} unread`))
    await followingLink(page).click()
    await expect(heading1(page, 'Following')).toBeVisible()
    await expect(page.getByRole('status')).toHaveText(
      `${onRussia.length} stories, ${unread} unread`,
    )
    const items = followedList(page).getByRole('listitem')
    await expect(items).toHaveCount(onRussia.length)
    await expect(items.getByText(`Because you follow ${russia.name}`)).toHaveCount(onRussia.length)
    await expect(items.getByText('Unread', { exact: true })).toHaveCount(unread)
    const seed = items.filter({ hasText: SEED.title })
    await expect(seed.getByText('Read', { exact: true })).toBeVisible()
    // Newest first.
    const dates = await items
      .locator('time')
      .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')))
    expect(dates).toEqual([...dates].sort((a, b) => b - a))

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await checkA11y(page, `Following (${colorScheme})`)
      await takeScreenshot(`following-${colorScheme}`, { fullPage: false })
    }
    await page.emulateMedia({ colorScheme: 'light' })

    // Unfollow from the page's list of follows.
    const follows = page.getByRole('region', { name: 'You follow' })
    await followButton(follows, russia.name).click()
    await expect(page.getByText('You are not following any topic yet.')).toBeVisible()
    await expect(followingLink(page)).toHaveAccessibleName('Following')
  })

  test('a topic page and a tag page have the toggle; two tabs stay in step', async ({ page }) => {
    const other = await page.context().newPage()
    await other.goto('/following')
    await expect(other.getByText('You are not following any topic yet.')).toBeVisible()

    await page.goto(topicPath(russia.id))
    await expectHydrated(page)
    await followButton(page, russia.name).click()
    // The other tab hears of it (the storage event), with no reload.
    await expect(followedList(other).getByRole('listitem')).toHaveCount(onRussia.length)
    await expect(followButton(other, russia.name)).toHaveAttribute('aria-pressed', 'true')

    // And back: unfollowed in the other tab, the topic page's toggle follows.
    await followButton(other, russia.name).click()
    await expect(followButton(page, russia.name)).toHaveAttribute('aria-pressed', 'false')

    const tagged = sampleFeed().items.find((item) => (item as { tags?: string[] }).tags?.length)
    const tag = (tagged as { tags?: string[] } | undefined)?.tags?.[0]
    if (tag) {
      await page.goto(`/tags/${encodeURIComponent(tag)}`)
      await followButton(page, `#${tag}`).click()
      await expect(followButton(page, `#${tag}`)).toHaveAttribute('aria-pressed', 'true')
      await expect(followButton(other, `#${tag}`)).toHaveAttribute('aria-pressed', 'true')
    }
    await other.close()
  })

  test('where storage is blocked, follows last the tab and the page says so', async ({ page }) => {
    await breakStorage(page, { writes: true })
    await page.goto(topicPath(russia.id))
    await expectHydrated(page)
    await followButton(page, russia.name).click()
    await followingLink(page).click()
    await expect(page.getByText(/This browser is not keeping what you follow/)).toBeVisible()
    await expect(followedList(page).getByRole('listitem')).toHaveCount(onRussia.length)
  })
})

/** The sample feed, with the seed story modified at `modified` and some sections edited. */
function editedFeed(modified: string, edit: (id: string, text: string) => string): Feed {
  const feed = structuredClone(sampleFeed())
  const seed = feed.items.find((item) => String(item.id) === SEED.id)!
  Object.assign(seed, { date_modified: modified })
  for (const section of seed._story?.sections ?? []) {
    section.text = edit(String(section.id), section.text ?? '')
  }
  return feed
}

test.describe('what changed since the reader read it @not-embedded', () => {
  test('an updated story is marked in the list; its changed section is marked and open', async ({
    page,
    checkA11y,
    takeScreenshot,
  }) => {
    const [whatsHappened, papers, howWeGotHere] = SEED.sections
    let feed = sampleFeed()
    await readFeedAtRunTime(page)
    await page.route(FEED_REQUESTS, (route) => route.fulfill({ json: feed }))
    const stored = () => page.evaluate(() => localStorage.getItem('briefing:v1:reading') ?? '')
    // A first visit to the list, then the story read.
    await page.goto('/')
    await expect.poll(stored).toContain('"lastVisit"')
    await page.goto(storyPath(SEED.id))
    await expect(heading1(page, SEED.title)).toBeVisible()
    // The reading is recorded once the page has shown.
    await expect.poll(stored).toMatch(/"opened":\[\{"id":"[^"]+","readAt":"[^"]+","h":"\w{7,}"/)

    // A second version: modified since, one section rewritten, another only re-punctuated,
    // and a story published since the last visit.
    const later = new Date(Date.now() + 60_000).toISOString()
    feed = editedFeed(later, (id, text) =>
      id === howWeGotHere.id
        ? `${text} A new paragraph: the troops reached the front in November.`
        : id === papers.id
          ? `${text.replaceAll(',', '')}  `
          : text,
    )
    feed.items.unshift({
      ...structuredClone(feed.items.find((item) => String(item.id) !== SEED.id)!),
      id: 'a-story-published-since',
      title: 'A story published since the last visit',
      date_published: new Date().toISOString(),
    } as Feed['items'][number])

    await page.goto('/')
    const list = page.getByRole('main').getByRole('list').first()
    const seedRow = list.getByRole('listitem').filter({ hasText: SEED.title })
    await expect(seedRow.getByText('Updated', { exact: true })).toBeVisible()
    const fresh = list
      .getByRole('listitem')
      .filter({ hasText: 'A story published since the last visit' })
    await expect(fresh.getByText('New', { exact: true })).toBeVisible()
    await expect(page.getByText(/^1 new since \w+ \d\d:\d\d$/)).toBeVisible()
    // Only those two carry a mark.
    await expect(list.getByText(/^(Updated|New)$/)).toHaveCount(2)

    await storyLink(page, SEED.title).click()
    const changed = page
      .getByRole('heading', { level: 2 })
      .getByRole('button', { name: new RegExp(`^${howWeGotHere.title} Updated \\d+ \\w+ \\d{4}$`) })
    await expect(changed).toHaveAttribute('aria-expanded', 'true')
    await expect(sectionBody(page, howWeGotHere.id)).toContainText('reached the front in November')
    // Re-punctuated is no change: neither marked nor opened.
    const same = page
      .getByRole('heading', { level: 2 })
      .getByRole('button', { name: papers.title, exact: true })
    await expect(same).toHaveAttribute('aria-expanded', 'false')
    await expect(
      page.getByRole('heading', { level: 2 }).getByRole('button', { name: whatsHappened.title }),
    ).toHaveAttribute('aria-expanded', 'true')

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await checkA11y(page, `an updated story (${colorScheme})`)
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await changed.scrollIntoViewIfNeeded()
    await takeScreenshot('updated-story', { fullPage: false })
  })
})

test.describe('export and import @not-embedded', () => {
  test('what is followed, read and saved goes to a file and merges into another browser', async ({
    page,
    browser,
    checkA11y,
  }) => {
    await page.goto(topicPath(russia.id))
    await expectHydrated(page)
    await followButton(page, russia.name).click()
    await page.goto(storyPath(SEED.id))
    await expectHydrated(page)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const panel = await openSettings(page)
    await checkA11y(page, 'the settings menu with export and import')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export' }).click(),
    ])
    const file = await download.path()

    // Another browser, which already follows something else: the import adds, loses nothing.
    const context = await browser.newContext({ baseURL: APP_ORIGIN })
    const other = await context.newPage()
    const ukraine = SEED.topics[2]
    await other.goto(topicPath(ukraine.id))
    await followButton(other, ukraine.name).click()
    const otherPanel = await openSettings(other)
    // A bad file first: it says so, and changes nothing.
    await otherPanel.getByLabel('Import…').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"read": oops'),
    })
    await expect(otherPanel.getByRole('status')).toHaveText(/not JSON/)
    await otherPanel.getByLabel('Import…').setInputFiles(file)
    await expect(otherPanel.getByRole('status')).toHaveText(
      'Imported: you follow 2, have read 1 and saved 1.',
    )
    await other.keyboard.press('Escape')
    await followingLink(other).click()
    const follows = other.getByRole('region', { name: 'You follow' })
    await expect(followButton(follows, russia.name)).toHaveAttribute('aria-pressed', 'true')
    await expect(followButton(follows, ukraine.name)).toHaveAttribute('aria-pressed', 'true')
    await other.getByRole('banner').getByRole('link', { name: 'Saved' }).click()
    await expect(storyLink(other, SEED.title)).toBeVisible()
    await context.close()
  })
})

test.describe('a feed per topic and per tag @not-embedded', () => {
  test('the build writes one, valid, linked from its topic page, which stays the app', async ({
    page,
  }) => {
    await page.goto(topicPath(russia.id))
    await expect(heading1(page, russia.name)).toBeVisible()
    const alternate = page.locator('link[rel="alternate"][type="application/feed+json"]')
    await expect(alternate).toHaveAttribute('href', `/topics/${russia.id}/feed.json`)
    const href = (await alternate.getAttribute('href'))!
    const response = await page.request.get(href)
    expect(response.ok()).toBe(true)
    const topicFeed = (await response.json()) as Feed
    const report = validateFeedDocument(topicFeed, new URL(href, APP_ORIGIN).href)
    expect(report.errors).toEqual([])
    expect(topicFeed.items.map((item) => String(item.id)).sort()).toEqual(
      onRussia.map((s) => s.id).sort(),
    )
    expect(topicFeed.items.every((item) => item._story)).toBe(true)
    // A tag's feed too.
    const tagged = sampleFeed().items.find((item) => (item as { tags?: string[] }).tags?.length)
    const tag = (tagged as { tags?: string[] } | undefined)?.tags?.[0]
    if (tag) {
      const tagFeed = await page.request.get(`/tags/${slugify(tag)}/feed.json`)
      expect(tagFeed.ok()).toBe(true)
      expect(validateFeedDocument(await tagFeed.json(), APP_ORIGIN).errors).toEqual([])
    }
  })
})
