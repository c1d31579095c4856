import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import sample from '../tests/fixtures/sample-feed.json'
import published from '../public/feed.schema.json?raw'
import { feedJsonSchema, feedJsonSchemaText } from './feed-json-schema'

describe('the published JSON Schema', () => {
  it('is generated from the schema module (run `npm run schema` after changing it)', () => {
    expect(published).toBe(feedJsonSchemaText())
  })

  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(feedJsonSchema())

  it('accepts the sample feed', () => {
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts the example in the feed contract', () => {
    const example = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Example',
      items: [
        {
          id: 'x',
          content_text: '…',
          _story: {
            about: 'https://example.org/docs/story-extension',
            sections: [
              {
                id: 'whats-happened',
                title: "What's happened",
                text: 'Paragraph one.\n\nParagraph two.',
              },
              { id: 'why-it-matters', title: 'Why it matters', text: '' },
              {
                id: 'what-the-papers-say',
                title: 'What the papers say',
                text: '…',
                sources: [{ name: 'The New York Times', url: 'https://www.nytimes.com/' }],
              },
            ],
            topics: [
              {
                id: 'kim-jong-un',
                name: 'Kim Jong-un',
                kind: 'person',
                summary: 'Kim Jong-un is a North Korean politician who …',
                url: 'https://en.wikipedia.org/wiki/Kim_Jong_Un',
                image: 'https://example.org/kim.jpg',
                as_of: '2024-11-01',
              },
            ],
          },
        },
      ],
    }
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects a feed whose items break the contract', () => {
    const bad = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'x',
      items: [{ title: 'no id' }],
    }
    expect(validate(bad)).toBe(false)
    expect(validate.errors?.[0]?.instancePath).toBe('/items/0')
  })
})
