import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { SEED, sampleFeed, storyPath } from './support/feed'
import { expect, settle, test } from './support/fixtures'
import {
  expectHydrated,
  expectUrl,
  heading1,
  sectionButton,
  storyLink,
  topicChip,
  topicDialog,
} from './support/reader'
import { READING_KEY, breakStorage, luminance, openSettings, touchDrag } from './support/reading'

const seedPath = storyPath(SEED.id)
const [whatsHappened, , howWeGotHere] = SEED.sections
const russia = SEED.topics[1]
const otherStory = sampleFeed().items.find((item) => item._story && String(item.id) !== SEED.id)
const arabicFeed = readFileSync(
  new URL('./fixtures/feed-arabic-story.json', import.meta.url),
  'utf8',
)

// Reading comfort is the full app: an embed has no header, settings, saved list or shortcuts
// (not run in the embedded project: playwright.config.ts).

const article = (page: Page) => page.getByRole('main').getByRole('article').first()

async function openCard(page: Page) {
  await page.goto(seedPath)
  // The app has the page: a chip tapped before is a link, and the card then opens on a new load.
  await expectHydrated(page)
  await topicChip(page, russia.name).click()
  const card = topicDialog(page, russia.name)
  await expect(card).toBeVisible()
  await settle(page)
  return card
}

// The bottom sheet is the phone layout.
test.describe('the entity card on a phone', { tag: '@phone-only' }, () => {
  test('is a bottom sheet that closes by drag, tap outside, Escape and Back', async ({ page }) => {
    const viewport = page.viewportSize()!
    let card = await openCard(page)
    const box = (await card.boundingBox())!
    expect(box.width).toBe(viewport.width)
    expect(Math.round(box.y + box.height)).toBe(viewport.height)
    expect(box.y).toBeGreaterThan(viewport.height * 0.1)

    // Drag the sheet's handle (its top strip) down past the threshold.
    await touchDrag(page, box.x + box.width / 2, box.y + 10, box.y + 200)
    await expect(card).toBeHidden()
    await expect(topicChip(page, russia.name)).toBeFocused()

    // A short drag springs back.
    await topicChip(page, russia.name).click()
    await settle(page)
    await touchDrag(page, box.x + box.width / 2, box.y + 10, box.y + 30, { still: true })
    await expect(card).toBeVisible()
    expect((await card.boundingBox())!.y).toBeCloseTo(box.y, 0)

    await page.touchscreen.tap(viewport.width / 2, 20)
    await expect(card).toBeHidden()

    card = await openCard(page)
    await page.keyboard.press('Escape')
    await expect(card).toBeHidden()

    await topicChip(page, russia.name).click()
    await expect(card).toBeVisible()
    await page.goBack()
    await expect(card).toBeHidden()
    await expect(heading1(page, SEED.title)).toBeVisible()
  })

  test('does not scroll the page behind it, nor leave the page stuck after', async ({ page }) => {
    const card = await openCard(page)
    // From the top of the page (a chip may sit at its end, where nothing scrolls further),
    // every scroll of the page while a dialog is open, as the page sees it.
    await page.evaluate(async () => {
      scrollTo({ top: 0, behavior: 'instant' })
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
      const w = window as Window & { scrolledBehind?: number }
      w.scrolledBehind = 0
      addEventListener('scroll', () => {
        if (document.querySelector('dialog[open]')) w.scrolledBehind! += 1
      })
    })
    const scrolledBehind = () =>
      page.evaluate(() => (window as Window & { scrolledBehind?: number }).scrolledBehind)
    await page.mouse.move(200, 60)
    await page.mouse.wheel(0, 400)
    // A swipe up on the scrim, above the sheet, is what a thumb would do.
    await touchDrag(page, 200, 100, 20)
    await expect(card).toBeVisible()

    await page.keyboard.press('Escape')
    await expect(card).toBeHidden()
    await page.evaluate(() => scrollTo(0, 0))
    // The same swipe with the card closed scrolls the page; input is handled in order, so
    // once it has, the gestures made over the card would have scrolled it by now.
    await touchDrag(page, 200, 100, 20)
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0)
    expect(await scrolledBehind()).toBe(0)
  })

  test('every control is at least 44 by 44 CSS pixels', async ({ page }) => {
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    const controls = page.locator('header button, header a, main button, [popover] label')
    const small: string[] = []
    const check = async () => {
      for (const control of await controls.all()) {
        if (!(await control.isVisible())) continue
        const box = await control.boundingBox()
        if (box && (box.width < 44 || box.height < 44)) {
          small.push(
            `${(await control.innerText()).trim() || (await control.getAttribute('aria-label'))}: ${Math.round(box.width)}x${Math.round(box.height)}`,
          )
        }
      }
    }
    await check()
    await openSettings(page)
    await check()
    expect(small).toEqual([])
  })

  test('has no control that only appears on hover', async ({ page }) => {
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    // Rules under :hover that reveal something are hover-only UI; colour and fade changes are not.
    const revealing = await page.evaluate(() => {
      const found: string[] = []
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule && rule.selectorText.includes(':hover')) {
            const s = rule.style
            const reveals =
              (s.display && s.display !== 'none') ||
              s.visibility === 'visible' ||
              s.opacity === '1' ||
              s.pointerEvents === 'auto'
            if (reveals) found.push(rule.cssText)
          }
          if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules)
        }
      }
      for (const sheet of document.styleSheets) walk(sheet.cssRules)
      return found
    })
    expect(revealing).toEqual([])
  })
})

// The side panel is the wide layout.
test.describe('the entity card on a desktop', { tag: '@not-phone' }, () => {
  test('opens as a panel beside the story text, not over it', async ({ page }) => {
    const card = await openCard(page)
    const panel = (await card.boundingBox())!
    const text = (await page.getByText(whatsHappened.opening).boundingBox())!
    expect(panel.height).toBeGreaterThan(page.viewportSize()!.height * 0.9)
    expect(text.x + text.width, 'the story text ends before the panel begins').toBeLessThanOrEqual(
      panel.x,
    )
    await page.keyboard.press('Escape')
    await expect(card).toBeHidden()
  })
})

test.describe('settings', () => {
  test('theme light, dark and system apply and are remembered', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    const look = () =>
      page.evaluate(() => ({
        scheme: getComputedStyle(document.documentElement).colorScheme,
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.querySelector('h1')!).color,
      }))
    expect(luminance((await look()).background)).toBeGreaterThan(0.8)

    let panel = await openSettings(page)
    await panel.getByText('Dark', { exact: true }).click()
    let dark = await look()
    expect(dark.scheme).toBe('dark')
    expect(luminance(dark.background)).toBeLessThan(0.05)
    expect(luminance(dark.text)).toBeGreaterThan(0.6)

    // The page built ahead of time paints in the stored theme before any of the app's code
    // has run (its scripts are held back here): no flash of the system's colours.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/assets/*.js', async (route) => {
      await held
      await route.continue()
    })
    await page.reload({ waitUntil: 'commit' })
    await expect(heading1(page, SEED.title)).toBeVisible()
    dark = await look()
    expect(dark.scheme).toBe('dark')
    expect(luminance(dark.background)).toBeLessThan(0.05)
    expect(await page.locator('#root').getAttribute('data-prerendered-path')).not.toBeNull()
    release()
    await page.unroute('**/assets/*.js')
    await expectHydrated(page)
    expect((await look()).scheme).toBe('dark')

    panel = await openSettings(page)
    await expect(panel.getByRole('radio', { name: 'Dark' })).toBeChecked()
    await panel.getByText('Light', { exact: true }).click()
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(luminance((await look()).background)).toBeGreaterThan(0.8)

    await panel.getByText('System', { exact: true }).click()
    expect(luminance((await look()).background)).toBeLessThan(0.05)
    await page.emulateMedia({ colorScheme: 'light' })
    expect(luminance((await look()).background)).toBeGreaterThan(0.8)
  })

  test('text size has steps that grow the reading text, remembered, fitting 320 px', async ({
    page,
  }) => {
    await page.goto(seedPath)
    const paragraph = page.getByText(whatsHappened.opening)
    const size = () => paragraph.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))
    const panel = await openSettings(page)
    const steps = panel.getByRole('group', { name: 'Text size' }).getByRole('radio')
    expect(await steps.count()).toBeGreaterThanOrEqual(3)
    const sizes: number[] = []
    for (const step of await steps.all()) {
      // The radio is visually hidden inside its label, which takes the tap.
      await step.locator('xpath=ancestor::label').click()
      await expect(step).toBeChecked()
      sizes.push(await size())
    }
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThan(sizes[i - 1]!)

    await page.reload()
    await expect.poll(size).toBe(sizes.at(-1))

    await page.setViewportSize({ width: 320, height: 640 })
    await sectionButton(page, howWeGotHere.title).click()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
    expect(overflow, 'the page scrolls sideways at 320 px').toBeLessThanOrEqual(0)
  })
})

test.describe('reading state', () => {
  const seedRow = (page: Page) =>
    page
      .getByRole('main')
      .getByRole('article')
      .filter({ has: page.getByRole('link', { name: SEED.title, exact: true }) })

  test('an opened story is read in the list until marked unread', async ({ page }) => {
    await page.goto('/')
    // Before then, the list built ahead of time opens the story's own page, built ahead too.
    await expectHydrated(page)
    await expect(seedRow(page).getByText('Read', { exact: true })).toHaveCount(0)
    await storyLink(page, SEED.title).click()
    await expect(heading1(page, SEED.title)).toBeVisible()
    await page.goBack()
    await expect(seedRow(page).getByText('Read', { exact: true })).toBeVisible()

    await storyLink(page, SEED.title).click()
    await page.getByRole('button', { name: 'Mark as unread' }).click()
    await expect(page.getByRole('button', { name: 'Mark as unread' })).toBeHidden()
    await page.getByRole('banner').getByRole('link', { name: 'Briefing', exact: true }).click()
    await expect(seedRow(page).getByText('Read', { exact: true })).toHaveCount(0)
  })

  test('saved stories are on /saved newest first, after a reload and in another tab', async ({
    page,
    context,
  }) => {
    test.skip(!otherStory?.title, 'The sample feed needs a second story')
    const second = { id: String(otherStory!.id), title: otherStory!.title! }
    const other = await context.newPage()
    await other.goto('/saved')
    await expect(other.getByText('Nothing saved yet')).toBeVisible()

    await page.goto(seedPath)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(storyLink(other, SEED.title), 'the other tab follows live').toBeVisible()

    await page.goto(storyPath(second.id))
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.reload()
    await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()
    await page.goto('/saved')
    await expect(page.getByRole('main').getByRole('link')).toHaveText([second.title, SEED.title])
    await expect(other.getByRole('main').getByRole('link')).toHaveText([second.title, SEED.title])
    await other.close()
  })

  test('storage that throws: the reader reads and saves in memory', async ({ page }) => {
    await breakStorage(page, { writes: true })
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await page.getByRole('banner').getByRole('link', { name: 'Saved' }).click()
    await expect(storyLink(page, SEED.title)).toBeVisible()
    const panel = await openSettings(page)
    await expect(panel).toContainText('not keeping settings')
  })

  test('a failed read never overwrites what is stored; garbage is kept', async ({ page }) => {
    const stored = JSON.stringify({
      read: [],
      saved: [{ id: 'kept', title: 'Saved before', savedAt: '2025-01-01T00:00:00.000Z' }],
    })
    await page.goto('/')
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [READING_KEY, stored])
    await breakStorage(page, { writes: false })
    await page.goto(seedPath)
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Saved' })).toBeVisible()
    // getItem throws here, so the value is read as a property.
    const raw = await page.evaluate((key) => localStorage[key] as string, READING_KEY)
    expect(raw).toBe(stored)
  })

  test('garbage under the key does not break the app and is not lost', async ({ page }) => {
    await page.goto('/')
    await page.evaluate((key) => localStorage.setItem(key, '{"read": oops'), READING_KEY)
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.goto('/saved')
    await expect(storyLink(page, SEED.title)).toBeVisible()
    const kept = await page.evaluate(() => Object.values({ ...localStorage }))
    expect(kept).toContain('{"read": oops')
  })
})

// Shortcuts are for a keyboard.
test.describe('keyboard shortcuts', { tag: '@not-phone' }, () => {
  test('move, open, save, sections, help and Escape', async ({ page }) => {
    await page.goto('/')
    const links = page.locator('[data-shortcut="story"]')
    await expect(links.first()).toBeVisible()
    await expectHydrated(page)
    await page.keyboard.press('j')
    await expect(links.nth(0)).toBeFocused()
    await page.keyboard.press('j')
    await expect(links.nth(1)).toBeFocused()
    await page.keyboard.press('k')
    await expect(links.nth(0)).toBeFocused()
    const firstTitle = await links.nth(0).innerText()
    await page.keyboard.press('o')
    await expect(heading1(page, firstTitle)).toBeVisible()

    await page.goto('/')
    await expect(links.first()).toBeVisible()
    await expectHydrated(page)
    await page.keyboard.press('j')
    await expect(links.nth(0)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(heading1(page, firstTitle)).toBeVisible()

    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    await expectHydrated(page)
    await page.keyboard.press('s')
    await expect(page.getByRole('button', { name: 'Saved' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await page.keyboard.press(']')
    await expect(sectionButton(page, whatsHappened.title)).toBeFocused()
    await page.keyboard.press(']')
    await page.keyboard.press('[')
    await expect(sectionButton(page, whatsHappened.title)).toBeFocused()
    await page.keyboard.press('e')
    await expect(sectionButton(page, howWeGotHere.title)).toHaveAttribute('aria-expanded', 'true')

    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(help).toBeHidden()
  })

  test('none fires while typing or with a modifier held', async ({ page }) => {
    await page.goto('/')
    const filter = page.getByRole('searchbox', { name: 'Filter stories by words' })
    await filter.click()
    await filter.pressSequentially('jkos?')
    await expect(filter).toHaveValue('jkos?')
    await expect(filter).toBeFocused()
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
    await filter.fill('')

    await page.goto(seedPath)
    await page.keyboard.press('Alt+s')
    await page.keyboard.press('Control+e')
    await page.keyboard.press('Alt+j')
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
    await expect(sectionButton(page, howWeGotHere.title)).toHaveAttribute('aria-expanded', 'false')
  })
})

test.describe('finding stories', () => {
  test('filters by words and topic, in the URL and back from it', async ({ app, page }) => {
    await page.goto('/')
    const rows = page.getByRole('main').locator('ol article')
    await expect(rows.first()).toBeVisible()
    const all = await rows.count()
    const words = page.getByRole('searchbox', { name: 'Filter stories by words' })
    await words.fill('Kursk')
    await expectUrl(app).toBe('/?q=Kursk')
    await expect(storyLink(page, SEED.title)).toBeVisible()
    await expect.poll(() => rows.count()).toBeLessThan(all)
    const matches = await rows.count()

    await page.goto('/')
    // Once the app has the list: a choice made while it takes the page over was lost in 1
    // fresh-clone run of 4 (the words above, typed before, are read at takeover).
    await expectHydrated(page)
    await page.getByRole('combobox', { name: 'Filter by topic' }).selectOption(russia.id)
    await expectUrl(app).toBe(`/?topic=${russia.id}`)
    await expect(storyLink(page, SEED.title)).toBeVisible()

    await page.goto('/')
    await words.pressSequentially('Kursk region')
    await expect(words).toHaveValue('Kursk region')
    await expectUrl(app).toBe('/?q=Kursk+region')
    await words.fill('')
    await page.getByRole('combobox', { name: 'Filter by topic' }).selectOption(russia.id)
    await expectUrl(app).toBe(`/?topic=${russia.id}`)
    await expect(words).toHaveValue('')

    await page.goto(`/?q=Kursk&topic=${russia.id}`)
    await expect(words).toHaveValue('Kursk')
    await expect(page.getByRole('combobox', { name: 'Filter by topic' })).toHaveValue(russia.id)
    await expect(storyLink(page, SEED.title)).toBeVisible()
    expect(await rows.count()).toBeLessThanOrEqual(matches)
  })
})

test.describe('sharing', () => {
  test('without a share sheet, copies a link to the open section, visibly', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: undefined })
      const copied: string[] = []
      Object.assign(window, { copied })
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: async (text: string) => void copied.push(text) },
      })
    })
    await page.goto(`${seedPath}?topic=${russia.id}`)
    await expect(topicDialog(page, russia.name)).toBeVisible()
    await page.keyboard.press('Escape')
    await sectionButton(page, howWeGotHere.title).click()
    await page.getByRole('button', { name: 'Share' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible()
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied)
    expect(copied).toHaveLength(1)
    expect(new URL(copied[0]!).hash).toBe(`#${howWeGotHere.id}`)
  })
})

test.describe('print', () => {
  test('every section open, no app chrome, links written out', async ({ page }) => {
    await page.goto(seedPath)
    await expect(heading1(page, SEED.title)).toBeVisible()
    await page.emulateMedia({ media: 'print' })
    for (const section of SEED.sections) await expect(page.getByText(section.opening)).toBeVisible()
    await expect(page.getByRole('banner')).toBeHidden()
    await expect(page.getByRole('contentinfo')).toBeHidden()
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeHidden()
    await expect(topicChip(page, russia.name)).toBeHidden()
    const source = page.getByRole('link', { name: SEED.sources[0] })
    const after = await source.evaluate((a) => getComputedStyle(a, '::after').content)
    expect(after).toContain(await source.getAttribute('href'))
  })
})

test.describe('languages', () => {
  test('a story in Arabic gets its lang and reads right to left', async ({ page }) => {
    await page.route('**/feed.json', (route) =>
      route.fulfill({ body: arabicFeed, contentType: 'application/feed+json' }),
    )
    await page.goto('/')
    const title = 'افتتاح المتحف المصري الكبير في الجيزة'
    await expect(storyLink(page, title)).toBeVisible()
    await storyLink(page, title).click()
    await expect(article(page)).toHaveAttribute('lang', 'ar')
    await expect(heading1(page, title)).toHaveAttribute('dir', 'auto')
    const paragraph = page.getByText('افتتحت مصر المتحف المصري الكبير قرب أهرامات الجيزة في')
    expect(await paragraph.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl')
    await page.goBack()
    await storyLink(page, 'The Grand Egyptian Museum prepares to open in Giza').click()
    await expect(article(page)).toHaveAttribute('lang', 'en')
  })
})

test.describe('scroll position', () => {
  test('a story opens at its top, and Back returns to the same place in the list', async ({
    page,
  }) => {
    await page.goto('/')
    // Back to a list built ahead of time is the app's, once it has taken the page over.
    await expectHydrated(page)
    const links = page.getByRole('main').getByRole('listitem').getByRole('link')
    await expect(links.nth(15)).toBeVisible()
    const far = links.nth(15)
    const title = (await far.textContent()) ?? ''
    await far.scrollIntoViewIfNeeded()
    const scrollY = () => page.evaluate(() => window.scrollY)
    const placed = await scrollY()
    await page.mouse.wheel(0, 120)
    // The wheel scrolls smoothly: wait until it has moved the page and come to rest.
    await expect.poll(scrollY).toBeGreaterThan(Math.max(400, placed))
    await expect
      .poll(async () => {
        const at = await scrollY()
        await page.waitForTimeout(100)
        return (await scrollY()) === at
      })
      .toBe(true)
    const before = await storyLink(page, title).evaluate((a) => a.getBoundingClientRect().top)

    await storyLink(page, title).click()
    await expect(heading1(page, title)).toBeInViewport()
    expect(await page.evaluate(() => window.scrollY)).toBe(0)

    await page.goBack()
    const link = storyLink(page, title)
    await expect(link).toBeInViewport()
    await expect
      .poll(() => link.evaluate((a) => Math.round(a.getBoundingClientRect().top)))
      .toBe(Math.round(before))
  })
})
