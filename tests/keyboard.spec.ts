import { SEED, storyPath } from './support/feed'
import { expect, test } from './support/fixtures'
import { press, tabTo } from './support/keyboard'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'
import {
  expectFeedErrorScreen,
  expectSectionClosed,
  expectSectionOpen,
  heading1,
  sectionBody,
  sectionButton,
  showAllButton,
  storyLink,
  topicChip,
  topicDialog,
} from './support/reader'

// Tab, Shift+Tab, Enter, Space and Escape only: no clicks. Every Tab stop is checked for a
// visible focus indicator and for focus never landing in hidden or inert content.

const [, papersSay, howWeGotHere] = SEED.sections

test('the seed story can be found and read with the keyboard alone', async ({ app, page }) => {
  await app.goto('/')
  const { root } = app
  await tabTo(page, app, storyLink(root, SEED.title))
  await press(page, app, 'Enter')
  await expect(heading1(root, SEED.title)).toBeVisible()

  await tabTo(page, app, sectionButton(root, papersSay.title))
  await press(page, app, 'Space')
  await expectSectionOpen(root, papersSay)
  await tabTo(
    page,
    app,
    sectionBody(root, papersSay.id).getByRole('link', { name: SEED.sources[0] }),
  )

  await tabTo(page, app, showAllButton(root), { key: 'Shift+Tab' })
  await press(page, app, 'Enter')
  for (const section of SEED.sections) await expectSectionOpen(root, section)
  await expect(showAllButton(root)).toHaveAccessibleName('Hide all sections')

  await tabTo(page, app, sectionButton(root, howWeGotHere.title))
  await press(page, app, 'Enter')
  await expectSectionClosed(root, howWeGotHere)
  await press(page, app, 'Space')
  await expectSectionOpen(root, howWeGotHere)
})

test('every topic card opens and closes from the keyboard, and focus comes back', async ({
  app,
  page,
}) => {
  test.slow()
  await app.goto(storyPath(SEED.id))
  const { root } = app
  for (const [index, topic] of SEED.topics.entries()) {
    const chip = topicChip(root, topic.name)
    await tabTo(page, app, chip)
    // Alternate the ways in and out: Enter and Escape, then Space and the Close button.
    const byEscape = index % 2 === 0
    await press(page, app, byEscape ? 'Enter' : 'Space')
    const card = topicDialog(root, topic.name)
    await expect(card).toBeVisible()
    await expect
      .poll(() => card.evaluate((dialog) => dialog.contains(document.activeElement)))
      .toBe(true)
    // Tab stays inside the open card (focusProblem fails on focus outside a modal dialog).
    for (let stop = 0; stop < 4; stop++) await press(page, app, 'Tab')

    if (byEscape) {
      await press(page, app, 'Escape')
    } else {
      await tabTo(page, app, card.getByRole('button', { name: 'Close', exact: true }))
      await press(page, app, 'Enter')
    }
    await expect(card).toBeHidden()
    await expect(chip).toBeFocused()
  }
})

test('a link in a topic card is followed with Enter', async ({ app, page }) => {
  await app.goto(storyPath(SEED.id))
  const { root } = app
  await tabTo(page, app, topicChip(root, 'Kim Jong-un'))
  await press(page, app, 'Enter')
  const card = topicDialog(root, 'Kim Jong-un')
  await tabTo(page, app, card.getByRole('link', { name: 'All stories on Kim Jong-un' }))
  await press(page, app, 'Enter')
  await expect(heading1(root, 'Kim Jong-un')).toBeVisible()
})

test('"Try again" on the error screen works from the keyboard', async ({
  app,
  page,
  allowErrors,
}) => {
  allowErrors(/feed/i)
  await readFeedAtRunTime(page)
  await page.route(FEED_REQUESTS, (route) => route.fulfill({ status: 500, body: 'Server error' }))
  await page.clock.install()
  await app.goto('/')
  await expectFeedErrorScreen(page, app.root)
  await page.unroute(FEED_REQUESTS)
  await tabTo(page, app, app.root.getByRole('button', { name: 'Try again' }))
  await press(page, app, 'Enter')
  await expect(storyLink(app.root, SEED.title)).toBeVisible()
})
