import { defineConfig } from '@playwright/test'
import type { HarnessOptions } from './tests/support/fixtures'
import { APP_ORIGIN, APP_PORT } from './tests/support/env'
import { CHROMIUM_FLAGS, findChromium } from './scripts/chromium.mjs'

// The browser tests run the production build (npm run build) in the system Chromium, as
// scripts/chromium.mjs finds it; `npm run test:e2e` first checks that there is one (the same
// script). Playwright never downloads a browser here.
const desktopViewport = { width: 1280, height: 800 }

/** Files whose checks do not depend on the screen size or a frame: run once, in desktop. */
const DESKTOP_ONLY = [
  // A hostile or broken feed is read by the same code at any size, framed or not.
  'hostile.spec.ts',
  // They frame the reader in host pages of their own.
  'embed.spec.ts',
  // The manifest belongs to the top-level app.
  'install.spec.ts',
  // An embed never registers the service worker, which does not depend on the screen size.
  'offline.spec.ts',
  // HTTP only: the README's nginx configuration serving the build.
  'nginx.spec.ts',
]

/** Files of the full app, at both sizes, that an embed does not have. */
const NOT_EMBEDDED = [
  // Reading comfort: an embed has no header, settings, saved list or shortcuts.
  'reading.spec.ts',
  // A feed's own fields and pages, read the same inside a frame.
  'jsonfeed.spec.ts',
  'realworld.spec.ts',
  'pagination.spec.ts',
  // An embed is its own page (/embed/…), never built ahead of time.
  'prerender.spec.ts',
  // Links in an embed open the full reader in a new tab: nothing to warm.
  'preload.spec.ts',
]

export default defineConfig<HarnessOptions>({
  testDir: 'tests',
  testMatch: '*.spec.ts',
  globalSetup: './tests/support/global-setup.ts',
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
      executablePath: findChromium(),
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
  // Where a test runs: whole files by project (below), single tests and groups by tag
  // (@desktop-only, @phone-only, @embedded-only, @not-phone, @not-embedded). A test checked
  // once, or only where it applies, is never started in the other projects: skipped there
  // after the fact, each still cost a fixture set-up (36 s of the run).
  projects: [
    {
      name: 'desktop',
      grepInvert: /@(phone|embedded)-only/,
      use: { viewport: desktopViewport },
    },
    {
      name: 'phone',
      grepInvert: /@(desktop|embedded)-only|@not-phone/,
      testIgnore: DESKTOP_ONLY,
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
    {
      name: 'embedded',
      grepInvert: /@(desktop|phone)-only|@not-embedded/,
      testIgnore: [...DESKTOP_ONLY, ...NOT_EMBEDDED],
      use: { viewport: desktopViewport, embedded: true },
    },
  ],
})
