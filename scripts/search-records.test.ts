import { describe, expect, it } from 'vitest'
import sampleFeed from '../tests/fixtures/sample-feed.json'
import { parseFeed } from '../src/features/feed/parse-feed'
import { queryWords, shardOf } from '../src/features/search/search-types'
import { htmlToText } from '../src/lib/text'
import { storyPath } from '../src/lib/urls'
import { deltas, storyRecord } from './search-records.mjs'

const { stories } = parseFeed(sampleFeed, 'https://briefing.example/feed.json')
const tools = { storyPath, htmlToText, words: queryWords }

describe('what the index keeps of a story', () => {
  const seed = stories.find((s) => s.id === '2024-10-30-north-korea-troops-kursk')!
  const record = storyRecord(seed, tools)

  it('every word of its sections, sources, authors and topics; title, topics and tags as strong', () => {
    for (const word of ['pentagon', 'kursk', 'morning', 'vladivostok'])
      expect(record.all).toContain(word)
    expect(record.strong).toContain('kursk')
    expect(record.strong).not.toContain('pentagon')
  })

  it('its text by section, with the ids the story page opens', () => {
    expect(record.doc.u).toBe(storyPath(seed))
    expect(record.doc.x.map(([id]) => id)).toEqual([
      '',
      'whats-happened',
      'what-the-papers-say',
      'how-we-got-here',
    ])
    expect(record.doc.x[2]?.[2]).toContain('The Pentagon has noted')
    expect(record.filters).toMatchObject({
      month: '2024-10',
      topic: expect.arrayContaining(['kim-jong-un']),
    })
  })

  it('a plain item (no _story) by its content', () => {
    const plain = stories.find((s) => !s.isStory && s.contentText)!
    const own = storyRecord(plain, tools)
    expect(own.doc.x).toHaveLength(1)
    expect(own.doc.x[0]?.[2]).toContain(plain.contentText!.slice(0, 40))
  })
})

describe('index files', () => {
  it('a shard per first two letters, safe as a file name in any script', () => {
    expect(shardOf('pentagon')).toBe(shardOf('pe'))
    expect(shardOf('пентагон')).toMatch(/^[0-9a-z-]+$/)
    expect(shardOf('p')).not.toBe(shardOf('pe'))
  })

  it('postings as differences', () => {
    expect(deltas([3, 5, 9])).toEqual([3, 2, 4])
  })
})
