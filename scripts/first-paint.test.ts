import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SLOW_LOADING_MS, stillLoading } from '../src/components/ui/loading-status'
import { applySettings, settingsStore, type Settings } from '../src/features/reading/settings'
import { FIRST_PAINT_SCRIPT, FIRST_PAINT_SCRIPT_HASH } from './first-paint.mjs'
import { META_CONTENT_SECURITY_POLICY } from './first-paint-plugin'
import { CONTENT_SECURITY_POLICY } from './hosting-headers.mjs'

const root = document.documentElement

/** What the page's <html> carries after the first-paint script has run. */
function firstPaint(path = '/stories/kursk') {
  window.history.replaceState(null, '', path)
  delete root.dataset.theme
  delete root.dataset.textSize
  new Function(FIRST_PAINT_SCRIPT)()
  return { theme: root.dataset.theme, textSize: root.dataset.textSize }
}

/** What the app puts there for the same settings. */
function applied(settings: Settings) {
  const element = document.createElement('html')
  applySettings(settings, element)
  return { theme: element.dataset.theme, textSize: element.dataset.textSize }
}

describe('the first-paint script', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => window.history.replaceState(null, '', '/'))

  it('applies the settings the app stored, as the app itself would', () => {
    for (const settings of [
      { theme: 'dark', textSize: 'larger' },
      { theme: 'light', textSize: 'small' },
      { theme: 'system', textSize: 'large' },
    ] satisfies Settings[]) {
      settingsStore.set(settings)
      expect(firstPaint()).toEqual(applied(settings))
    }
  })

  it('leaves an embed to the host page, and a page without settings to the defaults', () => {
    settingsStore.set({ theme: 'dark', textSize: 'larger' })
    expect(firstPaint('/embed/stories/kursk')).toEqual({ theme: undefined, textSize: undefined })
    localStorage.clear()
    expect(firstPaint()).toEqual({ theme: undefined, textSize: undefined })
  })

  it('ignores what it cannot read, without throwing', () => {
    for (const raw of ['{not json', 'null', '"dark"', '{"theme":"neon","textSize":"huge"}']) {
      localStorage.setItem('briefing:v1:settings', raw)
      expect(firstPaint()).toEqual({ theme: undefined, textSize: undefined })
    }
  })
})

describe('the loading placeholder', () => {
  afterEach(() => {
    vi.useRealTimers()
    document.body.replaceChildren()
  })

  it('says it is still loading, as the app does, once the visit has taken SLOW_LOADING_MS', () => {
    vi.useFakeTimers()
    const html = readFileSync('index.html', 'utf8')
    document.body.append(
      new DOMParser().parseFromString(html, 'text/html').getElementById('root') as HTMLElement,
    )
    const status = screen.getByRole('status')
    expect(status).toHaveClass('sr-only')
    firstPaint('/topics/russia')
    vi.advanceTimersByTime(SLOW_LOADING_MS - 1)
    expect(status).toHaveTextContent('Loading the stories…')
    vi.advanceTimersByTime(1)
    expect(status).toHaveTextContent(stillLoading('the stories'))
    expect(status).not.toHaveClass('sr-only')
  })
})

describe('the Content-Security-Policy', () => {
  it('admits the first-paint script by its hash, and no other inline script', () => {
    const hash = createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('base64')
    expect(FIRST_PAINT_SCRIPT_HASH).toBe(`'sha256-${hash}'`)
    expect(/script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)?.[1]).toBe(
      `'self' ${FIRST_PAINT_SCRIPT_HASH}`,
    )
  })

  it('reads the same in index.html (less frame-ancestors) and in the README', () => {
    const html = readFileSync('index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]
    expect(meta?.replace(/\s+/g, ' ')).toBe(META_CONTENT_SECURITY_POLICY)
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors')

    const readme = readFileSync('README.md', 'utf8')
    const block = /On HTML, the Content-Security-Policy:\s*```\s*([^`]*)```/.exec(readme)?.[1]
    expect(block?.replace(/\s+/g, ' ').trim()).toBe(CONTENT_SECURITY_POLICY)
  })
})
