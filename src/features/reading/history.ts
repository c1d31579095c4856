import { formatDay } from '../../lib/dates'
import { idHash } from '../../lib/slug'
import type { Story } from '../feed/parse-feed'
import { openedOf } from './opened'
import { readingStore, type Opened, type ReadingState } from './reading-state'

/*
 * What changed since the reader last read a story, and what is new since their last visit;
 * loaded after the first paint. Per story opened the reader keeps { id, readAt, h }: `h` joins
 * a 7-character hash (idHash) of each section's id and normalised text, so that a comma moved
 * or a line re-wrapped is no change.
 */

export const OPENED_LIMIT = 2000

/** The words of a text, without case, whitespace or punctuation. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}]+/gu, '')
}

type Part = { id: string; text: string }

/** A story's parts: its sections, or the whole text of a plain item; none for a lean one. */
function parts(story: Story): Part[] {
  if (story.sections.length > 0) return story.sections
  if (story.bodyFrom) return []
  return [{ id: '', text: story.contentText ?? story.contentHtml ?? '' }]
}

const hashOf = (part: Part) => idHash(`${part.id}\n${normalise(part.text)}`)

export function storyHashes(story: Story): string {
  return parts(story).map(hashOf).join('')
}

const modifiedSince = (story: Story, record: Opened | undefined): record is Opened =>
  Boolean(record && story.modified && Date.parse(story.modified) > Date.parse(record.readAt))

/** The ids of the parts whose text changed since `record`; none unless the story is later. */
export function changedParts(story: Story, record: Opened | undefined): string[] {
  if (!modifiedSince(story, record) || !record.h) return []
  const before = new Set(record.h.match(/.{7}/g)) // idHash's 7 characters each
  return parts(story)
    .filter((part) => !before.has(hashOf(part)))
    .map((part) => part.id)
}

/** Modified since the reader opened it, and (where there is text to compare) really changed. */
export function isUpdated(story: Story, record: Opened | undefined): boolean {
  if (!modifiedSince(story, record)) return false
  return !record.h || parts(story).length === 0 || changedParts(story, record).length > 0
}

export type Changes = { sections: ReadonlySet<string>; label: string }
const opening = new Map<string, Changes | undefined>()

/**
 * Records that the reader opened `story`, and returns what changed since the time before;
 * asked again in the same tab, it answers as the first time, so the marks stay put.
 */
export function openStory(story: Story, now = new Date()): Changes | undefined {
  // A lean story (its text not read yet) is recorded when it is whole.
  if (!story.bodyFrom && !opening.has(story.id)) {
    const record = openedOf(readingStore.get()).find((r) => r.id === story.id)
    const ids = changedParts(story, record)
    opening.set(
      story.id,
      ids.length > 0 && story.modified
        ? { sections: new Set(ids), label: `Updated ${formatDay(Date.parse(story.modified))}` }
        : undefined,
    )
    const fresh: Opened = { id: story.id, readAt: now.toISOString(), h: storyHashes(story) }
    readingStore.set((state) => ({
      ...state,
      opened: [fresh, ...openedOf(state).filter((r) => r.id !== story.id)].slice(0, OPENED_LIMIT),
    }))
  }
  return opening.get(story.id)
}

const WEEKDAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ')
const pad = (n: number) => String(n).padStart(2, '0')

/** "Tuesday 14:02" within the last week, otherwise "3 Nov 2024 14:02", in the reader's zone. */
export function visitLabel(time: number, now = Date.now()): string {
  const date = new Date(time)
  const clock = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  if (now - time < 6 * 24 * 3600_000) return `${WEEKDAYS[date.getDay()]} ${clock}`
  return `${formatDay(time)} ${clock}`
}

// The visit before this tab's, read once, so the "new" divider stays put while the reader reads.
let previousVisit: number | undefined

/** Notes this visit (now); answers when the one before it was, if there was one. */
export function startVisit(now = Date.now()): number | undefined {
  if (previousVisit === undefined) {
    const last = Date.parse(readingStore.get().lastVisit ?? '')
    previousVisit = Number.isNaN(last) ? 0 : last
  }
  readingStore.set((state) => ({ ...state, lastVisit: new Date(now).toISOString() }))
  return previousVisit || undefined
}

/** What a list shows of each story beside its title: "Updated", or "New" since the last visit. */
export type ListMarks = {
  marks: ReadonlyMap<string, string>
  newCount: number
  /** "3 new since Tuesday 14:02", when there are any. */
  newLabel?: string
}

const since = startVisit()

export function listMarks(
  stories: readonly Story[],
  state: ReadingState,
  visit = since,
): ListMarks {
  const opened = new Map(openedOf(state).map((r) => [r.id, r]))
  const marks = new Map<string, string>()
  let newCount = 0
  for (const story of stories) {
    if (isUpdated(story, opened.get(story.id))) marks.set(story.id, 'Updated')
    else if (
      visit &&
      story.published &&
      Date.parse(story.published) > visit &&
      !opened.has(story.id)
    ) {
      marks.set(story.id, 'New')
      newCount++
    }
  }
  const newLabel = visit && newCount ? `${newCount} new since ${visitLabel(visit)}` : undefined
  return { marks, newCount, newLabel }
}
