import type { Frame, Locator, Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { APP_ORIGIN } from './support/env'
import { SEED, sampleFeed } from './support/feed'
import { startHostServer, type HostServer } from './support/host-server'
import { sectionButton, topicChip, topicDialog } from './support/reader'
import { luminance } from './support/reading'

/*
 * The reader inside a publisher's page: a host page on another origin (localhost, while the
 * reader is on 127.0.0.1) with a plain <iframe> and, unless said otherwise, the reader's
 * embed.js. These tests bring their own host page, so they run once, in 'desktop'
 * (playwright.config.ts): phone and embedded would only repeat them.
 */

const STORY = `/embed/stories/${SEED.id}`
/** How far the frame may be from its content's height (rounding, the frame's 1px borders). */
const SLACK = 4

let host: HostServer
test.beforeAll(async () => {
  host = await startHostServer(APP_ORIGIN)
})
test.afterAll(async () => {
  await host.close()
})

async function openHost(
  page: Page,
  appPath: string,
  options: { page?: string; sandbox?: string } = {},
): Promise<{ iframe: Locator; frame: Frame }> {
  await page.goto(host.pageUrl(appPath, options))
  const iframe = page.getByTitle('Briefing story')
  const frame = await (await iframe.elementHandle())?.contentFrame()
  if (!frame) throw new Error('The host page has no iframe')
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible()
  return { iframe, frame }
}

/** The iframe's inner height, as the host page lays it out. */
function frameHeight(iframe: Locator): Promise<number> {
  return iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight)
}

/** Where the embed's content ends: the bottom of its main landmark. */
function contentHeight(frame: Frame): Promise<number> {
  return frame.evaluate(() => document.querySelector('main')!.getBoundingClientRect().bottom)
}

async function expectFitted(iframe: Locator, frame: Frame): Promise<number> {
  await expect
    .poll(async () => Math.abs((await frameHeight(iframe)) - (await contentHeight(frame))))
    .toBeLessThanOrEqual(SLACK)
  return frameHeight(iframe)
}

function background(frame: Frame): Promise<string> {
  return frame.evaluate(() => getComputedStyle(document.body).backgroundColor)
}

test.describe('auto height', () => {
  test('the frame fits its story, grows with an open section and shrinks when it closes', async ({
    page,
  }) => {
    const { iframe, frame } = await openHost(page, STORY)
    const first = await expectFitted(iframe, frame)
    expect(first, 'the fitted height is not the host page’s 640px').not.toBe(640)

    // Open the first closed section.
    const buttons = SEED.sections.map((section) => sectionButton(frame, section.title))
    let toggle: Locator | undefined
    for (const button of buttons) {
      if ((await button.getAttribute('aria-expanded')) === 'false') {
        toggle = button
        break
      }
    }
    if (!toggle) throw new Error('The seed story shows no closed section')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await expect.poll(() => frameHeight(iframe)).toBeGreaterThan(first + 20)
    const opened = await expectFitted(iframe, frame)

    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await expect.poll(() => frameHeight(iframe)).toBeLessThan(opened - 20)
    await expectFitted(iframe, frame)
  })

  test('a topic card opens inside the frame, below the chips, and the frame fits it', async ({
    page,
  }) => {
    const { iframe, frame } = await openHost(page, STORY)
    const before = await expectFitted(iframe, frame)
    const topic = SEED.topics[0]
    const chip = topicChip(frame, topic.name)
    await chip.click()
    const card = topicDialog(frame, topic.name)
    await expect(card).toBeVisible()
    const after = await expectFitted(iframe, frame)
    expect(after).toBeGreaterThan(before)

    // Inside the frame: within its viewport width and above its bottom.
    const box = await card.evaluate((element) => element.getBoundingClientRect().toJSON())
    const viewport = await frame.evaluate(() => ({ w: innerWidth, h: innerHeight }))
    expect(box.left).toBeGreaterThanOrEqual(0)
    expect(box.right).toBeLessThanOrEqual(viewport.w)
    expect(box.bottom).toBeLessThanOrEqual(viewport.h + 1)
    // It covers neither the chips nor the story's title and sections.
    const chipBox = await chip.evaluate((element) => element.getBoundingClientRect().toJSON())
    expect(box.top).toBeGreaterThanOrEqual(chipBox.bottom)
    const title = frame.getByRole('heading', { level: 1, name: SEED.title })
    await expect(title).toBeVisible()
    const topmost = await title.evaluate((element) => {
      const r = element.getBoundingClientRect()
      return element.contains(document.elementFromPoint(r.left + 5, r.top + r.height / 2))
    })
    expect(topmost, 'the title is not under the card').toBe(true)

    await card.getByRole('button', { name: /close/i }).click()
    await expect(card).toBeHidden()
    await expect.poll(() => frameHeight(iframe)).toBeLessThan(after)
    await expectFitted(iframe, frame)
  })

  test('without embed.js the frame keeps its height and the story scrolls inside', async ({
    page,
  }) => {
    const { iframe, frame } = await openHost(page, STORY, { page: 'embed-fixed.html' })
    await expect(frame.getByRole('heading', { level: 1, name: SEED.title })).toBeVisible()
    expect(await frameHeight(iframe)).toBe(400)
    const scroll = await frame.evaluate(() => ({
      scrollHeight: document.scrollingElement!.scrollHeight,
      clientHeight: document.scrollingElement!.clientHeight,
    }))
    expect(scroll.scrollHeight).toBeGreaterThan(scroll.clientHeight)
    await frame.evaluate(() => window.scrollTo(0, 200))
    expect(await frame.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  })
})

test.describe('messages that are not the embed’s', () => {
  test('a height message from another frame on the host page is ignored', async ({ page }) => {
    const { iframe, frame } = await openHost(page, STORY)
    const fitted = await expectFitted(iframe, frame)
    // The host's own window claims a height, then another frame on the reader's origin
    // (the full reader, which is no embed): right origin, wrong event.source.
    await countForgedMessages(page)
    await page.evaluate(() => {
      window.postMessage({ type: 'briefing:height', version: 1, height: 123 }, '*')
    })
    await page.evaluate((src) => {
      const other = document.createElement('iframe')
      other.title = 'Another widget'
      other.src = src
      document.body.append(other)
    }, `${APP_ORIGIN}/`)
    const widgetUrl = `${APP_ORIGIN}/`
    await expect.poll(() => page.frame({ url: widgetUrl })).not.toBeNull()
    const widget = page.frame({ url: widgetUrl })!
    await widget.waitForLoadState()
    await widget.evaluate(() => {
      parent.postMessage({ type: 'briefing:height', version: 1, height: 123 }, '*')
    })
    await expect.poll(() => page.evaluate(() => window.forged)).toBe(2)
    expect(await frameHeight(iframe)).toBe(fitted)
  })

  test('a height message from the reader’s frame on another origin is ignored', async ({
    page,
  }) => {
    const { iframe, frame } = await openHost(page, STORY)
    const fitted = await expectFitted(iframe, frame)
    // The frame itself navigates away: same event.source, another origin (127.0.0.1, the
    // host server's port), and its src attribute still names the reader.
    const foreign = new URL('/foreign-sender.html', host.origin)
    foreign.hostname = '127.0.0.1'
    await countForgedMessages(page)
    await frame.goto(foreign.href)
    await expect(frame.getByText('Not the reader.')).toBeVisible()
    await expect.poll(() => page.evaluate(() => window.forged)).toBe(1)
    expect(await frameHeight(iframe)).toBe(fitted)
  })
})

test.describe('links', () => {
  async function expectOutLinks(frame: Frame, target: '_blank' | '_top') {
    const links = frame.getByRole('main').getByRole('link')
    const all = await links.evaluateAll((anchors) =>
      (anchors as HTMLAnchorElement[]).map((a) => ({
        href: a.href,
        target: a.target,
        rel: a.rel,
      })),
    )
    const reader = all.filter((link) => new URL(link.href).origin === APP_ORIGIN)
    const external = all.filter((link) => new URL(link.href).origin !== APP_ORIGIN)
    expect(reader.length).toBeGreaterThan(0)
    for (const link of reader) {
      expect(link.target, link.href).toBe(target)
      if (target === '_blank') expect(link.rel.split(' '), link.href).toContain('noopener')
      expect(new URL(link.href).pathname, 'the full reader, not the embed').not.toMatch(/^\/embed/)
    }
    for (const link of external) {
      expect(link.target, link.href).toBe('_blank')
      expect(link.rel.split(' '), link.href).toContain('noopener')
    }
    return { reader, external }
  }

  test('story links open the full reader in a new tab; external links always do', async ({
    page,
  }) => {
    const { frame } = await openHost(page, STORY)
    const topic = SEED.topics[0]
    await topicChip(frame, topic.name).click()
    // The card's code loads on the first chip: its links are there once it is.
    const all = `All stories on ${topic.name}`
    await expect(topicDialog(frame, topic.name).getByRole('link', { name: all })).toBeVisible()
    await sectionButton(frame, SEED.sections[1].title).click()
    await expect(sectionButton(frame, SEED.sections[1].title)).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    const { external } = await expectOutLinks(frame, '_blank')
    expect(external.length, 'the story’s sources are external links').toBeGreaterThan(0)
  })

  test('with target=top, story links open in the host’s tab', async ({ page }) => {
    const { frame } = await openHost(page, '/embed?limit=3&target=top')
    await expectOutLinks(frame, '_top')
    const first = frame.getByRole('main').getByRole('link').first()
    const href = await first.getAttribute('href')
    await first.click()
    await expect(page).toHaveURL(href!)
  })
})

test.describe('routes', () => {
  test('/embed?limit=3 shows the three latest stories', async ({ page }) => {
    const { iframe, frame } = await openHost(page, '/embed?limit=3')
    const titles = sampleFeed()
      .items.slice(0, 3)
      .map((item) => item.title)
    const list = frame.getByRole('main').getByRole('listitem')
    await expect(list).toHaveCount(3)
    for (const title of titles) {
      await expect(frame.getByRole('link', { name: new RegExp(escape(title!)) })).toBeVisible()
    }
    await expectFitted(iframe, frame)
  })

  test('/embed/topics/<id> lists the topic’s stories', async ({ page }) => {
    const topic = SEED.topics[1]
    const { iframe, frame } = await openHost(page, `/embed/topics/${topic.id}`)
    await expect(frame.getByRole('heading', { level: 1, name: topic.name })).toBeVisible()
    await expect(frame.getByRole('link', { name: new RegExp(escape(SEED.title)) })).toBeVisible()
    await expectFitted(iframe, frame)
  })
})

test.describe('appearance', () => {
  test('theme=dark and theme=light set the colours; background=transparent shows the host’s', async ({
    page,
  }) => {
    const dark = (await openHost(page, `${STORY}?theme=dark`)).frame
    const darkBg = await background(dark)
    const light = (await openHost(page, `${STORY}?theme=light`)).frame
    const lightBg = await background(light)
    expect(luminance(darkBg)).toBeLessThan(0.2)
    expect(luminance(lightBg)).toBeGreaterThan(0.8)

    const clear = (await openHost(page, `${STORY}?theme=dark&background=transparent`)).frame
    expect(await background(clear)).toBe('rgba(0, 0, 0, 0)')
    expect(
      await clear.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    ).toBe('rgba(0, 0, 0, 0)')
  })

  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing inside the frame, ${theme}`, async ({ page, checkA11y }) => {
      const { frame } = await openHost(page, `${STORY}?theme=${theme}`)
      await sectionButton(frame, SEED.sections[1].title).click()
      await topicChip(frame, SEED.topics[0].name).click()
      await expect(topicDialog(frame, SEED.topics[0].name)).toBeVisible()
      await checkA11y(frame, `the embedded story, ${theme}`)
    })
  }
})

test.describe('hostile frames', () => {
  test('a sandbox without allow-same-origin still shows the story and its sections', async ({
    page,
  }) => {
    const { iframe, frame } = await openHost(page, STORY, {
      sandbox: 'allow-scripts allow-popups',
    })
    expect(await frame.evaluate(() => origin)).toBe('null')
    await expectWorkingSections(frame)
    await expectFitted(iframe, frame)
  })

  test('storage that throws leaves the story and its sections working', async ({ page }) => {
    await page.addInitScript((appOrigin) => {
      if (location.origin !== appOrigin) return
      const refuse = () => {
        throw new DOMException('Storage is blocked', 'SecurityError')
      }
      Object.defineProperty(window, 'localStorage', { get: refuse })
      Object.defineProperty(window, 'sessionStorage', { get: refuse })
    }, APP_ORIGIN)
    const { iframe, frame } = await openHost(page, STORY)
    expect(
      await frame.evaluate(() => {
        try {
          return typeof localStorage
        } catch {
          return 'throws'
        }
      }),
    ).toBe('throws')
    await expectWorkingSections(frame)
    await expectFitted(iframe, frame)
  })
})

test.describe('screens', () => {
  for (const width of [1280, 390]) {
    test(`the host page with the embedded story at ${width}px`, async ({
      page,
      takeScreenshot,
    }) => {
      await page.setViewportSize({ width, height: 800 })
      const { iframe, frame } = await openHost(page, STORY)
      await topicChip(frame, SEED.topics[0].name).click()
      await expectFitted(iframe, frame)
      const scrollWidth = await frame.evaluate(() => document.documentElement.scrollWidth)
      expect(scrollWidth, 'nothing overflows the frame sideways').toBeLessThanOrEqual(
        await iframe.evaluate((element) => element.clientWidth),
      )
      await expect.poll(() => frame.evaluate(() => scrollY), 'the story is not scrolled').toBe(0)
      // A cross-origin frame paints only what the viewport shows: make it show the page.
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      await page.setViewportSize({ width, height })
      await takeScreenshot(`embed-host-${width}`)
    })
  }
})

declare global {
  interface Window {
    forged?: number
  }
}

/** Counts, on the host page, the forged height messages that reached it (height 123). */
async function countForgedMessages(page: Page) {
  await page.evaluate(() => {
    window.forged = 0
    window.addEventListener('message', (event) => {
      if ((event.data as { height?: number } | null)?.height === 123) window.forged! += 1
    })
  })
}

async function expectWorkingSections(frame: Frame) {
  await expect(frame.getByRole('heading', { level: 1, name: SEED.title })).toBeVisible()
  const section = SEED.sections[1]
  const button = sectionButton(frame, section.title)
  const expanded = await button.getAttribute('aria-expanded')
  await button.click()
  await expect(button).toHaveAttribute('aria-expanded', expanded === 'true' ? 'false' : 'true')
  if (expanded !== 'true') await expect(frame.getByText(section.opening)).toBeVisible()
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
