import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { test as base, expect } from '@playwright/test'
import type { Frame, FrameLocator, Page } from '@playwright/test'
import type { AxeResults, RunOptions } from 'axe-core'
import { APP_ORIGIN } from './env'
import { startHostServer } from './host-server'
import type { HostServer } from './host-server'

/*
 * The browser-test fixtures. Import `test` and `expect` from here, not from @playwright/test.
 *
 *   app             Where the reader is. `app.root` (Page | FrameLocator) is what to locate in:
 *                   the page in 'desktop' and 'phone'; in 'embedded', the reader's <iframe> on
 *                   a host page of another origin (host-server.ts). `app.goto(path)` opens a
 *                   reader route either way; `app.frame()` is the reader's Frame (for
 *                   evaluate), `app.url()` the reader's own URL (the frame's, when embedded).
 *   allowErrors     allowErrors(/pattern/): errors matching it do not fail the test.
 *   checkA11y       checkA11y(app | page | frame, 'label'): runs axe-core (WCAG 2.0-2.2 A and
 *                   AA tags) in that document; fails listing each violation.
 *   takeScreenshot  takeScreenshot('story-dark'): test-results/screens/<project>-<name>.png,
 *                   the full page, or the viewport with { fullPage: false }. (Playwright's
 *                   own `screenshot` option already has that name.)
 *
 * The error guard runs in every test: console errors, uncaught exceptions, failed requests
 * and HTTP responses >= 400 (but a favicon's 404) fail the test when it ends, as one list.
 * The tests are offline: a request to another host than the reader's is answered with a
 * placeholder if it is an image and otherwise refused and reported.
 * Fixture functions name Playwright's `use` callback `provide`: the react-hooks lint rule
 * takes any call of `use` for React's hook.
 */

export interface HarnessOptions {
  /** Run journeys inside an iframe on the host page (the 'embedded' project). */
  embedded: boolean
}

export interface App {
  readonly root: Page | FrameLocator
  readonly embedded: boolean
  goto(path: string): Promise<void>
  frame(): Promise<Frame>
  url(): Promise<URL>
}

interface A11yOptions {
  /** axe rule ids to skip, each with a reason in the test. */
  disableRules?: string[]
}

interface Fixtures {
  app: App
  allowErrors: (pattern: RegExp) => void
  checkA11y: (target: App | Page | Frame, label: string, options?: A11yOptions) => Promise<void>
  takeScreenshot: (name: string, options?: { fullPage?: boolean }) => Promise<void>
  allowedErrors: RegExp[]
  errorGuard: void
}

interface WorkerFixtures {
  embedded: boolean
  hostServer: HostServer | null
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8c+fOfwAIKQN/2jl7ZQAAAABJRU5ErkJggg==',
  'base64',
)
const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export const test = base.extend<Fixtures, WorkerFixtures>({
  embedded: [false, { option: true, scope: 'worker' }],

  hostServer: [
    async ({ embedded }, provide) => {
      if (!embedded) return provide(null)
      const server = await startHostServer(APP_ORIGIN)
      await provide(server)
      await server.close()
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture needs from this
  allowedErrors: async ({}, provide) => {
    await provide([])
  },

  allowErrors: async ({ allowedErrors }, provide) => {
    await provide((pattern) => {
      allowedErrors.push(pattern)
    })
  },

  errorGuard: [
    async ({ page, context, allowedErrors }, provide) => {
      const problems: string[] = []
      const report = (kind: string, detail: string) => problems.push(`${kind}: ${detail}`)

      page.on('console', (message) => {
        if (message.type() !== 'error') return
        const where = message.location().url
        if (isFavicon(where) && message.text().includes('404')) return
        report('console error', where ? `${message.text()} (${where})` : message.text())
      })
      page.on('pageerror', (error) =>
        report('uncaught exception', `${error.name}: ${error.message}`),
      )
      page.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? 'failed'
        // Requests cut short by a navigation, and the offline refusals reported below.
        if (reason === 'net::ERR_ABORTED' || reason === 'net::ERR_INTERNET_DISCONNECTED') return
        report('request failed', `${request.method()} ${request.url()} (${reason})`)
      })
      page.on('response', (response) => {
        if (response.status() < 400) return
        if (response.status() === 404 && isFavicon(response.url())) return
        report(`HTTP ${response.status()}`, `${response.request().method()} ${response.url()}`)
      })
      await page.route(
        (url) => !LOCAL_HOSTS.has(url.hostname),
        async (route) => {
          const request = route.request()
          if (request.resourceType() === 'image') {
            await route.fulfill({ status: 200, contentType: 'image/png', body: PLACEHOLDER_PNG })
            return
          }
          report('external request', `${request.method()} ${request.url()} (the tests are offline)`)
          await route.abort('internetdisconnected')
        },
      )

      await provide()
      // The context is reused by the worker's next test (reuseContext in playwright.config.ts),
      // which resets storage, routes and init scripts but not the network's state.
      await context.setOffline(false)

      const unexpected = problems.filter((problem) => !allowedErrors.some((re) => re.test(problem)))
      expect(
        unexpected,
        'The page reported errors (a test that expects some calls allowErrors(/pattern/) first)',
      ).toEqual([])
    },
    { auto: true },
  ],

  app: async ({ page, embedded, hostServer }, provide) => {
    if (!embedded || !hostServer) {
      await provide({
        root: page,
        embedded: false,
        goto: async (appPath) => {
          await page.goto(appPath)
        },
        frame: async () => page.mainFrame(),
        url: async () => new URL(page.url()),
      })
      return
    }
    const frame = async () => {
      const handle = await page.locator('iframe').elementHandle()
      const content = await handle?.contentFrame()
      await handle?.dispose()
      if (!content) throw new Error('The host page has no reader iframe')
      return content
    }
    await provide({
      root: page.frameLocator('iframe'),
      embedded: true,
      goto: async (appPath) => {
        // The host page's load event waits for the iframe's.
        await page.goto(hostServer.pageUrl(appPath))
      },
      frame,
      url: async () => new URL((await frame()).url()),
    })
  },

  // eslint-disable-next-line no-empty-pattern -- as above
  checkA11y: async ({}, provide) => {
    await provide(async (target, label, options = {}) => {
      const frame = 'goto' in target && 'root' in target ? await target.frame() : target
      await settle(frame)
      if (!(await frame.evaluate(() => 'axe' in window))) {
        // Evaluated rather than added as a <script>: the reader's CSP allows no inline script.
        await frame.evaluate(axeSource())
      }
      const runOptions: RunOptions = {
        runOnly: { type: 'tag', values: A11Y_TAGS },
        resultTypes: ['violations'],
        iframes: false,
        rules: Object.fromEntries(
          (options.disableRules ?? []).map((id) => [id, { enabled: false }]),
        ),
      }
      const violations = await frame.evaluate(async (axeOptions) => {
        const { axe } = window as unknown as {
          axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> }
        }
        const results = await axe.run(document, axeOptions)
        return results.violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact ?? 'unknown',
          help: violation.help,
          count: violation.nodes.length,
          targets: violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(' ')),
        }))
      }, runOptions)
      const lines = violations.map(
        (v) =>
          `${v.id} [${v.impact}] ${v.help} (${v.count} element${v.count === 1 ? '' : 's'}: ${v.targets.join(' | ')})`,
      )
      expect(lines, `axe found accessibility violations on ${label}`).toEqual([])
    })
  },

  takeScreenshot: async ({ page }, provide, testInfo) => {
    await provide(async (name, { fullPage = true } = {}) => {
      const file = path.join(
        testInfo.project.outputDir,
        'screens',
        `${testInfo.project.name}-${name}.png`,
      )
      // CSS pixels: a phone's 3x device pixels make each PNG nine times larger and slower.
      await page.screenshot({ path: file, fullPage, animations: 'disabled', scale: 'css' })
    })
  },
})

export { expect }

function isFavicon(url: string): boolean {
  return /\/favicon\.(ico|svg|png)(\?|$)/.test(url)
}

let axeScript: string | undefined
function axeSource(): string {
  axeScript ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeScript
}

/** Lets finite CSS transitions and animations (a dialog fading in) finish, for at most 2 s. */
export async function settle(target: Page | Frame): Promise<void> {
  await target.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  )
}
