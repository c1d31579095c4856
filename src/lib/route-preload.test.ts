import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  preloadRoute,
  preloadWhenIdle,
  registerRoutePreload,
  resetRoutePreloads,
} from './route-preload'

// Screens imported by other test files in the same worker register theirs: start from none.
beforeEach(() => resetRoutePreloads())

afterEach(() => {
  resetRoutePreloads()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('preloadRoute', () => {
  it('loads the screen whose paths match, once, ignoring the query and fragment', async () => {
    const story = vi.fn(() => Promise.resolve({}))
    const list = vi.fn(() => Promise.resolve({}))
    registerRoutePreload((path) => path === '/', list)
    registerRoutePreload((path) => path.startsWith('/stories/'), story)

    preloadRoute('/stories/https%3A%2F%2Fnews.example%2F1?topic=russia#why-it-matters')
    preloadRoute('/stories/another')
    await settle()
    preloadRoute('/stories/a-third')
    expect(story).toHaveBeenCalledTimes(1)
    expect(list).not.toHaveBeenCalled()

    preloadRoute('/?q=kursk')
    expect(list).toHaveBeenCalledTimes(1)
  })

  it('tries again after a load that failed (offline, or a deploy that replaced the chunk)', async () => {
    const load = vi
      .fn<() => Promise<unknown>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue({})
    registerRoutePreload((path) => path === '/saved', load)

    preloadRoute('/saved')
    await settle()
    preloadRoute('/saved')
    await settle()
    preloadRoute('/saved')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('does nothing for a path no screen claims', () => {
    const load = vi.fn(() => Promise.resolve({}))
    registerRoutePreload((path) => path === '/saved', load)
    preloadRoute('/nowhere')
    expect(load).not.toHaveBeenCalled()
  })
})

describe('preloadWhenIdle', () => {
  it('loads when the browser is idle, and not once cancelled', () => {
    const idle: Array<() => void> = []
    vi.stubGlobal('requestIdleCallback', (run: () => void) => idle.push(run))
    vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.splice(handle - 1, 1))
    const story = vi.fn(() => Promise.resolve({}))
    const topic = vi.fn(() => Promise.resolve({}))
    registerRoutePreload((path) => path.startsWith('/stories/'), story)
    registerRoutePreload((path) => path.startsWith('/topics/'), topic)

    const cancelTopic = preloadWhenIdle(['/topics/russia'])
    cancelTopic()
    preloadWhenIdle(['/stories/1'])
    expect(story).not.toHaveBeenCalled()
    idle.forEach((run) => run())
    expect(story).toHaveBeenCalledTimes(1)
    expect(topic).not.toHaveBeenCalled()
  })

  it('waits for intent instead when the reader saves data or is on a 2G-class link', () => {
    vi.stubGlobal('requestIdleCallback', (run: () => void) => run())
    const load = vi.fn(() => Promise.resolve({}))
    registerRoutePreload(() => true, load)
    for (const connection of [
      { saveData: true },
      { effectiveType: 'slow-2g' },
      { effectiveType: '2g' },
    ]) {
      vi.stubGlobal('navigator', { ...navigator, connection })
      preloadWhenIdle(['/stories/1'])
    }
    expect(load).not.toHaveBeenCalled()

    vi.stubGlobal('navigator', { ...navigator, connection: { effectiveType: '3g' } })
    preloadWhenIdle(['/stories/1'])
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('falls back to a timer where there is no requestIdleCallback', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const load = vi.fn(() => Promise.resolve({}))
    registerRoutePreload(() => true, load)
    preloadWhenIdle(['/'])
    expect(load).not.toHaveBeenCalled()
    vi.advanceTimersByTime(2000)
    expect(load).toHaveBeenCalledTimes(1)
  })
})
