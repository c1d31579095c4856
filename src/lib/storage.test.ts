import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStore } from './storage'

const parseCount = (v: unknown) => (typeof v === 'number' ? v : undefined)

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
})

describe('createStore', () => {
  it('reads, writes and survives a new store on the same key (a reload)', () => {
    const a = createStore('test:v1', parseCount, 0)
    a.set((n) => n + 2)
    expect(createStore('test:v1', parseCount, 0).get()).toBe(2)
    expect(a.mode()).toBe('storage')
  })

  it('falls back to memory when storage throws, and never writes', () => {
    localStorage.setItem('test:v1', '5')
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    const store = createStore('test:v1', parseCount, 0)
    expect(store.get()).toBe(0)
    store.set(9)
    expect(store.get()).toBe(9)
    expect(store.mode()).toBe('memory')
    expect(setItem).not.toHaveBeenCalled()
  })

  it('keeps going in memory when storage is full', () => {
    const store = createStore('test:v1', parseCount, 0)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    store.set(3)
    expect(store.get()).toBe(3)
  })

  it('keeps a copy of garbage before replacing it', () => {
    localStorage.setItem('test:v1', '{not json')
    const store = createStore('test:v1', parseCount, 1)
    expect(store.get()).toBe(1)
    expect(localStorage.getItem('test:v1:unreadable')).toBe('{not json')
    store.set(4)
    expect(localStorage.getItem('test:v1')).toBe('4')
  })

  it('follows changes made in another tab', () => {
    const store = createStore('test:v1', parseCount, 0)
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    localStorage.setItem('test:v1', '7')
    window.dispatchEvent(new StorageEvent('storage', { key: 'test:v1' }))
    expect(store.get()).toBe(7)
    expect(listener).toHaveBeenCalled()
    unsubscribe()
  })
})
