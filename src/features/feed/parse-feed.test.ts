import { replaceEqualDeep } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import seed from '../../../tests/fixtures/story-north-korea-kursk.txt?raw'
import microblog from '../../../tests/fixtures/jsonfeed-1.1-microblog.json'
import { FeedError, parseFeed, parseFeedText } from './parse-feed'

const FEED_URL = 'https://news.example/feed.json'
const SEED_ID = '2024-10-30-north-korea-troops-kursk'

function feed(items: unknown[], extra: Record<string, unknown> = {}) {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Test feed', items, ...extra }
}

function storyItem(
  id: unknown,
  story: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return { id, title: `Story ${String(id)}`, _story: story, ...extra }
}

describe('the sample feed', () => {
  const parsed = parseFeed(sample, FEED_URL)

  it('reads every item, newest first, with nothing left out', () => {
    expect(parsed.problems).toEqual([])
    expect(parsed.stories).toHaveLength(sample.items.length)
    const times = parsed.stories.map((s) => Date.parse(s.published ?? ''))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(parsed.stories.filter((s) => !s.isStory).length).toBeGreaterThanOrEqual(2)
    expect(parsed.stories.filter((s) => s.isStory).length).toBeGreaterThanOrEqual(16)
  })

  it('reads the same as its copy through JSON, so that reading it again changes no data', () => {
    // A page built ahead of time and the feed kept for the next visit hold the parser's
    // output as JSON: the query keeps their objects when the feed read again is equal.
    for (const feed of [sample, microblog]) {
      const kept = JSON.parse(JSON.stringify(parseFeed(feed, FEED_URL))) as unknown
      expect(replaceEqualDeep(kept, parseFeed(feed, FEED_URL))).toBe(kept)
    }
  })

  it('carries the seed story faithfully', () => {
    const lines = seed.split('\n')
    const story = parsed.stories.find((s) => s.id === SEED_ID)
    expect(story).toBeDefined()
    // "Why it matters" is empty in the seed, so it is not shown.
    expect(story?.sections.map((s) => s.title)).toEqual([
      "What's happened",
      'What the papers say',
      'How we got here',
    ])
    for (const section of story?.sections ?? []) {
      const heading = lines.indexOf(section.title)
      expect(section.text).toBe(lines[heading + 1])
    }
    const raw = sample.items.find((i) => i.id === SEED_ID)
    expect(raw?._story?.sections.find((s) => s.id === 'why-it-matters')?.text).toBe('')
    expect(story?.topics.map((t) => t.name)).toEqual([
      'North Korea',
      'Russia',
      'Ukraine',
      'Vladivostok',
      'Kim Jong-un',
      'Mark Rutte',
    ])
    const summaries = lines
      .slice(lines.indexOf('More on these topics') + 1)
      .filter((l) => l !== '-' && l !== '')
    expect(story?.topics.map((t) => t.summary)).toEqual(summaries)
  })
})

describe('parseFeed', () => {
  it('leaves out invalid items, counts them and says where they failed', () => {
    const result = parseFeed(
      feed([
        storyItem('good', {}),
        { title: 'no id' },
        { id: 'x', title: 42 },
        'not an object',
        storyItem('bad-sections', { sections: 'nope' }),
      ]),
      FEED_URL,
    )
    expect(result.stories.map((s) => s.id)).toEqual(['good'])
    expect(result.skipped).toBe(4)
    expect(result.problems.map((p) => p.path)).toEqual([
      '$.items[1].id',
      '$.items[2].title',
      '$.items[3]',
      '$.items[4]._story.sections',
    ])
  })

  it('gives every reason an item fails, telling a missing field from a wrong one', () => {
    const result = parseFeed(
      feed([{ title: 7, tags: 'news', _story: { sections: [{ id: 's', text: 'No title' }] } }]),
      FEED_URL,
    )
    expect(result.skipped).toBe(1)
    expect(result.problems).toEqual([
      { path: '$.items[0].id', message: 'Missing: it is required.' },
      { path: '$.items[0].title', message: 'Expected string.' },
      { path: '$.items[0].tags', message: 'Expected array.' },
      { path: '$.items[0]._story.sections[0].title', message: 'Missing: it is required.' },
    ])
  })

  it('keeps the first of duplicate ids and reads numeric ids as strings', () => {
    const result = parseFeed(
      feed([
        { id: 7, title: 'First seven' },
        { id: '7', title: 'Second seven' },
      ]),
      FEED_URL,
    )
    expect(result.stories.map((s) => [s.id, s.title])).toEqual([['7', 'First seven']])
    expect(result.problems[0]?.message).toMatch(/Duplicate id "7"/)
    expect(result.skipped).toBe(0)
  })

  it('drops empty sections, keeps the first of duplicate section and topic ids', () => {
    const [story] = parseFeed(
      feed([
        storyItem('s', {
          sections: [
            { id: 'a', title: 'A', text: 'One' },
            { id: 'b', title: 'B', text: '   ' },
            { id: 'a', title: 'A again', text: 'Two' },
            { title: 'No id here', text: 'Three' },
          ],
          topics: [
            { id: 't', name: 'T', kind: 'wizard' },
            { id: 't', name: 'T again', kind: 'person' },
            { name: 'Côte d’Ivoire', kind: 'country' },
          ],
        }),
      ]),
      FEED_URL,
    ).stories
    expect(story?.sections.map((s) => s.id)).toEqual(['a', 'no-id-here'])
    expect(story?.topics.map((t) => [t.id, t.name, t.kind])).toEqual([
      ['t', 'T', 'other'],
      ['cote-d-ivoire', 'Côte d’Ivoire', 'country'],
    ])
  })

  it('lets only http(s) URLs through, resolving relative ones against the feed', () => {
    const [story] = parseFeed(
      feed([
        storyItem(
          'u',
          {
            sections: [
              {
                id: 'a',
                title: 'A',
                text: 'x',
                sources: [
                  { name: 'Evil', url: 'javascript:alert(1)' },
                  { name: 'Relative', url: '/press' },
                ],
              },
            ],
            topics: [
              {
                id: 't',
                name: 'T',
                url: ' JaVaScRiPt:alert(1)',
                image: 'data:image/png;base64,AAAA',
              },
            ],
          },
          {
            url: '//cdn.example/a',
            external_url: 'vbscript:msgbox(1)',
            image: 'java\tscript:alert(1)',
          },
        ),
      ]),
      FEED_URL,
    ).stories
    expect(story?.sections[0]?.sources).toEqual([
      { name: 'Evil', url: undefined },
      { name: 'Relative', url: 'https://news.example/press' },
    ])
    expect(story?.topics[0]?.url).toBeUndefined()
    expect(story?.topics[0]?.image).toBeUndefined()
    expect(story?.url).toBe('https://cdn.example/a')
    expect(story?.externalUrl).toBeUndefined()
    expect(story?.image).toBeUndefined()
  })

  it('ignores absurd dates rather than the story', () => {
    const result = parseFeed(
      feed([
        { id: 'a', title: 'A', date_published: 'yesterday-ish' },
        { id: 'b', title: 'B', date_published: '3024-01-01T00:00:00Z' },
        { id: 'c', title: 'C', date_published: '2024-05-01T00:00:00Z' },
      ]),
      FEED_URL,
    )
    expect(result.stories.map((s) => [s.id, s.published])).toEqual([
      ['c', '2024-05-01T00:00:00.000Z'],
      ['a', undefined],
      ['b', undefined],
    ])
  })

  it('reads JSON Feed 1.0 authors and gives items without authors the feed’s', () => {
    const result = parseFeed(
      feed(
        [
          { id: 'a', content_text: 'Hello there, a post without a title.' },
          { id: 'b', author: { name: 'Mr Guy' } },
        ],
        {
          version: 'https://jsonfeed.org/version/1',
          author: { name: 'Bret', url: 'https://bret.io' },
        },
      ),
      FEED_URL,
    )
    expect(result.stories[0]?.authors).toEqual([
      { name: 'Bret', url: 'https://bret.io/', avatar: undefined },
    ])
    expect(result.stories[0]?.title).toBe('Hello there, a post without a title.')
    expect(result.stories[0]?.hasTitle).toBe(false)
    expect(result.stories[1]?.authors.map((a) => a.name)).toEqual(['Mr Guy'])
  })

  it.each([
    [[], /not an object/],
    [{ title: 'x', items: [] }, /not a JSON Feed/],
    [{ version: 'https://jsonfeed.org/version/2', title: 'x', items: [] }, /version .* is not one/],
    [{ version: 'https://jsonfeed.org/version/1.1', items: [] }, /no title/],
    [{ version: 'https://jsonfeed.org/version/1.1', title: 'x' }, /no list of items/],
  ])('refuses a document that is not a feed (%j)', (doc, message) => {
    expect(() => parseFeed(doc, FEED_URL)).toThrow(message)
  })
})

describe('JSON Feed 1.1 reading rules', () => {
  const feedAuthor = { name: 'Northgate Library', url: 'https://library.example/about/' }

  it('reads 1.1 authors arrays at feed and item level, preferring them to a 1.0 author', () => {
    const result = parseFeed(
      feed(
        [
          {
            id: 'own',
            title: 'Own authors',
            author: { name: 'Ignored 1.0 author' },
            authors: [
              { name: 'Ana', url: '/staff/ana', avatar: 'https://library.example/ana.png' },
              { name: 'Ben' },
            ],
          },
          { id: 'none', title: 'No authors' },
          { id: 'empty', title: 'Empty authors', authors: [] },
          // Nothing usable: no name, and a link that is not http(s).
          { id: 'unusable', title: 'Unusable authors', authors: [{ url: 'javascript:x()' }] },
        ],
        {
          home_page_url: 'https://library.example/',
          author: { name: 'Ignored feed 1.0 author' },
          authors: [feedAuthor],
        },
      ),
      FEED_URL,
    )
    const authorsOf = (id: string) => result.stories.find((s) => s.id === id)?.authors
    expect(authorsOf('own')).toEqual([
      {
        name: 'Ana',
        url: 'https://library.example/staff/ana',
        avatar: 'https://library.example/ana.png',
      },
      { name: 'Ben', url: undefined, avatar: undefined },
    ])
    const fromFeed = [{ ...feedAuthor, avatar: undefined }]
    expect(authorsOf('none')).toEqual(fromFeed)
    expect(authorsOf('empty')).toEqual(fromFeed)
    expect(authorsOf('unusable')).toEqual(fromFeed)
  })

  it('drops an author’s link and avatar unless they are http(s), keeping the name', () => {
    const [story] = parseFeed(
      feed([
        {
          id: 'a',
          title: 'A',
          authors: [
            { name: 'Desk', url: 'javascript:alert(1)', avatar: 'data:image/png;base64,AAAA' },
            { name: 'Team', url: 'mailto:team@library.example', avatar: 'ftp://x.example/a.png' },
            { url: 'https://www.library.example/events' },
          ],
        },
      ]),
      FEED_URL,
    ).stories
    expect(story?.authors).toEqual([
      { name: 'Desk', url: undefined, avatar: undefined },
      { name: 'Team', url: undefined, avatar: undefined },
      // No name: the link's host names it.
      { name: 'www.library.example', url: 'https://www.library.example/events', avatar: undefined },
    ])
  })

  it('names a post without a title by its first words, and does not repeat them as its summary', () => {
    const text =
      'The reading room on the second floor is closed on Saturday 14 November while the heating is repaired.'
    const result = parseFeed(
      feed([
        { id: 1, content_text: text },
        { id: 2, content_html: '<p>Open <strong>late</strong>, until 20:00.</p>' },
        { id: 3, summary: 'A summary names it.', content_text: 'Body.' },
        { id: 4, title: '   ', url: 'https://library.example/notes/4' },
      ]),
      FEED_URL,
    )
    expect(result.stories.map((s) => [s.id, s.title, s.hasTitle, s.summary])).toEqual([
      [
        '1',
        'The reading room on the second floor is closed on Saturday 14 November while…',
        false,
        undefined,
      ],
      ['2', 'Open late, until 20:00.', false, undefined],
      ['3', 'A summary names it.', false, 'A summary names it.'],
      ['4', 'Untitled', false, undefined],
    ])
  })

  it('gives a titled item the publisher’s summary, else the first words of its text or HTML', () => {
    const long = `${'Loans due in the next seven days now appear on the home screen. '.repeat(4)}`
    const result = parseFeed(
      feed([
        { id: 'a', title: 'A', summary: '  Given.  ', content_text: 'Other words.' },
        { id: 'b', title: 'B', content_text: long },
        {
          id: 'c',
          title: 'C',
          content_html: '<p>On <b>Saturday</b>, from 10:00.</p><p>Cash&nbsp;only.</p>',
        },
        {
          id: 'd',
          title: 'D',
          content_html: '<p>The <em>HTML</em> is shown.</p>',
          content_text: 'The text is the summary.',
        },
      ]),
      FEED_URL,
    )
    const summaryOf = (id: string) => result.stories.find((s) => s.id === id)?.summary
    expect(summaryOf('a')).toBe('Given.')
    expect(summaryOf('b')).toMatch(/^Loans due in the next seven days .*\S…$/)
    expect(summaryOf('b')!.length).toBeLessThanOrEqual(161)
    expect(summaryOf('c')).toBe('On Saturday, from 10:00. Cash only.')
    expect(summaryOf('d')).toBe('The text is the summary.')
    // Both bodies are kept: the story view shows the HTML when there is some.
    const d = result.stories.find((s) => s.id === 'd')
    expect([d?.contentHtml, d?.contentText]).toEqual([
      '<p>The <em>HTML</em> is shown.</p>',
      'The text is the summary.',
    ])
  })

  it('gives each item its own language, else the feed’s', () => {
    const result = parseFeed(
      feed(
        [
          { id: 'fr', title: 'Horaires', language: 'fr' },
          { id: 'en', title: 'Hours' },
          { id: 'blank', title: 'Blank', language: '  ' },
        ],
        { language: 'en-GB' },
      ),
      FEED_URL,
    )
    expect(result.language).toBe('en-GB')
    expect(result.stories.map((s) => [s.id, s.language])).toEqual([
      ['fr', 'fr'],
      ['en', 'en-GB'],
      ['blank', 'en-GB'],
    ])
    expect(parseFeed(feed([{ id: 'x', title: 'X' }]), FEED_URL).stories[0]?.language).toBe(
      undefined,
    )
  })

  it('reads the feed’s own description, site, icons, next page and whether it has ended', () => {
    const page = parseFeed(
      feed([], {
        description: '  News from three branches.  ',
        home_page_url: 'https://library.example/',
        icon: '/media/icon-512.png',
        favicon: 'javascript:alert(1)',
        next_url: 'feed.json?page=2',
        expired: true,
      }),
      FEED_URL,
    )
    expect(page).toMatchObject({
      description: 'News from three branches.',
      homePageUrl: 'https://library.example/',
      // Relative icons resolve against the site; relative pages against the feed's address.
      icon: 'https://library.example/media/icon-512.png',
      nextUrl: 'https://news.example/feed.json?page=2',
      expired: true,
    })
    expect(page.favicon).toBeUndefined()
    expect(parseFeed(feed([], { expired: false }), FEED_URL).expired).toBe(false)
    expect(parseFeed(feed([]), FEED_URL).expired).toBe(false)
    // `expired` must be a boolean: a string is not a feed's word that it has ended.
    expect(() => parseFeed(feed([], { expired: 'yes' }), FEED_URL)).toThrow(FeedError)
  })

  it('keeps an item’s modification date and its images, both only when valid', () => {
    const [story] = parseFeed(
      feed([
        {
          id: 'w',
          title: 'Winter hours',
          date_published: '2026-11-09T09:00:00Z',
          date_modified: '2026-11-10T14:30:00+00:00',
          image: '/media/reading-room.jpg',
          banner_image: 'https://library.example/media/banner.jpg',
        },
      ]),
      FEED_URL,
    ).stories
    expect(story).toMatchObject({
      published: '2026-11-09T09:00:00.000Z',
      modified: '2026-11-10T14:30:00.000Z',
      image: 'https://news.example/media/reading-room.jpg',
      bannerImage: 'https://library.example/media/banner.jpg',
    })
  })
})

describe('the JSON Feed 1.1 microblog fixture the browser tests read', () => {
  it('reads whole: numeric ids as strings, newest first, nothing left out', () => {
    const page = parseFeed(microblog, 'http://127.0.0.1:4173/feed.json')
    expect(page.problems).toEqual([])
    expect(page.stories.map((s) => s.id)).toEqual([
      '1047',
      'https://library.example/news/2026/11/winter-opening-hours',
      'https://library.example/news/2026/11/horaires-hiver',
      'https://library.example/news/2026/11/east-branch-approved',
      '1039',
      '1036',
    ])
    expect(page.nextUrl).toBe('https://library.example/feed.json?page=2')
    expect(page.expired).toBe(true)
    expect(page.favicon).toBe('https://library.example/media/favicon-64.png')
  })
})

describe('parseFeedText', () => {
  it.each([
    ['', 'empty'],
    ['<!doctype html><h1>502 Bad Gateway</h1>', 'html'],
    ['{"version": ', 'not-json'],
  ])('names what is wrong with %j', (body, kind) => {
    try {
      parseFeedText(body, FEED_URL)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(FeedError)
      expect((error as FeedError).kind).toBe(kind)
    }
  })
})
