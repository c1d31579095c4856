import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { leanExcept } from './lean-page'
import { parseFeed } from './parse-feed'
import { sameCard } from './story-list'

const page = parseFeed(sample, 'https://briefing.example/feed.json')
const built = leanExcept(page, '', '/feed.json')

describe("a story's card", () => {
  it('is not rendered again when the lean stories of a page built ahead of time come whole', () => {
    page.stories.forEach((whole, i) => {
      const lean = built.stories[i]!
      expect(lean.bodyFrom).toBe('/feed.json')
      expect(sameCard({ story: lean }, { story: whole })).toBe(true)
      // Whole to lean (a long page read again): its handlers must warm the text, so it renders.
      expect(sameCard({ story: whole }, { story: lean })).toBe(false)
    })
  })

  it('is rendered again when what it shows changes', () => {
    const [story] = page.stories
    expect(sameCard({ story: story! }, { story: { ...story!, title: 'Another title' } })).toBe(
      false,
    )
    expect(
      sameCard({ story: story! }, { story: story!, marks: new Map([[story!.id, 'New']]) }),
    ).toBe(false)
  })
})
