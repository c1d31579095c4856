import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { validateFeedDocument } from './validate-feed'

const URL_ = 'https://news.example/feed.json'

describe('validateFeedDocument', () => {
  it('finds nothing wrong with the sample feed', () => {
    expect(validateFeedDocument(sample, URL_)).toEqual({
      errors: [],
      warnings: [],
      stories: sample.items.length,
    })
  })

  it('lists every problem with its JSON path', () => {
    const report = validateFeedDocument(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'x',
        items: [
          { id: 'a', title: 2, tags: [3] },
          { id: 'a', content_text: 'dup' },
          { id: 'a', content_text: 'dup' },
          { id: 'k', _story: { topics: [{ name: 'A', kind: 'wizard', url: 'javascript:x' }] } },
        ],
      },
      URL_,
    )
    expect(report.errors.map((e) => e.path)).toEqual([
      '$.items[0].title',
      '$.items[0].tags[0]',
      '$.items[2].id',
    ])
    expect(report.warnings.map((w) => w.path)).toEqual([
      '$.items[3].content_text',
      '$.items[3]._story.topics[0].id',
      '$.items[3]._story.topics[0].kind',
      '$.items[3]._story.topics[0].url',
    ])
    expect(report.stories).toBe(2)
  })

  it('warns of every URL the reader will not follow, authors and attachments included, quoted', () => {
    const report = validateFeedDocument(
      {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'x',
        items: [
          {
            id: 'a',
            content_text: 'A',
            author: { name: 'Old style', url: 'java\tscript:alert(1)' },
            attachments: [{ url: 'data:audio/mpeg;base64,AAAA' }],
          },
          { id: 'b', content_text: 'B', authors: [{ name: 'N', avatar: 'vbscript:x' }] },
        ],
      },
      URL_,
    )
    expect(report.warnings).toEqual([
      {
        path: '$.items[0].author.url',
        message:
          'Not an absolute http(s) URL: "java\\tscript:alert(1)". Only http(s) URLs are followed.',
      },
      {
        path: '$.items[0].attachments[0].url',
        message:
          'Not an absolute http(s) URL: "data:audio/mpeg;base64,AAAA". Only http(s) URLs are followed.',
      },
      {
        path: '$.items[1].authors[0].avatar',
        message: 'Not an absolute http(s) URL: "vbscript:x". Only http(s) URLs are followed.',
      },
    ])
  })

  it('says why a document is not a feed', () => {
    const report = validateFeedDocument(
      { version: 'https://jsonfeed.org/version/1.1', items: [] },
      URL_,
    )
    expect(report.errors[0]).toEqual({ path: '$', message: 'The feed has no title.' })
  })
})
