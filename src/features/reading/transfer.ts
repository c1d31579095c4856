import { followsOf } from './follows'
import { openedOf } from './opened'
import { parseReadingState, READ_LIMIT, type ReadingState } from './reading-state'

// Everything the reader keeps as one JSON file, and back; an import merges, losing nothing.

const KIND = 'briefing-reading'

export function exportReading(state: ReadingState, now = new Date()): string {
  const { read, saved, lastVisit } = state
  const file = {
    kind: KIND,
    version: 1,
    exportedAt: now.toISOString(),
    follows: followsOf(state),
    read,
    saved,
    opened: openedOf(state),
    lastVisit,
  }
  return JSON.stringify(file, null, 1)
}

/** What the file holds, merged into `current`; throws an Error that says what is wrong. */
export function importReading(text: string, current: ReadingState): ReadingState {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new Error('This file is not JSON, so it is not an export of Briefing.')
  }
  const file = value as Partial<ReadingState> & { kind?: unknown }
  if (typeof file !== 'object' || file === null || file.kind !== KIND) {
    throw new Error('This file is not an export of Briefing (a “Export” file from this menu).')
  }
  const imported = parseReadingState(file)
  if (!imported) {
    throw new Error('This export is damaged: it has no list of read or saved stories.')
  }
  const read = firstOf([...current.read, ...imported.read], (id) => id)
  const saved = firstOf([...current.saved, ...imported.saved], (s) => s.id)
  const follows = firstOf(
    [...followsOf(current), ...followsOf(imported)],
    (f) => `${f.kind}:${f.id}`,
  )
  // Of two readings of a story, the later is kept.
  const opened = firstOf(
    [...openedOf(current), ...openedOf(imported)].sort((a, b) => b.readAt.localeCompare(a.readAt)),
    (r) => r.id,
  )
  const lastVisit = [current.lastVisit, file.lastVisit]
    .filter((v): v is string => typeof v === 'string')
    .sort()
    .pop()
  return {
    ...current,
    read: read.slice(0, READ_LIMIT),
    saved,
    follows,
    opened: opened.slice(0, READ_LIMIT),
    lastVisit,
  }
}

/** The items, each key's first only, in their order. */
function firstOf<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))))
}
