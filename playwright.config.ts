import { defineConfig } from '@playwright/test'
import type { HarnessOptions } from './tests/support/fixtures'
import { APP_ORIGIN, APP_PORT, chromiumPath } from './tests/support/env'
import { CHROMIUM_FLAGS } from './scripts/chromium-flags.mjs'

// The browser tests run the production build (npm run build) in the system Chromium;
// `npm run test:e2e` first checks that there is one (scripts/ensure-chromium.mjs).
// Playwright never downloads a browser here.
const desktopViewport = { width: 1280, height: 800 }

export default defineConfig<HarnessOptions>({
  testDir: 'tests',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  reporter: [['list']],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  webServer: {
    command: 'node scripts/serve.mjs',
    // DIST (default dist/) may point the tests at another build.
    env: { PORT: String(APP_PORT), HOST: '127.0.0.1', BASE_PATH: '/' },
    url: `${APP_ORIGIN}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
  use: {
    browserName: 'chromium',
    baseURL: APP_ORIGIN,
    headless: true,
    launchOptions: {
      executablePath: chromiumPath(),
      args: [...CHROMIUM_FLAGS],
    },
    locale: 'en-GB',
    timezoneId: 'UTC',
    // Requests must reach page.route() (feed failures are simulated there).
    serviceWorkers: 'block',
    // Each worker keeps one browser context and page, which Playwright resets between tests
    // (cookies, storage, cache, routes, init scripts; the error guard in tests/support/
    // fixtures.ts puts the network back online). Starting a renderer for every test was most
    // of the suite's time on two cores: 6.9 -> 5.2 min. A test that needs its own context
    // options (test.use of locale, service workers, javaScriptEnabled) still gets a fresh one.
    reuseContext: true,
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    { name: 'desktop', use: { viewport: desktopViewport } },
    {
      name: 'phone',
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent:
          'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
      },
    },
    // Every journey runs inside an <iframe> on a page of another origin (tests/support/host-server.ts).
    { name: 'embedded', use: { viewport: desktopViewport, embedded: true } },
  ],
})
