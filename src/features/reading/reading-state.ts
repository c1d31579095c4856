import { createStore, useStore } from '../../lib/storage'

/** What the reader has read, and saved (with the title, so a saved story outlives the feed). */
type SavedStory = { id: string; title: string; savedAt: string }
/** A topic or a tag the reader follows, with its name, so the list of follows reads alone. */
export type Follow = { kind: 'topic' | 'tag'; id: string; name: string }
/** A story as last opened: when, and hashes of its sections' text (history.ts), never the text. */
export type Opened = { id: string; readAt: string; h: string }
/** Only the code that uses follows, opened and lastVisit (loaded later) checks them. */
export type ReadingState = {
  read: string[]
  saved: SavedStory[]
  follows?: Follow[]
  opened?: Opened[]
  lastVisit?: string
}

export const READ_LIMIT = 2000

export function parseReadingState(value: unknown): ReadingState | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (!Array.isArray(v.read) || !Array.isArray(v.saved)) return undefined
  return {
    ...v,
    read: v.read.filter((id): id is string => typeof id === 'string'),
    saved: v.saved.filter(
      (s: Partial<SavedStory> | null): s is SavedStory =>
        typeof s?.id === 'string' && typeof s.title === 'string' && typeof s.savedAt === 'string',
    ),
  }
}

export const readingStore = createStore<ReadingState>('briefing:v1:reading', parseReadingState, {
  read: [],
  saved: [],
})

export function useReadingState() {
  return useStore(readingStore)
}

export function markRead(id: string, read = true) {
  readingStore.set((state) => {
    if (state.read.includes(id) === read) return state
    const next = read
      ? [id, ...state.read].slice(0, READ_LIMIT)
      : state.read.filter((r) => r !== id)
    return { ...state, read: next }
  })
}

export function toggleSaved(story: { id: string; title: string }, now = new Date()) {
  readingStore.set((state) => {
    const saved = state.saved.some((s) => s.id === story.id)
      ? state.saved.filter((s) => s.id !== story.id)
      : [{ id: story.id, title: story.title, savedAt: now.toISOString() }, ...state.saved]
    return { ...state, saved }
  })
}
