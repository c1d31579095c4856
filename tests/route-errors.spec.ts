import { SEED } from './support/feed'
import { expect, test } from './support/fixtures'
import { expectHydrated, heading1, storyLink } from './support/reader'
import { saveData } from './support/reading'

/*
 * The build makes react-router's own error boundary a pass-through
 * (scripts/react-router-tree-shaking.ts, decision 8): an error while a route renders is the
 * app's to show (src/app/route-boundary.tsx). Here it is one the app does not cause: the
 * story screen's code fails to load. Where a route is not under the app's boundary, the
 * page goes blank and this fails.
 */
test('a screen that fails to render shows the app’s error screen @desktop-only', async ({
  app,
  page,
  allowErrors,
}) => {
  allowErrors(/story-route/)
  // Saving data, the reader gets the story screen's code only when opening a story.
  await saveData(page)
  await app.goto('/')
  await expectHydrated(page)
  await page.route(/\/assets\/story-route-[\w-]+\.js$/, (route) => route.abort())
  await storyLink(page, SEED.title).click()
  await expect(heading1(page, 'The stories could not be loaded')).toBeVisible()
  await expect(page.getByText('Something went wrong while showing this page.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
})
