import type { Page } from '@playwright/test'
import { SEED, storyPath, topicPath } from './support/feed'
import { expect, settle, test } from './support/fixtures'
import type { App } from './support/fixtures'
import { FEED_REQUESTS, readFeedAtRunTime } from './support/run-time-feed'
import {
  expectFeedErrorScreen,
  expectSectionOpen,
  heading1,
  sectionBody,
  sectionButton,
  showAllButton,
  storyLink,
  topicChip,
  topicDialog,
} from './support/reader'

/** Each screen axe checks, as a person gets to it. */
const screens: Record<string, (app: App, page: Page) => Promise<void>> = {
  'the list of stories': async (app) => {
    await app.goto('/')
    await expect(storyLink(app.root, SEED.title)).toBeVisible()
  },
  'the seed story with every section open': openSeedStoryInFull,
  'a topic card': async (app) => {
    await app.goto(storyPath(SEED.id))
    await topicChip(app.root, 'Kim Jong-un').click()
    await expect(topicDialog(app.root, 'Kim Jong-un')).toBeVisible()
  },
  'a topic page': async (app) => {
    await app.goto(topicPath('north-korea'))
    await expect(heading1(app.root, 'North Korea')).toBeVisible()
  },
  'a story that is not there': async (app) => {
    await app.goto('/stories/nope')
    await expect(heading1(app.root, 'Story not found')).toBeVisible()
  },
  // As a feed set at run time shows it; the list built ahead of time would stay instead,
  // with a notice (prerender.spec.ts).
  'the error screen': async (app, page) => {
    await readFeedAtRunTime(page)
    await page.route(FEED_REQUESTS, (route) => route.fulfill({ status: 500, body: 'Server error' }))
    await page.clock.install()
    await app.goto('/')
    await expectFeedErrorScreen(page, app.root)
  },
}

/** What a portal's readers reach inside the frame; embed.spec.ts checks the embed routes. */
const FRAMED_SCREENS = new Set(['the seed story with every section open', 'a topic card'])

test.describe('axe finds no WCAG 2.2 A/AA violations', () => {
  for (const [screen, open] of Object.entries(screens)) {
    // Every screen is checked at both sizes; inside the frame, the story and its card.
    const tag = FRAMED_SCREENS.has(screen) ? [] : ['@not-embedded']
    test(`${screen}, light and dark`, { tag }, async ({ app, page, checkA11y, allowErrors }) => {
      if (screen === 'the error screen') allowErrors(/feed/i)
      await open(app, page)
      // The same screen in both schemes: the theme follows the system without a reload.
      const backgrounds = new Set<string>()
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        await checkA11y(app, `${screen} (${colorScheme})`)
        backgrounds.add(await pageBackground(app))
      }
      expect(backgrounds.size, 'light and dark have different backgrounds').toBe(2)
    })
  }
})

test.describe('reflow: no horizontal scrolling at 320 CSS pixels', () => {
  const pages = {
    'the list of stories': screens['the list of stories'],
    'the seed story': openSeedStoryInFull,
  }
  for (const [name, open] of Object.entries(pages)) {
    test(name, async ({ app, page }) => {
      await page.setViewportSize({ width: 320, height: 800 })
      await open?.(app, page)
      const { scrollWidth, clientWidth } = await documentWidths(app)
      expect(scrollWidth, 'document width').toBeLessThanOrEqual(clientWidth)
      if (!app.embedded) expect(scrollWidth).toBeLessThanOrEqual(320)
    })
  }
})

test.describe('200% zoom: the main content does not overflow sideways', () => {
  const pages = {
    'the list of stories': screens['the list of stories'],
    'the seed story': openSeedStoryInFull,
  }
  for (const [name, open] of Object.entries(pages)) {
    test(name, async ({ app, page }) => {
      await page.setViewportSize({ width: 640, height: 800 })
      await open?.(app, page)
      const frame = await app.frame()
      await frame.evaluate(() => {
        document.documentElement.style.zoom = '2'
      })
      const widths = await frame.evaluate(() => {
        const main = document.querySelector('main')
        const root = document.documentElement
        return {
          main: main ? { scroll: main.scrollWidth, client: main.clientWidth } : null,
          mainRight: main ? main.getBoundingClientRect().right : 0,
          document: { scroll: root.scrollWidth, client: root.clientWidth },
          viewport: window.innerWidth,
        }
      })
      expect(widths.main, 'a <main> element').not.toBeNull()
      expect(widths.main?.scroll, '<main> overflows its own box').toBeLessThanOrEqual(
        widths.main?.client ?? 0,
      )
      expect(widths.document.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(
        widths.document.client,
      )
      expect(widths.mainRight, '<main> reaches past the viewport').toBeLessThanOrEqual(
        widths.viewport + 1,
      )
    })
  }
})

test.describe('reduced motion: things appear without moving', () => {
  test('an opened section and an opened topic card have no transition or animation', async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' })
    const [, , howWeGotHere] = SEED.sections
    await app.goto(storyPath(SEED.id))
    await sectionButton(app.root, howWeGotHere.title).click()
    await expectSectionOpen(app.root, howWeGotHere)
    expect(await longestMotion(sectionBody(app.root, howWeGotHere.id))).toEqual([])

    await topicChip(app.root, 'Kim Jong-un').click()
    const card = topicDialog(app.root, 'Kim Jong-un')
    await expect(card).toBeVisible()
    expect(await longestMotion(card)).toEqual([])
  })
})

async function pageBackground(app: App): Promise<string> {
  const frame = await app.frame()
  return frame.evaluate(() => getComputedStyle(document.body).backgroundColor)
}

async function openSeedStoryInFull(app: App): Promise<void> {
  await app.goto(storyPath(SEED.id))
  await showAllButton(app.root).click()
  for (const section of SEED.sections) await expectSectionOpen(app.root, section)
  await settle(await app.frame())
}

async function documentWidths(app: App) {
  const frame = await app.frame()
  return frame.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
}

/**
 * The transitions and animations longer than 10 ms (reduced-motion resets often leave
 * 0.01 ms) on `container`, its parent, everything in it, and the ::backdrop of the dialog
 * it is in, described. Transitions of colours alone are not motion and are let be.
 */
async function longestMotion(container: ReturnType<typeof sectionBody>): Promise<string[]> {
  return container.evaluate((root) => {
    const colourOnly =
      /^(color|background-color|border(-\w+)?-color|outline-color|text-decoration-color|fill|stroke|caret-color)$/
    const seconds = (value: string) => {
      const amount = parseFloat(value)
      return value.trim().endsWith('ms') ? amount / 1000 : amount
    }
    const found: string[] = []
    const check = (element: Element | null, pseudo?: string) => {
      if (!element) return
      const style = getComputedStyle(element, pseudo)
      const label = `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>${pseudo ?? ''}`
      const properties = style.transitionProperty.split(',').map((part) => part.trim())
      const durations = style.transitionDuration.split(',')
      properties.forEach((property, index) => {
        const duration = durations[index % durations.length] ?? '0s'
        if (property === 'none' || colourOnly.test(property) || seconds(duration) <= 0.01) return
        found.push(`${label} transition: ${property} ${duration.trim()}`)
      })
      const names = style.animationName.split(',').map((part) => part.trim())
      const animationDurations = style.animationDuration.split(',')
      names.forEach((name, index) => {
        const duration = animationDurations[index % animationDurations.length] ?? '0s'
        if (name === 'none' || seconds(duration) <= 0.01) return
        found.push(`${label} animation: ${name} ${duration.trim()}`)
      })
    }
    check(root)
    check(root.parentElement)
    root.querySelectorAll('*').forEach((element) => check(element))
    const dialog = root.closest('dialog')
    if (dialog) {
      check(dialog)
      check(dialog, '::backdrop')
    }
    return found
  })
}
