import { readFileSync } from 'node:fs'
import type { Page, Route } from '@playwright/test'
import { FIRST_PAINT_SCRIPT, FIRST_PAINT_SCRIPT_HASH } from '../scripts/first-paint.mjs'
import { FEED_BYTE_LIMIT, KEPT_FEED_KEY } from '../src/features/feed/feed-config'
import { SEED, sampleFeed, storyPath, topicPath } from './support/feed'
import { expect, test as base } from './support/fixtures'
import type { App } from './support/fixtures'
import {
  expectAfterRetries,
  heading1,
  sectionButton,
  storyLink,
  topicChip,
  topicDialog,
} from './support/reader'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'

/*
 * A feed is untrusted input and networks fail. Each test serves the reader a hostile or
 * broken feed at its own address and checks what the reader shows, and that nothing in
 * the feed ran: no dialog opened, the flag every payload sets stays unset, no element or
 * attribute that could run or load script is in the page, and the page's Content Security
 * Policy reported no violation (it would block an injected handler, and say so).
 */

// The tests serve their own feeds: the reader reads them as a feed set at run time.
const FEED = FEED_REQUESTS
/** The reader's own fetches of the feed, not index.html's preload of it. */
const isReaderFetch = (route: Route) =>
  (route.request().headers()['accept'] ?? '').includes('application/feed+json')
const FEED_PROBLEMS = /feed|ERR_INTERNET_DISCONNECTED/i

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/hostile/${name}`, import.meta.url), 'utf8'))
const payloads = fixture('script-payloads.json')

type Guarded = { dialogs: string[] }

const test = base.extend<{ scriptGuard: Guarded }>({
  scriptGuard: [
    async ({ page, embedded }, provide) => {
      await readFeedAtRunTime(page)
      const guarded: Guarded = { dialogs: [] }
      page.on('dialog', (dialog) => {
        guarded.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
        void dialog.dismiss()
      })
      if (!embedded) await page.addInitScript(recordCspViolations, SANITISER_PARSE.source)
      await provide(guarded)
      expect(guarded.dialogs, 'a feed opened a dialog').toEqual([])
      if (!page.isClosed() && !embedded) await expectNothingRan(page)
    },
    { auto: true },
  ],
})

// A hostile or broken feed is read by the same code at any size, framed or not (the frame
// adds a host page, not a new way in): checked once, in desktop (playwright.config.ts).
// Layouts are checked at both sizes and framed by reader, reading and a11y specs.

/*
 * The browser checks the policy even while the sanitiser parses feed HTML into an inert
 * document, and reports the handlers and styles it is about to remove. Those reports come
 * from the sanitiser's own module with no element of the page as their target; any other
 * report means something in the page itself was blocked.
 */
const SANITISER_PARSE = /\/assets\/safe-html-[\w-]+\.js$/
const SANITISER_CSP_NOISE = /Content Security Policy[\s\S]*\/assets\/safe-html-[\w-]+\.js\)$/

function recordCspViolations(sanitiser: string) {
  const fromSanitiser = new RegExp(sanitiser)
  const log: string[] = []
  Object.defineProperty(window, '__cspViolations', { value: log })
  document.addEventListener('securitypolicyviolation', (event) => {
    const inPage = event.target instanceof Element && event.target.isConnected
    if (!inPage && fromSanitiser.test(event.sourceFile)) return
    log.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample} (${event.sourceFile})`)
  })
}

/** Whatever the page shows now: no payload ran, nothing that could run is there. */
async function expectNothingRan(page: Page) {
  const found = await page.evaluate((firstPaint) => {
    const w = window as unknown as { __pwned?: unknown; __cspViolations?: string[] }
    const problems: string[] = []
    if (w.__pwned !== undefined) problems.push(`a payload ran: ${String(w.__pwned)}`)
    for (const violation of w.__cspViolations ?? []) problems.push(`CSP: ${violation}`)
    const dangerous =
      'iframe, frame, object, embed, applet, base, math, form:not([role=search]):not([method=dialog])'
    for (const el of document.querySelectorAll(dangerous)) problems.push(`<${el.localName}>`)
    for (const el of document.querySelectorAll('script:not([src]), meta[http-equiv=refresh]')) {
      // The page's own first-paint script, which the policy admits by its hash.
      if (el.localName === 'script' && el.textContent === firstPaint) continue
      // The feed a page was built with (scripts/prerender.mjs): a data block, never run.
      if (el.id === 'prerendered-feed' && el.getAttribute('type') === 'application/json') continue
      problems.push(`<${el.localName}> ${el.outerHTML.slice(0, 60)}`)
    }
    for (const el of document.querySelectorAll('*')) {
      for (const { name } of el.attributes) {
        if (/^on/i.test(name)) problems.push(`${el.localName}[${name}]`)
      }
    }
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      if (!/^https?:$/.test(a.protocol)) problems.push(`link to ${a.getAttribute('href')}`)
    }
    for (const media of document.querySelectorAll<HTMLImageElement>('img, audio, video')) {
      if (media.getAttribute('src') !== null && !/^https?:/.test(media.src)) {
        problems.push(`<${media.localName}> from ${media.getAttribute('src')}`)
      }
    }
    const feedHtml = document.querySelectorAll('.feed-html *')
    for (const el of feedHtml) {
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`${el.localName} (SVG)`)
      if (el.hasAttribute('style')) problems.push(`feed HTML with style: <${el.localName}>`)
      if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
        if (el.rel !== 'noopener noreferrer' || el.target !== '_blank') {
          problems.push(`feed link ${el.href} rel="${el.rel}" target="${el.target}"`)
        }
      }
      if (el instanceof HTMLImageElement) {
        if (el.loading !== 'lazy' || el.referrerPolicy !== 'no-referrer') {
          problems.push(`feed image ${el.src} loading=${el.loading} ${el.referrerPolicy}`)
        }
      }
    }
    return problems
  }, FIRST_PAINT_SCRIPT)
  expect(found, 'something from the feed could run or load script').toEqual([])
}

function serve(page: Page, json: unknown) {
  return page.route(FEED, (route) => route.fulfill({ json }))
}

test.describe('a feed with script in every field', () => {
  test.beforeEach(({ page }) => serve(page, payloads))

  test('the list shows the payloads as text, and nothing runs', async ({ app, page }) => {
    await app.goto('/')
    const { root } = app
    await expect(heading1(root, 'Latest stories')).toBeVisible()
    const banner = root.getByRole('banner')
    await expect(banner.getByRole('link', { name: payloads.title })).toBeVisible()
    await expect(banner.getByRole('img')).toHaveCount(0)
    await expect(root.getByText(payloads.description)).toBeVisible()
    await expect(storyLink(root, payloads.items[0].title)).toBeVisible()
    await expect(root.getByText(payloads.items[0].summary)).toBeVisible()
    await expect(storyLink(root, 'Story with a hostile id')).toBeVisible()
    // The home page URL was javascript:, so the footer names the feed without a link.
    await expect(root.getByRole('contentinfo').getByRole('link')).toHaveCount(0)
    await expectNothingRan(page)

    await storyLink(root, 'Story with a hostile id').click()
    await expect(heading1(root, 'Story with a hostile id')).toBeVisible()
    // Its address is made of its title's words and a hash of the id, never of the id's markup.
    expect(new URL(page.url()).pathname).toMatch(/^\/stories\/story-with-a-hostile-id-[0-9a-z]{7}$/)
    await expectNothingRan(page)
  })

  test('a story shows every text field as text and no hostile URL as a link or image', async ({
    app,
    page,
  }) => {
    const [item] = payloads.items
    const [section] = item._story.sections
    const [topic] = item._story.topics
    await app.goto(storyPath(item.id))
    const { root } = app
    await expect(heading1(root, item.title)).toBeVisible()
    const main = root.getByRole('main')
    await expect(main.getByRole('img')).toHaveCount(0)
    await expect(main.getByText(item.authors[0].name)).toBeVisible()
    await expect(main.getByRole('link', { name: item.authors[0].name })).toHaveCount(0)
    await expect(sectionButton(root, section.title)).toHaveAttribute('aria-expanded', 'true')
    await expect(main.getByText(section.text.split('\n\n')[1])).toBeVisible()

    const sources = section.sources as { name: string; url: string }[]
    for (const source of sources.filter((s) => s.name !== 'Hostile source two')) {
      await expect(main.getByText(source.name)).toBeVisible()
      await expect(main.getByRole('link', { name: source.name })).toHaveCount(0)
    }
    // An entity in JSON is just characters: it is a path on the feed's own site, not a scheme.
    await expect(main.getByRole('link', { name: 'Hostile source two' })).toHaveAttribute(
      'href',
      `${new URL(page.url()).origin}/&#106;avascript:alert(1)`,
    )
    await expectNothingRan(page)

    await topicChip(root, topic.name).click()
    const card = topicDialog(root, topic.name)
    await expect(card).toBeVisible()
    await expect(card.getByText(topic.summary)).toBeVisible()
    await expect(card.getByRole('link', { name: /Read more/ })).toHaveCount(0)
    await expect(card.getByRole('img')).toHaveCount(0)
    await expectNothingRan(page)

    await app.goto(topicPath(topic.id))
    await expect(heading1(root, topic.name)).toBeVisible()
    await expectNothingRan(page)
  })

  test('content_html keeps its reading text and safe links; script, frames, forms and handlers go', async ({
    app,
    page,
    allowErrors,
  }) => {
    allowErrors(SANITISER_CSP_NOISE)
    // `<img src=x onerror=…>` loses its handler; its src is a path on the feed's own site.
    await page.route('**/x', (route) =>
      route.fulfill({
        contentType: 'image/svg+xml',
        body: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      }),
    )
    const item = payloads.items[1]
    await app.goto(storyPath(item.id))
    const { root } = app
    await expect(heading1(root, 'Hostile HTML')).toBeVisible()
    const main = root.getByRole('main')
    await expect(main.getByText('Hostile HTML survives as reading text.')).toBeVisible()
    await expect(main.getByText('Styled and clickable paragraph')).toBeVisible()
    for (const n of ['one', 'two', 'three', 'four', 'five', 'six']) {
      await expect(main.getByText(`Hostile link ${n}`)).toBeVisible()
      await expect(main.getByRole('link', { name: `Hostile link ${n}` })).toHaveCount(0)
    }
    const fine = main.getByRole('link', { name: 'A fine link' })
    await expect(fine).toHaveAttribute('href', 'https://news.example/fine')
    await expect(fine).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(fine).toHaveAttribute('target', '_blank')
    const image = main.getByRole('img', { name: 'An allowed image' })
    await expect(image).toHaveAttribute('loading', 'lazy')
    await expect(image).toHaveAttribute('referrerpolicy', 'no-referrer')
    await expect(main.getByRole('textbox')).toHaveCount(0)
    await expect(main.getByRole('button', { name: 'Log in again' })).toHaveCount(0)
    // Its original and its attachment were script URLs: neither is offered.
    await expect(main.getByRole('link', { name: /Read the original/ })).toHaveCount(0)
    await expect(main.getByRole('heading', { name: 'Attachments' })).toHaveCount(0)
    await expect(root.locator('body')).toBeVisible()
    await expectNothingRan(page)

    await main.getByRole('link', { name: item.tags[0] }).click()
    await expect(heading1(root, `#${item.tags[0]}`)).toBeVisible()
    await expectNothingRan(page)
  })
})

test('a feed whose every item is invalid says how many, and why, each with its JSON path', async ({
  app,
  page,
}) => {
  const feed = fixture('every-item-invalid.json')
  await serve(page, feed)
  await app.goto('/')
  const { root } = app
  await expect(heading1(root, 'Latest stories')).toBeVisible()
  await expect(root.getByText('This feed has no stories yet.')).toBeVisible()
  const notice = root.getByText(`${feed.items.length} stories could not be shown`)
  await expect(notice).toBeVisible()
  await notice.click()
  const reasons = root.getByRole('main').getByRole('listitem')
  await expect(reasons.filter({ hasText: '$.items[0].id' })).toContainText('Missing')
  await expect(reasons.filter({ hasText: '$.items[1].id' })).toContainText('Must not be empty')
  await expect(reasons.filter({ hasText: '$.items[2].title' })).toContainText('Expected string')
  await expect(reasons.filter({ hasText: '$.items[2].tags' })).toContainText('Expected array')
  await expect(reasons.filter({ hasText: '$.items[3]._story.sections[0].title' })).toContainText(
    'Missing',
  )
  await expect(reasons.filter({ hasText: '$.items[3]._story.topics' })).toContainText('Expected')
  await expect(reasons.filter({ hasText: /^\$\.items\[4\] Expected object/ })).toBeVisible()
})

test.describe('size', () => {
  /** A flat feed of `count` stories padded to exactly `bytes` bytes. */
  function feedOfSize(bytes: number, count = 10_000) {
    const items = Array.from({ length: count }, (_, i) => ({
      id: `story-${i}`,
      title: `Story number ${i}`,
      content_text: '',
      date_published: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    }))
    const doc = { version: 'https://jsonfeed.org/version/1.1', title: 'A large feed', items }
    const shell = Buffer.byteLength(JSON.stringify(doc))
    const perItem = Math.floor((bytes - shell) / count)
    for (const item of items) item.content_text = 'x'.repeat(perItem)
    items[0]!.content_text += 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify(doc)))
    const body = JSON.stringify(doc)
    expect(Buffer.byteLength(body)).toBe(bytes)
    return body
  }

  /** Serves a feed just under the limit; resolves with the longest main-thread task (ms). */
  async function readLargeFeed(app: App, page: Page): Promise<number> {
    const body = feedOfSize(FEED_BYTE_LIMIT - 1024)
    await page.route(FEED, (route) => route.fulfill({ body, contentType: 'application/feed+json' }))
    await page.addInitScript(() => {
      const longest = { ms: 0 }
      Object.defineProperty(window, '__longestTask', { value: longest })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest.ms = Math.max(longest.ms, entry.duration)
      }).observe({ type: 'longtask', buffered: true })
    })
    await app.goto('/')
    await expect(storyLink(app.root, 'Story number 0')).toBeVisible({ timeout: 30_000 })
    const longest = await page.evaluate(
      () => (window as unknown as { __longestTask: { ms: number } }).__longestTask.ms,
    )
    test.info().annotations.push({ type: 'longest task', description: `${longest} ms` })
    return longest
  }

  test('a feed just under the limit is read without holding the tab a second: all 10,000 stories, a small DOM anywhere, the place kept on return, and a filter', async ({
    app,
    page,
  }) => {
    test.slow()
    expect(await readLargeFeed(app, page), 'the longest main-thread task (ms)').toBeLessThan(1_000)
    const { root } = app
    const frame = await app.frame()
    const elements = () => frame.evaluate(() => document.querySelectorAll('*').length)
    const rows = root.getByRole('main').getByRole('listitem')
    // Only the rows near the viewport are in the page; each says where it is in the 10,000.
    await expect(rows.first()).toHaveAttribute('aria-setsize', '10000')
    await expect(rows.first()).toHaveAttribute('aria-posinset', '1')
    expect(await elements()).toBeLessThanOrEqual(500)

    // Halfway down: still a small page, and the rows there are the stories of that place.
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2))
    await expect(async () => {
      const positions = await rows.evaluateAll((items) =>
        items.map((item) => Number(item.getAttribute('aria-posinset'))),
      )
      expect(Math.max(...positions)).toBeGreaterThan(4000)
    }).toPass()
    expect(await elements()).toBeLessThanOrEqual(500)

    // The first story in view opens; Back returns to it, where it was.
    const inView = await frame.evaluate(() => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('main li a')]
      const link = links.find((a) => a.getBoundingClientRect().top >= 0)
      return { name: link?.textContent ?? '', top: link?.getBoundingClientRect().top ?? -1 }
    })
    expect(inView.name).toMatch(/^Story number \d+$/)
    await storyLink(root, inView.name).click()
    await expect(heading1(root, inView.name)).toBeVisible()
    await page.goBack()
    const back = storyLink(root, inView.name)
    await expect(back).toBeInViewport()
    await expect(async () => {
      const top = await back.evaluate((link) => link.getBoundingClientRect().top)
      expect(Math.abs(top - inView.top)).toBeLessThan(4)
    }).toPass()

    // The very end is reachable, and the page stays small there too.
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await expect(storyLink(root, 'Story number 9999')).toBeInViewport()
    await expect(rows.last()).toHaveAttribute('aria-posinset', '10000')
    expect(await elements()).toBeLessThanOrEqual(500)

    const filter = root.getByRole('searchbox', { name: 'Filter stories by words' })
    await filter.fill('Story number 9999')
    await expect(storyLink(root, 'Story number 9999')).toBeVisible()
    await expect(root.getByRole('status')).toHaveText('1 of 10000 stories')
  })

  test('a long feed cut short shows its first stories and says the rest could not be read; "Try again" reads it whole', async ({
    app,
    page,
    allowErrors,
  }) => {
    allowErrors(FEED_PROBLEMS)
    // Two megabytes, a download cut off 5 KB before its end: its opening is all there.
    const whole = feedOfSize(2 * 1024 * 1024, 1000)
    await page.route(FEED, (route) =>
      route.fulfill({ body: whole.slice(0, -5000), contentType: 'application/feed+json' }),
    )
    await app.goto('/')
    const main = app.root.getByRole('main')
    await expect(storyLink(app.root, 'Story number 0')).toBeVisible()
    await expect(main.getByRole('status').first()).toContainText(
      'Only the first 20 stories of this feed could be read. The feed is not valid JSON.',
    )
    await expect(main).not.toContainText('Couldn’t refresh')
    await expect(main).not.toContainText('Reading the rest')
    await expect(main.getByRole('listitem')).toHaveCount(20)
    await page.unroute(FEED)
    await page.route(FEED, (route) =>
      route.fulfill({ body: whole, contentType: 'application/feed+json' }),
    )
    await main.getByRole('button', { name: 'Try again' }).click()
    await expect(main.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '1000')
    await expect(main).not.toContainText('Only the first stories')
  })

  test('a feed over the limit is refused with a message, not read', async ({
    app,
    page,
    allowErrors,
  }) => {
    allowErrors(FEED_PROBLEMS)
    const body = feedOfSize(FEED_BYTE_LIMIT + 1, 100)
    await page.route(FEED, (route) => route.fulfill({ body, contentType: 'application/feed+json' }))
    await app.goto('/')
    await expect(heading1(app.root, 'The stories could not be loaded')).toBeVisible()
    const main = app.root.getByRole('main')
    await expect(main).toContainText('The feed is larger than 24 MB, too large to read here.')
    await expect(main).toContainText('split it into pages with next_url')
    await expect(main.getByRole('button', { name: 'Try again' })).toBeVisible()
  })
})

test.describe('a failing server', () => {
  test('a feed that answers 500, then recovers, loads by itself: no error screen', async ({
    app,
    page,
    allowErrors,
  }) => {
    allowErrors(FEED_PROBLEMS)
    let requests = 0
    await page.route(FEED, async (route) => {
      if (isReaderFetch(route)) requests += 1
      if (requests <= 2) await route.fulfill({ status: 500, body: 'Server error' })
      else await route.fallback()
    })
    await page.clock.install()
    await app.goto('/')
    await expectAfterRetries(page, storyLink(app.root, SEED.title), { step: 1_000 })
    expect(requests).toBe(3)
    await expect(heading1(app.root, 'The stories could not be loaded')).toHaveCount(0)
  })

  test('a 404 is not retried: the error screen says so at once', async ({
    app,
    page,
    allowErrors,
  }) => {
    allowErrors(FEED_PROBLEMS)
    // Every request for the feed: index.html's preload, which the reader's first read takes
    // over, and any read after it.
    let requests = 0
    await page.route(FEED, (route) => {
      requests += 1
      return route.fulfill({ status: 404, body: 'Not found' })
    })
    await app.goto('/')
    await expect(heading1(app.root, 'The stories could not be loaded')).toBeVisible()
    await expect(app.root.getByRole('main')).toContainText('The feed server answered 404')
    // The error screen shows only once every try has failed: retries (after 0.5, 1 and 2 s)
    // would have come before it.
    expect(requests).toBe(1)
  })

  // Real timings, so checked once (tests/prerender.spec.ts has the same for built stories).
  test('a feed that never answers: "Still loading" from about 5 s, the error with "Try again" within 15 s, and "Try again" loads it', async ({
    app,
    page,
    allowErrors,
  }) => {
    allowErrors(FEED_PROBLEMS)
    const hanging: Route[] = []
    await page.route(FEED, (route) => {
      hanging.push(route)
    })
    const start = Date.now()
    await app.goto('/')
    // index.html's placeholder, still up: the app renders once the feed is in or has failed.
    const still = app.root.getByRole('status').filter({ hasText: 'Still loading the stories…' })
    await expect(still).toBeVisible({ timeout: 8_000 })
    const stillAt = Date.now() - start
    expect(stillAt, 'said after about 5 s, not at once').toBeGreaterThan(4_000)
    const title = heading1(app.root, 'The stories could not be loaded')
    await expect(title).toBeVisible({ timeout: 15_000 - (Date.now() - start) })
    const errorAt = Date.now() - start
    test.info().annotations.push({
      type: 'timings',
      description: `"Still loading" at ${stillAt} ms, the error at ${errorAt} ms`,
    })
    await expect(app.root.getByRole('main')).toContainText('did not answer in time')
    // One try, taking over index.html's preload of the feed: a timeout is not tried again.
    expect(hanging).toHaveLength(1)

    await page.unroute(FEED)
    await app.root.getByRole('button', { name: 'Try again' }).click()
    await expect(heading1(app.root, 'Latest stories')).toBeVisible()
    await expect(title).toHaveCount(0)
  })
})

test.describe('a body that is not a feed gets an error screen saying which, with a retry', () => {
  const bodies = {
    'an HTML error page': {
      body: '<!doctype html><title>502 Bad Gateway</title><h1>Bad Gateway</h1>',
      type: 'text/html',
      says: 'The feed address returned a web page, not a JSON feed.',
    },
    'an empty body': { body: '', type: 'application/json', says: 'The feed is empty' },
    'not JSON': { body: '{"version": ', type: 'application/json', says: 'not valid JSON' },
    'the wrong version': {
      body: JSON.stringify({ version: 'https://jsonfeed.org/version/2', title: 'T', items: [] }),
      type: 'application/feed+json',
      says: 'version (https://jsonfeed.org/version/2) is not one this reader understands',
    },
    'an RSS document': {
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
      type: 'application/rss+xml',
      says: 'returned a web page, not a JSON feed',
    },
  }
  for (const [name, { body, type, says }] of Object.entries(bodies)) {
    test(name, async ({ app, page, allowErrors }) => {
      allowErrors(FEED_PROBLEMS)
      await page.route(FEED, (route) => route.fulfill({ body, contentType: type }))
      await app.goto('/')
      await expect(heading1(app.root, 'The stories could not be loaded')).toBeVisible()
      await expect(app.root.getByRole('main')).toContainText(says)
      await page.unroute(FEED)
      await app.root.getByRole('button', { name: 'Try again' }).click()
      await expect(storyLink(app.root, SEED.title)).toBeVisible()
    })
  }
})

test('a repeat visit shows the stories kept from the last at once; a feed that then fails leaves them there', async ({
  app,
  page,
  allowErrors,
}) => {
  allowErrors(FEED_PROBLEMS)
  await app.goto('/')
  await expect(storyLink(app.root, SEED.title)).toBeVisible()
  // Kept once the page has loaded (src/features/feed/kept-feed.ts).
  const frame = await app.frame()
  await expect
    .poll(() => frame.evaluate((key) => localStorage.getItem(key) !== null, KEPT_FEED_KEY))
    .toBe(true)

  // The next visit: the feed server has lost the feed. Without the kept copy this is the
  // error screen (the 404 test above).
  await page.route(FEED, (route) => route.fulfill({ status: 404, body: 'Not found' }))
  await app.goto('/')
  await expect(storyLink(app.root, SEED.title)).toBeVisible()
  await expect(app.root.getByText(/Couldn’t refresh the stories; showing those from/)).toBeVisible()
  await expect(heading1(app.root, 'The stories could not be loaded')).toHaveCount(0)
})

test('offline with stories on screen: they stay, a quiet notice says so, and coming back online refreshes by itself', async ({
  app,
  page,
  context,
  allowErrors,
}) => {
  allowErrors(FEED_PROBLEMS)
  await page.clock.install()
  const feed = sampleFeed()
  await app.goto('/')
  const { root } = app
  // Read a story first, so that its screen's code is loaded before the network goes.
  await storyLink(root, SEED.title).click()
  await expect(heading1(root, SEED.title)).toBeVisible()
  await page.goBack()
  await expect(storyLink(root, SEED.title)).toBeVisible()

  await context.setOffline(true)
  await expect(root.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible()
  // Long enough for the stories to be due a refresh, which then fails.
  await page.clock.fastForward('06:00')
  await storyLink(root, SEED.title).click()
  await expect(heading1(root, SEED.title)).toBeVisible()
  await page.goBack()
  const refreshFailed = root.getByRole('status').filter({ hasText: 'Couldn’t refresh the stories' })
  await expectAfterRetries(page, refreshFailed, { runTimers: true, timeout: 10_000 })
  await expect(storyLink(root, SEED.title)).toBeVisible()

  const fresh = { id: 'back-online', title: 'A story published while you were away' }
  await serve(page, { ...feed, items: [fresh, ...feed.items] })
  await context.setOffline(false)
  await expect(storyLink(root, fresh.title)).toBeVisible()
  await expect(refreshFailed).toHaveCount(0)
  await expect(root.getByRole('status').filter({ hasText: 'You are offline' })).toHaveCount(0)
})

test('the app runs under its Content Security Policy: one inline script by its hash, no eval, no violation', async ({
  app,
  page,
  allowErrors,
}) => {
  await app.goto('/')
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  const scriptSrc = /script-src([^;]*)/.exec(policy ?? '')?.[1] ?? ''
  expect(scriptSrc.trim()).toBe(`'self' ${FIRST_PAINT_SCRIPT_HASH}`)
  expect(policy).toContain("object-src 'none'")
  // The first-paint script, exactly as hashed, and no other inline script (a page built
  // ahead of time carries its feed as JSON, a data block the browser never runs).
  const inline = page.locator('script:not([src]):not([type="application/json"])')
  await expect(inline).toHaveCount(1)
  expect(await inline.textContent()).toBe(FIRST_PAINT_SCRIPT)

  await storyLink(app.root, SEED.title).click()
  await topicChip(app.root, SEED.topics[0].name).click()
  await expect(topicDialog(app.root, SEED.topics[0].name)).toBeVisible()
  await app.goto(topicPath(SEED.topics[0].id))
  await expect(heading1(app.root, SEED.topics[0].name)).toBeVisible()
  await app.goto(storyPath(sampleFeed().items.find((i) => !i._story)!.id as string))
  await expect(app.root.locator('.feed-html')).toBeVisible()
  await expectNothingRan(page)

  // The recorder does hear the page: an inline script added to it is refused and reported.
  allowErrors(/Executing inline script violates/)
  await expect(page.addScriptTag({ content: 'window.__pwned = "probe"' })).rejects.toThrow(
    /Content Security Policy/,
  )
  await page.evaluate(() => {
    for (const script of document.querySelectorAll('script:not([src])')) {
      if (script.textContent?.includes('__pwned')) script.remove()
    }
  })
  const recorded = () =>
    page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations?.splice(0))
  await expect.poll(recorded).toContainEqual(expect.stringMatching(/^script-src-elem inline/))
  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined()
})
