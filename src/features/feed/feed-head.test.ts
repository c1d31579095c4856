import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { feedHeadText } from './feed-head'

const bytes = (text: string) => new TextEncoder().encode(text)
const head = (value: unknown, count: number) => {
  const text = feedHeadText(bytes(JSON.stringify(value, null, 1)), count)
  return text === undefined ? undefined : (JSON.parse(text) as typeof sample)
}

describe('feedHeadText', () => {
  it('is the document with its first items alone, whatever the items hold', () => {
    const opened = head(sample, 3)
    const { items, ...members } = sample
    expect(opened).toEqual({ ...members, items: items.slice(0, 3) })
    // Brackets, braces, commas and quotes inside strings; keys named items deeper down;
    // text in other scripts (multi-byte UTF-8).
    const tricky = [
      { id: 'a', title: 'A "quoted" [bracket], {brace}: \\ and \\"', items: [1, 2] },
      { id: 'b', title: 'Корея, 북한 ' + '🌏', _story: { items: { items: [] } } },
      { id: 'c', title: 'c' },
      { id: 'd', title: 'd' },
    ]
    expect(head({ version: 'v', items: tricky }, 2)?.items).toEqual(tricky.slice(0, 2))
    expect(head({ version: 'v', items: tricky }, 3)?.items).toEqual(tricky.slice(0, 3))
  })

  it('is nothing for a page with no more items than asked for, or no feed at all', () => {
    expect(head({ ...sample, items: sample.items.slice(0, 3) }, 3)).toBeUndefined()
    expect(head({ ...sample, items: sample.items.slice(0, 3) }, 2)?.items).toHaveLength(2)
    expect(head({ title: 'No items', other: [1, 2, 3, 4] }, 2)).toBeUndefined()
    expect(head({ nested: { items: [1, 2, 3, 4] } }, 2)).toBeUndefined()
    expect(head([{ items: [1, 2, 3, 4] }], 2)).toBeUndefined()
    expect(feedHeadText(bytes(''), 2)).toBeUndefined()
    expect(feedHeadText(bytes('<!doctype html><p>Not found'), 2)).toBeUndefined()
  })

  it('reads only the opening: a document broken further on still has its head', () => {
    const text = JSON.stringify(sample)
    const cut = bytes(text.slice(0, Math.floor(text.length * 0.8)))
    const opened = JSON.parse(feedHeadText(cut, 2) ?? 'null') as typeof sample
    expect(opened.items.map((item) => item.id)).toEqual(sample.items.slice(0, 2).map((i) => i.id))
  })
})
