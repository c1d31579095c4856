import { useSyncExternalStore } from 'react'

/*
 * State that outlives the tab, in localStorage and shared live between tabs. Storage may be
 * missing, blocked, full or hold garbage: the reader then works from memory, and a value it
 * could not read is never overwritten.
 */

type Parse<T> = (value: unknown) => T | undefined

export type Store<T> = {
  get: () => T
  /** The value before anything is read: what HTML rendered ahead of time shows. */
  initial: T
  set: (update: T | ((prev: T) => T)) => void
  subscribe: (listener: () => void) => () => void
  /** 'storage' when changes are kept; 'memory' when they last only as long as the tab. */
  mode: () => 'storage' | 'memory'
}

export function createStore<T>(key: string, parse: Parse<T>, fallback: T): Store<T> {
  const listeners = new Set<() => void>()
  let value = fallback
  // Writable only once a read has succeeded, so that a failed read never clobbers data.
  let writable = false

  function read(): void {
    let raw: string | null
    try {
      // Missing, or blocked (it throws): nothing is read, and nothing will be written.
      raw = localStorage.getItem(key)
    } catch {
      return
    }
    writable = true
    if (raw === null) return
    let parsed: T | undefined
    try {
      parsed = parse(JSON.parse(raw))
    } catch {
      parsed = undefined
    }
    if (parsed === undefined) {
      // Garbage under our key: keep a copy for inspection before it is ever replaced.
      try {
        localStorage.setItem(`${key}:unreadable`, raw)
      } catch {
        writable = false
      }
      return
    }
    value = parsed
  }

  read()

  function emit() {
    for (const listener of listeners) listener()
  }

  function onStorage(event: StorageEvent) {
    if (event.key !== key && event.key !== null) return
    read()
    emit()
  }

  return {
    get: () => value,
    initial: fallback,
    mode: () => (writable ? 'storage' : 'memory'),
    set(update) {
      value = typeof update === 'function' ? (update as (prev: T) => T)(value) : update
      if (writable) {
        try {
          localStorage.setItem(key, JSON.stringify(value))
        } catch {
          // Full or revoked: the change lives on in memory for this tab.
        }
      }
      emit()
    },
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener('storage', onStorage)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) window.removeEventListener('storage', onStorage)
      }
    },
  }
}

export function useStore<T>(store: Store<T>): T {
  // Hydrating prerendered HTML starts from what it shows; the stored value follows at once.
  return useSyncExternalStore(store.subscribe, store.get, () => store.initial)
}
