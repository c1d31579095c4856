import { describe, expect, it } from 'vitest'
import sampleFeed from '../../../tests/fixtures/sample-feed.json'
import { parseFeed } from '../feed/parse-feed'
import { searchStories } from './memory-search'
import { readRequest } from './search-types'

const { stories } = parseFeed(sampleFeed, 'https://briefing.example/feed.json')
const search = (query: string, language = 'en') =>
  searchStories(stories, readRequest(new URLSearchParams(query)), language)
const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('')

describe('searching the stories loaded', () => {
  it('finds by a prefix, any case and accents, and snippets the section that matched', () => {
    const found = search('q=PENTÁ')
    expect(found.total).toBe(1)
    const [hit] = found.stories
    expect(hit?.title).toBe("North Korean troops deployed to Russia's Kursk region")
    expect(hit?.section).toBe('What the papers say')
    expect(hit?.to).toMatch(/#what-the-papers-say$/)
    expect(hit?.snippet.filter((r) => r.mark).map((r) => r.text)).toEqual(['Pentagon'])
    expect(text(hit?.snippet ?? [])).toContain('The Pentagon has noted')
  })

  it("finds a word's family in an English feed (its stem), and only the words typed in another", () => {
    const english = search('q=parties')
    const marked = english.stories.flatMap((s) => s.snippet.filter((r) => r.mark))
    expect(marked.map((r) => r.text.toLowerCase())).toContain('party')
    const french = search('q=parties', 'fr')
    expect(french.total).toBeGreaterThan(0)
    expect(french.total).toBeLessThan(english.total)
    // Still a prefix as the reader types: "partie" finds "parties".
    expect(search('q=partie', 'fr').total).toBe(french.total)
  })

  it('needs every word, in any order', () => {
    expect(search('q=kursk pentagon').total).toBe(1)
    expect(search('q=pentagon kursk').total).toBe(1)
    expect(search('q=pentagon zzqx').total).toBe(0)
  })

  it('ranks a title match first and offers topics by name', () => {
    const found = search('q=kim jong')
    expect(found.topics[0]).toMatchObject({ name: 'Kim Jong-un', kind: 'person' })
    expect(found.topics[0]?.count).toBeGreaterThan(1)
    expect(found.total).toBeGreaterThan(1)
  })

  it('filters by topic, tag and months, and orders newest first on asking', () => {
    const all = search('q=korea')
    const onTopic = search('q=korea&topic=vladivostok')
    expect(onTopic.total).toBeGreaterThan(0)
    expect(onTopic.total).toBeLessThan(all.total)
    expect(
      search('q=korea&from=2024-12&to=2024-12').stories.every((s) => s.date?.startsWith('2024-12')),
    ).toBe(true)
    const newest = search('q=korea&sort=date').stories.map((s) => s.date ?? '')
    expect(newest).toEqual([...newest].sort().reverse())
  })

  it('pages the results ten at a time', async () => {
    const found = search('q=the')
    expect(found.stories).toHaveLength(Math.min(10, found.total))
    const more = await found.more?.()
    expect(found.stories.length + (more?.length ?? 0)).toBe(Math.min(20, found.total))
  })
})
