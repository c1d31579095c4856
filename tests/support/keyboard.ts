import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import type { App } from './fixtures'

/**
 * What is wrong with where keyboard focus is now, or null when nothing is: the focused
 * element must show a focus indicator (an outline or a box-shadow), be rendered, sit in no
 * inert, hidden or aria-hidden subtree, and be inside the open modal dialog if there is one.
 * Focus outside the reader (the host page of an embed, or the document itself) is not judged.
 */
async function focusProblem(app: App): Promise<string | null> {
  const frame = await app.frame()
  return frame.evaluate(() => {
    const element = document.activeElement
    if (!document.hasFocus() || !element || element === document.body) return null
    const name = `<${element.tagName.toLowerCase()}> "${(element.textContent ?? '').trim().slice(0, 40)}"`
    const hiddenBy = element.closest('[inert], [hidden], [aria-hidden="true"]')
    if (hiddenBy) {
      return `${name} has focus inside ${hiddenBy.outerHTML.slice(0, 80)}…`
    }
    if (!element.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) {
      return `${name} has focus but is not rendered`
    }
    const modal = document.querySelector('dialog:modal')
    if (modal && !modal.contains(element)) return `${name} has focus outside the open dialog`
    const style = getComputedStyle(element)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== ''
    if (!outline && !shadow) return `${name} has focus but no visible focus indicator`
    return null
  })
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking focus at every stop.
 * Fails if `target` is not reached within `max` presses.
 */
export async function tabTo(
  page: Page,
  app: App,
  target: Locator,
  { key = 'Tab', max = 60 }: { key?: 'Tab' | 'Shift+Tab'; max?: number } = {},
): Promise<void> {
  await target.waitFor({ state: 'attached' })
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(key)
    expect(await focusProblem(app), `focus after ${press + 1} × ${key}`).toBeNull()
    if (await target.evaluate((el) => el === document.activeElement && document.hasFocus())) return
  }
  throw new Error(`${key} did not reach ${target} within ${max} presses`)
}

/** Presses `key` and checks where focus lands. */
export async function press(page: Page, app: App, key: string): Promise<void> {
  await page.keyboard.press(key)
  expect(await focusProblem(app), `focus after ${key}`).toBeNull()
}
