import { defineConfig } from '@playwright/test'
import type { HarnessOptions } from '../support/fixtures'
import browserTests from '../../playwright.config'

// The smoke run over a publisher's build (scripts/feed-smoke.mjs sets DIST to it): the
// browser tests' set-up, at desktop and phone sizes, without their check that the build
// ships the tests' own sample feed.
const [desktop, phone] = browserTests.projects!

export default defineConfig<HarnessOptions>({
  ...browserTests,
  globalSetup: undefined,
  testDir: '.',
  testMatch: 'feed.smoke.ts',
  outputDir: '../../test-results/smoke',
  webServer: {
    ...(browserTests.webServer as object),
    cwd: '../..',
  } as typeof browserTests.webServer,
  projects: [
    { name: 'desktop', use: desktop!.use },
    { name: 'phone', use: phone!.use },
  ],
})
