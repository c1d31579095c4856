import { createStore, useStore } from '../../lib/storage'

/** What the reader has read, and saved (with the title, so a saved story outlives the feed). */
type SavedStory = { id: string; title: string; savedAt: string }
/** A topic or a tag the reader follows, with its name, so the list of follows reads alone. */
export type Follow = { kind: 'topic' | 'tag'; id: string; name: string }
/**
 * A story as the reader last opened it: when, and a 7-character hash of each section's
 * normalised text (history.ts), never the text itself.
 */
export type Opened = { id: string; readAt: string; h: string }
/**
 * Follows, what was opened and when the list was last seen are kept beside read and saved,
 * in the same stored value. Only the code that uses them (history.ts, follows.ts, loaded
 * after the first paint) checks them: this module, in every first load, keeps them as read.
 */
export type ReadingState = {
  read: string[]
  saved: SavedStory[]
  follows?: Follow[]
  opened?: Opened[]
  lastVisit?: string
}

export const READ_LIMIT = 2000

function parseReadingState(value: unknown): ReadingState | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  if (!Array.isArray(v.read) || !Array.isArray(v.saved)) return undefined
  return {
    ...v,
    read: v.read.filter((id): id is string => typeof id === 'string'),
    saved: v.saved.filter(
      (s): s is SavedStory =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as SavedStory).id === 'string' &&
        typeof (s as SavedStory).title === 'string' &&
        typeof (s as SavedStory).savedAt === 'string',
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
    const has = state.read.includes(id)
    if (has === read) return state
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
