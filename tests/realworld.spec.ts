import { readFileSync } from 'node:fs'
import { expect, test } from './support/fixtures'
import { heading1, storyLink } from './support/reader'
import { storyPath } from './support/feed'

// A JSON Feed 1.0 that someone else published (tests/fixtures/), kept byte for byte,
// served as the reader's feed: all eight items, newest first, and their own fields.
const bret = JSON.parse(
  readFileSync(new URL('./fixtures/jsonfeed-1.0-bret-io.json', import.meta.url), 'utf8'),
) as {
  next_url: string
  items: { id: string; title: string; date_published: string }[]
}
const newestFirst = [...bret.items].sort((a, b) => b.date_published.localeCompare(a.date_published))

// The feed and its pages, at desktop and phone sizes (not framed: playwright.config.ts).
test.beforeEach(async ({ page, allowErrors }) => {
  await page.route('**/feed.json', (route) => route.fulfill({ json: bret }))
  // Its next page does not exist: the publisher's server answers 404.
  allowErrors(/2017\.json/)
  // Its attachments live on example.com, which the offline tests do not reach.
  allowErrors(/example\.com\/attatchments[^ ]*\.mp4/)
  await page.route(bret.next_url, (route) =>
    route.fulfill({
      status: 404,
      body: 'Not found',
      headers: { 'Access-Control-Allow-Origin': '*' },
    }),
  )
})

test('all eight items, newest first; the missing next page ends the list with a notice and a retry', async ({
  page,
  takeScreenshot,
}) => {
  await page.goto('/')
  const list = page.getByRole('main').getByRole('list').first()
  await expect(list.getByRole('link', { name: newestFirst[0]!.title })).toBeVisible()
  const links = list.getByRole('heading').getByRole('link')
  await expect(links).toHaveText(newestFirst.map((item) => item.title))

  await page.getByRole('button', { name: /Load more stories|Try again/ }).click()
  await expect(page.getByText('The next page of stories could not be loaded.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(heading1(page, 'The stories could not be loaded')).toHaveCount(0)
  await expect(links).toHaveCount(8)
  await takeScreenshot('realworld-list')
})

test('each item opens to its content', async ({ page }) => {
  for (const item of newestFirst) {
    await page.goto(storyPath(item.id))
    await expect(heading1(page, item.title)).toBeVisible()
    const article = page.getByRole('main').getByRole('article')
    expect((await article.innerText()).trim().length).toBeGreaterThan(item.title.length)
  }
})

test('tags are chips that open a tag page; the feed author is named', async ({ page }) => {
  const tagged = newestFirst.find((item) => item.title === 'A post with some tags')!
  await page.goto(storyPath(tagged.id))
  await expect(heading1(page, tagged.title)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Bret Comnes' })).toHaveAttribute(
    'href',
    'https://bret.io/',
  )
  const tags = page.getByRole('navigation', { name: 'Tags' })
  await expect(tags.getByRole('link')).toHaveText(['#foo', '#bar'])
  await tags.getByRole('link', { name: 'foo' }).click()
  await expect(heading1(page, '#foo')).toBeVisible()
  await expect(storyLink(page, tagged.title)).toBeVisible()
})

test('attachments are listed as links with their type, size and duration in words', async ({
  page,
  takeScreenshot,
}) => {
  const item = newestFirst.find((i) => i.title === 'Attachments')!
  await page.goto(storyPath(item.id))
  const attachments = page.getByRole('region', { name: 'Attachments' })
  const link = attachments.getByRole('link', { name: 'Hey this is a podcast' })
  await expect(link).toHaveAttribute('href', 'https://example.com/attatchments.mp4')
  await expect(attachments).toContainText('audio/mpeg · 1.2 kB · 3 hours 25 minutes 45 seconds')
  // Playable in place with the browser's own controls, never on its own.
  const players = attachments.locator('audio, video')
  for (const player of await players.all()) {
    await expect(player).toHaveAttribute('controls', '')
    await expect(player).not.toHaveAttribute('autoplay')
  }
  await takeScreenshot('realworld-item')
})
