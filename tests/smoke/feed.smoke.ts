import { readFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseFeedText } from '../../src/features/feed/parse-feed'
import { storyPath } from '../../src/lib/urls'
import { expect, test } from '../support/fixtures'
import { heading1, storyLink, topicDialog } from '../support/reader'

/*
 * A publisher's feed, built as they build it (scripts/feed-smoke.mjs puts it in
 * public/feed.json of a copy of the project and runs `npm run build`): the list shows it,
 * a story opens at a readable address and was built ahead of time, a link that carries the
 * id opens it too, a topic card (or a tag's page, for a feed without topics) opens, and the
 * feed's next pages, shipped beside it, are read on. What to expect is read from the feed.
 */
const dist = path.resolve(process.env.DIST ?? 'dist')
const feedFile = path.join(dist, 'feed.json')
const feed = parseFeedText(readFileSync(feedFile, 'utf8'), 'http://127.0.0.1/feed.json')
const newest = feed.stories[0]!
const withTopics = feed.stories.find((story) => story.topics.length > 0)
const withTags = feed.stories.find((story) => story.tags.length > 0)
/** The feed's next page when it is shipped beside it (a relative next_url, a file in dist/). */
const nextFile = feed.nextUrl?.startsWith('http://127.0.0.1/')
  ? path.join(dist, new URL(feed.nextUrl).pathname)
  : undefined

// A next page elsewhere (a feed copied from its site) cannot be read here: the list ends
// with its notice, which is right, and the refused request is not this run's failure.
test.beforeEach(({ allowErrors }) => {
  if (feed.nextUrl && !nextFile)
    allowErrors(new RegExp(new URL(feed.nextUrl).host.replaceAll('.', '\\.')))
})

test(`the list shows the feed's newest stories: ${feed.title}`, async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('banner')).toContainText(feed.title.slice(0, 20))
  await expect(storyLink(page, newest.title)).toBeVisible()
  // Nothing is wider than the screen, whatever the feed's titles.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  )
})

test('a story opens from the list at a readable address', async ({ page }) => {
  await page.goto('/')
  await storyLink(page, newest.title).click()
  await expect(heading1(page, newest.title)).toBeVisible()
  const { pathname } = new URL(page.url())
  expect(pathname).toBe(storyPath(newest))
  expect(pathname).toMatch(/^\/stories\/[^/.%]+$/)
})

test('every story is built ahead of time, with its title and Open Graph tags', async ({
  request,
}) => {
  // All of a short feed; of a long one the newest, the oldest and one in the middle.
  const all = feed.stories
  const some = all.length > 30 ? [all[0]!, all[all.length >> 1]!, all.at(-1)!] : all
  for (const story of some) {
    const response = await request.get(storyPath(story))
    expect(response.status(), storyPath(story)).toBe(200)
    const html = await response.text()
    expect(html).toContain('data-prerendered-path')
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"/)
    expect(html).toContain('<h1')
  }
})

test("a post's HTML is built ahead of time as the sanitiser leaves it", async ({ request }) => {
  const posts = feed.stories.filter((story) => story.contentHtml)
  test.skip(posts.length === 0, 'The feed has no HTML content.')
  for (const story of posts) {
    const html = await (await request.get(storyPath(story))).text()
    // The page as built, up to the feed it carries as JSON (which the app reads as data).
    const body = html.slice(
      html.indexOf('<div id="root"'),
      html.indexOf('<script type="application/json"'),
    )
    expect(body).toContain('class="feed-html')
    expect(body).not.toMatch(/<script|\son\w+=|javascript:/i)
  }
})

test('a link that carries the story id, as links did before slugs, opens the story', async ({
  page,
}) => {
  const story = feed.stories.find((s) => storyPath(s) !== `/stories/${s.id}`) ?? newest
  await page.goto(`/stories/${encodeURIComponent(story.id)}`)
  await expect(heading1(page, story.title)).toBeVisible()
  await expect(page).toHaveURL((url) => url.pathname === storyPath(story))
})

test('a topic card opens from a story, or a tag page where the feed has no topics', async ({
  page,
}) => {
  test.skip(!withTopics && !withTags, 'The feed names neither topics nor tags.')
  if (withTopics) {
    const [topic] = withTopics.topics
    await page.goto(storyPath(withTopics))
    await page.getByRole('button', { name: topic!.name, exact: true }).first().click()
    await expect(topicDialog(page, topic!.name)).toBeVisible()
    return
  }
  const tag = withTags!.tags[0]!
  await page.goto(storyPath(withTags!))
  await page.getByRole('navigation', { name: 'Tags' }).getByRole('link', { name: tag }).click()
  await expect(storyLink(page, withTags!.title)).toBeVisible()
})

test("the feed's next page, shipped beside it, is read on", async ({ page }) => {
  test.skip(!nextFile, 'The feed ships no next page beside it.')
  const nextFeed = parseFeedText(readFileSync(nextFile!, 'utf8'), feed.nextUrl!)
  await page.goto('/')
  const older = storyLink(page, nextFeed.stories[0]!.title)
  // The list reads on as the reader nears its end; the button is there too.
  await expect(async () => {
    await page.keyboard.press('End')
    await expect(older).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
})
