import type { Frame, FrameLocator, Locator, Page } from '@playwright/test'
import { expect } from './fixtures'
import type { App } from './fixtures'
import type { SeedSection } from './feed'

/* Locators for the reader's UI contract: roles and accessible names only. */

type Root = Page | Frame | FrameLocator

export function storyLink(root: Root, title: string): Locator {
  return root.getByRole('main').getByRole('link', { name: title, exact: true })
}

/**
 * Waits until the app has taken over a page built ahead of time (it shows before its
 * script runs, and keys pressed before then reach no listener).
 */
export async function expectHydrated(root: Root): Promise<void> {
  await expect(root.locator('[data-prerendered-path]')).toHaveCount(0)
}

/**
 * Waits until `target` shows while the reader backs off between the tries of a failing read
 * (0.5, 1 and 2 s), without waiting those out: the page's clock jumps ahead by `step` until
 * it shows (or, with `runTimers`, runs every timer due in that step). Each jump starts the
 * next try, and a failed try takes tens of milliseconds. The test calls page.clock.install()
 * before the page loads.
 */
export async function expectAfterRetries(
  page: Page,
  target: Locator,
  {
    step = 2_000,
    runTimers = false,
    timeout = 15_000,
  }: { step?: number; runTimers?: boolean; timeout?: number } = {},
): Promise<void> {
  await expect(async () => {
    if (runTimers) await page.clock.runFor(step)
    else await page.clock.fastForward(step)
    await expect(target).toBeVisible({ timeout: 80 })
  }).toPass({ timeout, intervals: [0] })
}

/** Waits for the error screen of a feed that keeps failing (see expectAfterRetries). */
export async function expectFeedErrorScreen(page: Page, root: Root): Promise<Locator> {
  const title = heading1(root, 'The stories could not be loaded')
  await expectAfterRetries(page, title)
  return title
}

export function heading1(root: Root, name: string): Locator {
  return root.getByRole('heading', { level: 1, name, exact: true })
}

export function sectionButton(root: Root, title: string): Locator {
  return root.getByRole('heading', { level: 2 }).getByRole('button', { name: title, exact: true })
}

export function sectionBody(root: Root, sectionId: string): Locator {
  return root.locator(`[id="${sectionId}"]`)
}

export function showAllButton(root: Root): Locator {
  return root.getByRole('button', { name: /^(Show|Hide) all sections$/ })
}

export function topicChip(root: Root, name: string): Locator {
  return root.getByRole('button', { name, exact: true })
}

export function topicDialog(root: Root, name: string): Locator {
  return root.getByRole('dialog', { name, exact: true })
}

export async function expectSectionOpen(root: Root, section: SeedSection): Promise<void> {
  await expect(sectionButton(root, section.title)).toHaveAttribute('aria-expanded', 'true')
  const body = sectionBody(root, section.id)
  await expect(body).not.toHaveAttribute('hidden')
  await expect(body.getByText(section.opening)).toBeVisible()
}

export async function expectSectionClosed(root: Root, section: SeedSection): Promise<void> {
  await expect(sectionButton(root, section.title)).toHaveAttribute('aria-expanded', 'false')
  const body = sectionBody(root, section.id)
  // Closed sections stay in the page for find-in-page: hidden="until-found".
  await expect(body).toHaveAttribute('hidden', 'until-found')
  await expect(body.getByText(section.opening)).toBeHidden()
}

/** The reader's URL, polled (the embedded reader's URL is its frame's). */
export function expectUrl(app: App) {
  return expect.poll(async () => {
    const url = await app.url()
    return `${decodeURIComponent(url.pathname)}${url.search}${url.hash}`
  })
}
