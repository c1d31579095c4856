import type { Page } from '@playwright/test'
import { KEPT_FEED_KEY } from '../src/features/feed/feed-config'
import { SEED, sampleFeed, seedTopic, storiesOnTopic, storyPath, topicPath } from './support/feed'
import { expect, settle, test } from './support/fixtures'
import type { App } from './support/fixtures'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'
import {
  expectFeedErrorScreen,
  expectSectionClosed,
  expectSectionOpen,
  expectUrl,
  heading1,
  sectionBody,
  sectionButton,
  showAllButton,
  storyLink,
  topicChip,
  topicDialog,
} from './support/reader'

const [whatsHappened, papersSay, howWeGotHere] = SEED.sections
const seedPath = storyPath(SEED.id)
/** What a failed feed load puts in the console and the network log. */
const FEED_FAILURE = /feed/i

test.describe('the list of stories', () => {
  test('shows the latest stories as links in an ordered list, newest first', async ({ app }) => {
    await app.goto('/')
    const { root } = app
    await expect(
      root.getByRole('banner').getByRole('link', { name: 'Briefing', exact: true }),
    ).toBeVisible()
    const main = root.getByRole('main')
    await expect(main.getByRole('heading', { level: 1, name: 'Latest stories' })).toBeVisible()

    const articles = main.locator('ol article')
    await expect(articles.first()).toBeVisible()
    await expect(main.getByRole('article')).toHaveCount(await articles.count())
    const newest = sampleFeed().items[0]?.title
    if (newest) await expect(articles.first().getByRole('link', { name: newest })).toBeVisible()

    await storyLink(root, SEED.title).click()
    await expect(heading1(root, SEED.title)).toBeVisible()
    await expectUrl(app).toBe(`/stories/${SEED.id}`)
  })

  test('leaves out an invalid item and says so', async ({ app, page }) => {
    const feed = sampleFeed()
    await page.route('**/feed.json', (route) =>
      route.fulfill({
        json: { ...feed, items: [...feed.items, { title: 'An item without an id' }] },
      }),
    )
    await app.goto('/')
    await expect(app.root.getByText('1 story could not be shown')).toBeVisible()
    await expect(storyLink(app.root, SEED.title)).toBeVisible()
  })
})

test.describe('the seed story', () => {
  test('shows its title, its non-empty sections, its sources and its topics', async ({ app }) => {
    await app.goto(seedPath)
    const { root } = app
    await expect(heading1(root, SEED.title)).toBeVisible()
    await expect(root.getByRole('heading', { level: 2 })).toContainText([
      whatsHappened.title,
      papersSay.title,
      howWeGotHere.title,
    ])
    await expect(root.getByText(SEED.emptySection)).toHaveCount(0)

    await expectSectionOpen(root, whatsHappened)
    await expectSectionClosed(root, papersSay)
    await expectSectionClosed(root, howWeGotHere)

    await sectionButton(root, papersSay.title).click()
    await expectSectionOpen(root, papersSay)
    for (const source of SEED.sources) {
      await expect(
        sectionBody(root, papersSay.id).getByRole('link', { name: source }),
      ).toBeVisible()
    }

    await expect(root.getByRole('heading', { name: 'More on these topics' })).toBeVisible()
    for (const topic of SEED.topics) await expect(topicChip(root, topic.name)).toBeVisible()
  })

  test('opening a section names it in the URL without a new history entry', async ({ app }) => {
    await app.goto(seedPath)
    const { root } = app
    const frame = await app.frame()
    const entries = await frame.evaluate(() => history.length)

    await sectionButton(root, howWeGotHere.title).click()
    await expectSectionOpen(root, howWeGotHere)
    await expectUrl(app).toBe(`/stories/${SEED.id}#${howWeGotHere.id}`)
    expect(await frame.evaluate(() => history.length)).toBe(entries)

    await sectionButton(root, howWeGotHere.title).click()
    await expectSectionClosed(root, howWeGotHere)
  })

  test('"Show all sections" opens every section, "Hide all sections" closes them', async ({
    app,
  }) => {
    await app.goto(seedPath)
    const { root } = app
    await expect(showAllButton(root)).toHaveAccessibleName('Show all sections')
    await showAllButton(root).click()
    for (const section of SEED.sections) await expectSectionOpen(root, section)
    await expect(showAllButton(root)).toHaveAccessibleName('Hide all sections')

    await showAllButton(root).click()
    for (const section of SEED.sections) await expectSectionClosed(root, section)
    await expect(showAllButton(root)).toHaveAccessibleName('Show all sections')
  })

  test('a fragment in the URL opens the section it names', async ({ app }) => {
    await app.goto(`${seedPath}#${howWeGotHere.id}`)
    await expect(heading1(app.root, SEED.title)).toBeVisible()
    await expectSectionOpen(app.root, howWeGotHere)
    await expectSectionClosed(app.root, papersSay)
  })
})

test.describe('topic cards', () => {
  test('each chip opens its card with ?topic=<id>; Escape closes it and focus returns', async ({
    app,
    page,
  }) => {
    await app.goto(seedPath)
    const { root } = app
    for (const topic of SEED.topics) {
      await test.step(topic.name, async () => {
        const chip = topicChip(root, topic.name)
        await chip.click()
        const card = topicDialog(root, topic.name)
        await expect(card).toBeVisible()
        await expectUrl(app).toBe(`/stories/${SEED.id}?topic=${topic.id}`)

        const wikipedia = seedTopic(topic.id).url
        const readMore = card.getByRole('link', { name: /^Read more/ })
        await expect(readMore).toBeVisible()
        if (wikipedia) await expect(readMore).toHaveAttribute('href', wikipedia)
        await expect(card.getByRole('button', { name: 'Close', exact: true })).toBeVisible()
        await expect(
          card.getByRole('heading', { name: 'More stories on this topic' }),
        ).toBeVisible()
        await expectOtherStoriesListed(app, topic.id, topic.name)
        const all = card.getByRole('link', { name: `All stories on ${topic.name}`, exact: true })
        await expect(all).toHaveAttribute('href', new RegExp(`${topicPath(topic.id)}$`))

        await page.keyboard.press('Escape')
        await expect(card).toBeHidden()
        await expectUrl(app).toBe(`/stories/${SEED.id}`)
        await expect(chip).toBeFocused()
      })
    }
  })

  test('a summary the publisher cut mid-word ends with "…"', async ({ app }) => {
    await app.goto(seedPath)
    await topicChip(app.root, 'Russia').click()
    const summary = app.root
      .getByRole('dialog', { name: 'Russia', exact: true })
      .getByText(/^Russia, or the Russian Federation/)
    await expect(summary).toBeVisible()
    expect((await summary.innerText()).trim()).toMatch(/…$/)
  })

  test('"Close" closes the card and focus returns to the chip', async ({ app }) => {
    await app.goto(seedPath)
    const chip = topicChip(app.root, 'Kim Jong-un')
    await chip.click()
    const card = topicDialog(app.root, 'Kim Jong-un')
    await card.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(card).toBeHidden()
    await expect(chip).toBeFocused()
    await expectUrl(app).toBe(`/stories/${SEED.id}`)
  })

  // Back belongs to the host page's history, not the embedded reader's.
  test(
    'Back closes the card and focus returns to the chip',
    { tag: '@not-embedded' },
    async ({ app, page }) => {
      await app.goto(seedPath)
      const chip = topicChip(app.root, 'Ukraine')
      await chip.click()
      const card = topicDialog(app.root, 'Ukraine')
      await expect(card).toBeVisible()
      await page.goBack()
      await expect(card).toBeHidden()
      await expectUrl(app).toBe(`/stories/${SEED.id}`)
      await expect(chip).toBeFocused()
      await expect(heading1(app.root, SEED.title)).toBeVisible()
    },
  )

  test('a story in the card opens that story', async ({ app }) => {
    await app.goto(seedPath)
    await topicChip(app.root, 'Kim Jong-un').click()
    const card = topicDialog(app.root, 'Kim Jong-un')
    const other = await firstOtherStoryIn(app, 'kim-jong-un', 'Kim Jong-un')
    await card.getByRole('link', { name: other.title, exact: true }).click()
    await expect(heading1(app.root, other.title)).toBeVisible()
    await expect(card).toBeHidden()
    await expectUrl(app).toBe(`/stories/${other.id}`)
  })

  test('"All stories on …" opens the topic page', async ({ app }) => {
    await app.goto(seedPath)
    await topicChip(app.root, 'Mark Rutte').click()
    await topicDialog(app.root, 'Mark Rutte')
      .getByRole('link', { name: 'All stories on Mark Rutte', exact: true })
      .click()
    await expect(heading1(app.root, 'Mark Rutte')).toBeVisible()
    await expectUrl(app).toBe('/topics/mark-rutte')
  })
})

test('a topic page lists every story that names the topic', async ({ app }) => {
  await app.goto(topicPath('north-korea'))
  await expect(heading1(app.root, 'North Korea')).toBeVisible()
  const stories = storiesOnTopic('north-korea')
  expect(stories.length).toBeGreaterThan(1)
  for (const story of stories) await expect(storyLink(app.root, story.title)).toBeVisible()
})

test.describe('what is not there', () => {
  test('an unknown story says so and leads back to all stories', async ({ app }) => {
    await app.goto('/stories/nope')
    await expect(heading1(app.root, 'Story not found')).toBeVisible()
    await app.root.getByRole('link', { name: 'Back to all stories' }).click()
    await expect(heading1(app.root, 'Latest stories')).toBeVisible()
  })

  test('an unknown topic says so', async ({ app }) => {
    await app.goto('/topics/nope')
    await expect(heading1(app.root, 'Topic not found')).toBeVisible()
  })

  test('an unknown path says so', async ({ app }) => {
    await app.goto('/no/such/page')
    await expect(heading1(app.root, 'Page not found')).toBeVisible()
  })
})

test.describe('when the feed cannot be loaded', () => {
  const failures = {
    'the server answers 500': (page: Page) =>
      page.route(FEED_REQUESTS, (route) => route.fulfill({ status: 500, body: 'Server error' })),
    'the network fails': (page: Page) => page.route(FEED_REQUESTS, (route) => route.abort()),
  }
  for (const [failure, breakFeed] of Object.entries(failures)) {
    test(`${failure}: an error screen says what failed, and "Try again" loads the stories`, async ({
      app,
      page,
      allowErrors,
    }) => {
      allowErrors(FEED_FAILURE)
      // A feed set at run time: the list built ahead of time would stay, with a notice.
      await readFeedAtRunTime(page)
      await breakFeed(page)
      await page.clock.install()
      await app.goto('/')
      await expectFeedErrorScreen(page, app.root)
      await expect(app.root.getByRole('main')).toContainText(/feed|server|network|connection/i)

      await page.unroute(FEED_REQUESTS)
      await app.root.getByRole('button', { name: 'Try again' }).click()
      await expect(heading1(app.root, 'Latest stories')).toBeVisible()
      await expect(storyLink(app.root, SEED.title)).toBeVisible()
    })
  }
})

// Screenshots at the two sizes: desktop and phone.
test(
  'screenshots of the list, a story, a card, a topic page and an error, light and dark',
  { tag: '@not-embedded' },
  async ({ app, page, takeScreenshot, allowErrors }) => {
    test.slow()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.goto('/')
      await expect(storyLink(app.root, SEED.title)).toBeVisible()
      await takeScreenshot(`list-${scheme}`)

      await app.goto(seedPath)
      await expectSectionOpen(app.root, whatsHappened)
      await takeScreenshot(`story-${scheme}`)

      await topicChip(app.root, 'Kim Jong-un').click()
      await expect(topicDialog(app.root, 'Kim Jong-un')).toBeVisible()
      await settle(page)
      // The viewport: a full-page capture stretches the window and misplaces the fixed card.
      await takeScreenshot(`card-${scheme}`, { fullPage: false })

      await app.goto(topicPath('north-korea'))
      await expect(heading1(app.root, 'North Korea')).toBeVisible()
      await takeScreenshot(`topic-${scheme}`)
    }
    allowErrors(FEED_FAILURE)
    await readFeedAtRunTime(page)
    await page.route(FEED_REQUESTS, (route) => route.fulfill({ status: 500, body: 'Server error' }))
    // As on a first visit: no feed kept from the visits above to show instead.
    await page.addInitScript((key) => {
      try {
        localStorage.removeItem(key)
      } catch {
        // A document without storage (an opaque origin) keeps nothing anyway.
      }
    }, KEPT_FEED_KEY)
    await page.clock.install()
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await app.goto('/')
      await expectFeedErrorScreen(page, app.root)
      await takeScreenshot(`error-${scheme}`)
    }
  },
)

async function expectOtherStoriesListed(app: App, topicId: string, name: string): Promise<void> {
  const others = storiesOnTopic(topicId).filter((story) => story.id !== SEED.id)
  const card = topicDialog(app.root, name)
  await expect(card.getByRole('link', { name: SEED.title, exact: true })).toHaveCount(0)
  if (others.length > 0) await firstOtherStoryIn(app, topicId, name)
}

/** The first story on the topic, other than the seed, that the card links to. */
async function firstOtherStoryIn(app: App, topicId: string, name: string) {
  const card = topicDialog(app.root, name)
  await expect(card.getByRole('heading', { name: 'More stories on this topic' })).toBeVisible()
  const others = storiesOnTopic(topicId).filter((story) => story.id !== SEED.id)
  for (const story of others) {
    if ((await card.getByRole('link', { name: story.title, exact: true }).count()) > 0) return story
  }
  throw new Error(`The ${name} card links to none of the ${others.length} other stories on it`)
}

// README's picture (docs/screenshot.png): the seed story with a topic card open, on a phone
// and on a desktop, side by side. Written to test-results/screens/readme.png on every run,
// and over docs/screenshot.png with UPDATE_DOCS=1.
test(
  'the README screenshot: a story and its card, phone and desktop',
  { tag: '@desktop-only' },
  async ({ browser, page, baseURL }) => {
    const shots: string[] = []
    for (const size of [
      {
        viewport: { width: 390, height: 780 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
      { viewport: { width: 1280, height: 780 }, deviceScaleFactor: 1 },
    ]) {
      const context = await browser.newContext({
        ...size,
        baseURL,
        colorScheme: 'light',
        serviceWorkers: 'block',
      })
      const shot = await context.newPage()
      await shot.goto(seedPath)
      await topicChip(shot, 'Kim Jong-un').click()
      await expect(topicDialog(shot, 'Kim Jong-un')).toBeVisible()
      await settle(shot)
      shots.push((await shot.screenshot()).toString('base64'))
      await context.close()
    }
    await page.setViewportSize({ width: 1600, height: 860 })
    await page.setContent(
      `<body style="margin:0;display:flex;gap:40px;align-items:center;justify-content:center;height:860px;background:#e9e6df">
      <img src="data:image/png;base64,${shots[0]}" style="width:390px;border-radius:28px;box-shadow:0 12px 40px #0003">
      <img src="data:image/png;base64,${shots[1]}" style="width:1080px;border-radius:10px;box-shadow:0 12px 40px #0003">
    </body>`,
    )
    const files = ['test-results/screens/readme.png']
    if (process.env.UPDATE_DOCS) files.push('docs/screenshot.png')
    for (const file of files) await page.screenshot({ path: file })
  },
)
