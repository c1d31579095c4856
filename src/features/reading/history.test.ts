import { afterEach, describe, expect, it } from 'vitest'
import type { Story } from '../feed/parse-feed'
import { followedStories, toggleFollow, followsOf } from './follows'
import {
  OPENED_LIMIT,
  changedParts,
  isUpdated,
  listMarks,
  normalise,
  openStory,
  storyHashes,
  visitLabel,
} from './history'
import { openedOf } from './opened'
import { readingStore } from './reading-state'

const story = (over: Partial<Story> = {}): Story => ({
  id: 'a',
  slug: 'a',
  title: 'A',
  hasTitle: true,
  authors: [],
  tags: [],
  attachments: [],
  topics: [],
  isStory: true,
  published: '2026-11-01T10:00:00Z',
  sections: [
    { id: 'whats-happened', title: "What's happened", text: 'Troops moved north.', sources: [] },
    { id: 'how-we-got-here', title: 'How we got here', text: 'It began in 2022.', sources: [] },
  ],
  ...over,
})

afterEach(() => {
  readingStore.set({ read: [], saved: [] })
  localStorage.clear()
})

describe('what changed since the reader read a story', () => {
  const readAt = '2026-11-02T10:00:00Z'
  const record = { id: 'a', readAt, h: storyHashes(story()) }
  const later = '2026-11-03T09:00:00Z'

  it('finds the section whose words changed, once the story is modified after the reading', () => {
    const edited = story({ modified: later })
    edited.sections = [edited.sections[0]!, { ...edited.sections[1]!, text: 'It began in 2014.' }]
    expect(changedParts(edited, record)).toEqual(['how-we-got-here'])
    expect(isUpdated(edited, record)).toBe(true)
    // Not modified since the reading: nothing is marked, whatever the text.
    expect(changedParts({ ...edited, modified: '2026-11-01T12:00:00Z' }, record)).toEqual([])
  })

  it('does not count whitespace, case or punctuation as a change', () => {
    expect(normalise('  Troops, moved\n north! ')).toBe(normalise('troops moved north'))
    const retyped = story({ modified: later })
    retyped.sections = retyped.sections.map((s) => ({ ...s, text: ` ${s.text.toUpperCase()}  ;` }))
    expect(changedParts(retyped, record)).toEqual([])
    expect(isUpdated(retyped, record)).toBe(false)
  })

  it('records each opening, keeps the first answer in the tab, and keeps 2,000 stories', () => {
    readingStore.set({ read: [], saved: [], opened: [record] })
    const edited = story({ modified: later })
    edited.sections = [{ ...edited.sections[0]!, text: 'Troops moved south.' }, edited.sections[1]!]
    const changes = openStory(edited, new Date('2026-11-04T00:00:00Z'))
    expect([...(changes?.sections ?? [])]).toEqual(['whats-happened'])
    expect(changes?.label).toMatch(/^Updated \d+ Nov 2026$/)
    expect(openedOf(readingStore.get())[0]).toMatchObject({ id: 'a', h: storyHashes(edited) })
    // Asked again in the same tab (the feed read again), the marks stay.
    expect(openStory(edited)).toBe(changes)

    for (let i = 0; i < OPENED_LIMIT + 5; i++) openStory(story({ id: `story-${i}` }))
    expect(openedOf(readingStore.get())).toHaveLength(OPENED_LIMIT)
  })

  it('stores about 120 bytes a story: 2,000 stories of four sections in 242 KB', () => {
    const opened = Array.from({ length: OPENED_LIMIT }, (_, i) => ({
      id: `2026-11-${String(i).padStart(4, '0')}-a-story-id-of-forty-characters`.slice(0, 40),
      readAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      h: 'x'.repeat(4 * 7),
    }))
    const bytes = JSON.stringify({ opened }).length
    // {"id":"<40>","readAt":"<24>","h":"<28>"}, and a comma: 121 bytes, 242 KB in all.
    expect(bytes / OPENED_LIMIT).toBeLessThan(122)
    expect(bytes).toBeLessThan(250_000)
  })
})

describe('list marks', () => {
  it('marks what is new since the last visit, and what was updated', () => {
    const since = Date.parse('2026-11-02T00:00:00Z')
    const old = story({ id: 'old', published: '2026-11-01T00:00:00Z' })
    const fresh = story({ id: 'fresh', published: '2026-11-03T00:00:00Z' })
    const changed = story({ id: 'a', modified: '2026-11-05T00:00:00Z' })
    changed.sections = [{ ...changed.sections[0]!, text: 'Something else entirely.' }]
    const state = {
      read: ['a'],
      saved: [],
      opened: [{ id: 'a', readAt: '2026-11-02T10:00:00Z', h: storyHashes(story()) }],
    }
    const marks = listMarks([fresh, changed, old], state, since)
    expect([...marks.marks]).toEqual([
      ['fresh', 'New'],
      ['a', 'Updated'],
    ])
    expect(marks.newCount).toBe(1)
    expect(marks.newLabel).toBe(`1 new since ${visitLabel(since)}`)
  })

  it('says when the last visit was: the weekday within a week, else the date', () => {
    const now = Date.parse('2026-12-06T12:00:00')
    expect(visitLabel(Date.parse('2026-12-01T14:02:00'), now)).toBe('Tuesday 14:02')
    expect(visitLabel(Date.parse('2026-11-03T09:05:00'), now)).toBe('3 Nov 2026 09:05')
  })
})

describe('follows', () => {
  it('follows and unfollows topics and tags, and finds their stories newest first', () => {
    toggleFollow({ kind: 'topic', id: 'russia', name: 'Russia' })
    toggleFollow({ kind: 'tag', id: 'climate', name: 'climate' })
    const older = story({ id: 'o', topics: [{ id: 'russia', name: 'Russia', kind: 'country' }] })
    const newer = story({ id: 'n', tags: ['climate'], published: '2026-11-09T00:00:00Z' })
    const other = story({ id: 'x' })
    const found = followedStories([older, other, newer], followsOf(readingStore.get()))
    expect(found.map((f) => [f.story.id, f.because.map((b) => b.name)])).toEqual([
      ['n', ['climate']],
      ['o', ['Russia']],
    ])
    toggleFollow({ kind: 'topic', id: 'russia', name: 'Russia' })
    expect(followsOf(readingStore.get()).map((f) => f.id)).toEqual(['climate'])
  })
})
