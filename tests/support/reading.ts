import type { Locator, Page } from '@playwright/test'

/* Helpers for the reading-comfort specs: settings, storage faults and touch drags. */

export const READING_KEY = 'briefing:v1:reading'

export async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click()
  const panel = page.getByRole('group', { name: 'Settings' })
  // The choices load as the button is reached for; a placeholder holds their place meanwhile.
  await panel.getByRole('group', { name: 'Text size' }).waitFor()
  return panel
}

/** A reader who asked the browser to save data (navigator.connection.saveData). */
export async function saveData(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'connection', {
      configurable: true,
      get: () => ({ saveData: true, effectiveType: '4g' }),
    })
  })
}

/** localStorage whose reads (and, with `writes`, writes) throw, as in a blocked browser. */
export async function breakStorage(page: Page, { writes }: { writes: boolean }): Promise<void> {
  await page.addInitScript((alsoWrites) => {
    const fail = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    }
    Storage.prototype.getItem = fail
    if (alsoWrites) Storage.prototype.setItem = fail
  }, writes)
}

/**
 * A real one-finger drag (Chromium turns it into touch pointer events). A quick drag ends in
 * a fling; `{ still: true }` holds the finger still before lifting it, as a reader does who
 * drags and lets go. (A tap that comes while a fling is still running only stops it, and
 * Chromium sends no click for it: the likeliest reason a tap on the scrim just after a short
 * drag closed nothing, twice in three full runs on a busy machine; not reproduced alone.)
 */
export async function touchDrag(
  page: Page,
  x: number,
  fromY: number,
  toY: number,
  { still = false } = {},
) {
  const cdp = await page.context().newCDPSession(page)
  const point = (y: number) => [{ x, y, id: 1 }]
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromY) })
  const steps = 8
  for (let i = 1; i <= steps; i++) {
    const y = fromY + ((toY - fromY) * i) / steps
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y) })
  }
  if (still) {
    await new Promise((resolve) => setTimeout(resolve, 150))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(toY) })
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  await cdp.detach()
}

/** Relative luminance of a CSS rgb() colour, 0 (black) to 1 (white). */
export function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
