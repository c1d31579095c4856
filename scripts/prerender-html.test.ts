import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  escapeHtml,
  findableSections,
  listPage,
  storyFolder,
  storyHeadTags,
  storyPage,
} from './prerender-html.mjs'

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta name="description" content="Briefing: news stories with their context." />
    <link
      rel="preload"
      href="/feed.json"
      as="fetch"
      type="application/json"
      crossorigin="anonymous"
    />
    <title>Briefing</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/react-abc.js">
    <link rel="stylesheet" crossorigin href="/assets/index-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`

const story = {
  id: '2024-10-30-north-korea-troops-kursk',
  title: 'North Korean troops deployed to Russia\'s "Kursk" region',
  summary: 'About 10,000 troops <at least> & more',
  image: 'https://news.example/kursk.jpg',
  published: '2024-10-30T09:00:00.000Z',
  language: 'en-GB',
}
const feed = { title: 'Briefing' }

describe('storyFolder', () => {
  it('is the id itself, which hosts find after decoding the path', () => {
    expect(storyFolder('2024-10-30-north-korea-troops-kursk')).toBe(
      '2024-10-30-north-korea-troops-kursk',
    )
    expect(storyFolder('urn:briefing:1.2')).toBe('urn:briefing:1.2')
  })

  it('is null for an id no file can stand for', () => {
    for (const id of [
      'https://news.example/a',
      'a\\b',
      '.hidden',
      '..',
      '',
      'a\nb',
      'x'.repeat(201),
    ]) {
      expect(storyFolder(id), JSON.stringify(id)).toBeNull()
    }
  })
})

describe('findableSections', () => {
  it('makes closed sections hidden until found, and nothing else', () => {
    const html =
      '<div id="a" data-section-body="" class="x" hidden=""><p>Text</p></div>' +
      '<div id="b" data-section-body="" class="x"><p>Open</p></div>' +
      '<div hidden=""><p>Other</p></div>'
    expect(findableSections(html)).toBe(
      '<div id="a" data-section-body="" class="x" hidden="until-found"><p>Text</p></div>' +
        '<div id="b" data-section-body="" class="x"><p>Open</p></div>' +
        '<div hidden=""><p>Other</p></div>',
    )
  })
})

describe('storyHeadTags', () => {
  it('gives link previews the title, summary, image and dates, escaped', () => {
    const tags = storyHeadTags(story, feed)
    expect(tags).toContain(
      '<meta property="og:title" content="North Korean troops deployed to Russia&#39;s &quot;Kursk&quot; region" />',
    )
    expect(tags).toContain(
      '<meta property="og:description" content="About 10,000 troops &lt;at least&gt; &amp; more" />',
    )
    expect(tags).toContain('<meta property="og:image" content="https://news.example/kursk.jpg" />')
    expect(tags).toContain('<meta property="og:locale" content="en_GB" />')
    expect(tags).toContain('<meta name="twitter:card" content="summary_large_image" />')
  })

  it('leaves out what the story lacks, and images that are not https', () => {
    const tags = storyHeadTags({ title: 'Plain', image: 'http://news.example/a.jpg' }, feed)
    expect(tags).not.toContain('og:image')
    expect(tags).not.toContain('og:description')
    expect(tags).toContain('<meta name="twitter:card" content="summary" />')
  })
})

describe('storyPage', () => {
  const rendered = '<title>North Korean troops · Briefing</title><div class="flex">story</div>'
  const page = storyPage(TEMPLATE, rendered, {
    path: '/stories/2024-10-30-north-korea-troops-kursk',
    feedPath: '/feed.json',
    story,
    feed,
    data: { title: 'Briefing', stories: [{ title: '</script><script>alert(1)</script> $& $1' }] },
    preload: ['/assets/story-route-abc.js'],
    afterPaint: '/assets/after-paint-abc.js',
    builtAt: '2026-12-02T00:00:00.000Z',
  })

  it('puts the rendered page in #root, marked with its path, feed and time', () => {
    expect(page).toContain(
      '<div id="root" data-prerendered-path="/stories/2024-10-30-north-korea-troops-kursk" data-prerendered-feed="/feed.json" data-prerendered-at="2026-12-02T00:00:00.000Z"><div class="flex">story</div></div>',
    )
  })

  it('carries the feed as JSON that no story text can break out of', () => {
    const json = /<script type="application\/json" id="prerendered-feed">(.*?)<\/script>/s.exec(
      page,
    )
    expect(json?.[1]).toBeTruthy()
    expect(JSON.parse(json?.[1] ?? '')).toEqual({
      title: 'Briefing',
      stories: [{ title: '</script><script>alert(1)</script> $& $1' }],
    })
    expect(page.match(/<script(?![^>]*\ssrc=)/g)).toHaveLength(1)
  })

  it('hands the app’s modules to the after-paint script, and fetches none of them itself', () => {
    const tag =
      /<script defer crossorigin src="\/assets\/after-paint-abc\.js" data-modules="([^"]*)"><\/script>/.exec(
        page,
      )
    expect(tag?.[1]?.split(' ')).toEqual([
      '/assets/index-abc.js',
      '/assets/react-abc.js',
      '/assets/story-route-abc.js',
    ])
    expect(page.indexOf(tag?.[0] ?? '?')).toBeLessThan(page.indexOf('</head>'))
    // Nothing of the app's, nor the feed, is fetched before the page has painted.
    expect(page).not.toMatch(/type="module"|rel="modulepreload"|as="fetch"/)
    expect(page).toContain('<link rel="stylesheet" crossorigin href="/assets/index-abc.css">')
  })

  it('takes the title React rendered, and the summary as the description', () => {
    expect(page).toContain('<title>North Korean troops · Briefing</title>')
    expect(page).not.toContain('<title>Briefing</title>')
    expect(page).toContain(
      '<meta name="description" content="About 10,000 troops &lt;at least&gt; &amp; more" />',
    )
    expect(page.indexOf('og:title')).toBeLessThan(page.indexOf('</head>'))
  })

  it('puts the story in place of index.html’s loading placeholder', () => {
    const template = readFileSync('index.html', 'utf8')
    expect(template).toContain('<!-- /placeholder -->')
    const built = storyPage(template, rendered, {
      path: '/',
      feedPath: '/feed.json',
      story,
      feed,
      afterPaint: '/assets/after-paint-abc.js',
    })
    expect(built).toContain('<div class="flex">story</div></div>')
    expect(built).not.toContain('placeholder')
    expect(built).not.toContain('Loading the stories')
    // It reads without script: index.html's notice that it needs some goes.
    expect(template).toContain('<noscript>')
    expect(built).not.toContain('<noscript>')
  })

  it('refuses a template without #root', () => {
    expect(() =>
      storyPage('<html><head></head><body></body></html>', rendered, {
        path: '/',
        feedPath: '/feed.json',
        story,
        feed,
        afterPaint: '/assets/after-paint-abc.js',
      }),
    ).toThrow(/root/)
  })

  it('escapes what it writes into HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })
})

describe('listPage', () => {
  const template = readFileSync('index.html', 'utf8')
  const rendered = '<title>Briefing</title><div class="flex">list</div>'
  const page = listPage(template, rendered, {
    path: '/',
    builtFor: '/news/',
    feedPath: '/news/feed.json',
    feed: { title: 'Briefing', description: 'Stories with "context" & more' },
    data: { title: 'Briefing', stories: [] },
    preload: ['/news/assets/list-route-abc.js', '/news/assets/hydrate-abc.js'],
    afterPaint: '/news/assets/after-paint-abc.js',
    builtAt: '2026-12-02T00:00:00.000Z',
  })

  it('names on <html> the path it was built for, which the first-paint script compares', () => {
    expect(page).toMatch(/<html lang="en" data-built-for="\/news\/">/)
  })

  it('puts the list in #root, and the loading placeholder after it for the other routes', () => {
    const root = page.indexOf(
      '<div id="root" data-prerendered-path="/" data-prerendered-feed="/news/feed.json" data-prerendered-at="2026-12-02T00:00:00.000Z"><div class="flex">list</div></div>',
    )
    const placeholder = page.indexOf('<div id="placeholder">')
    expect(root).toBeGreaterThan(0)
    expect(placeholder).toBeGreaterThan(root)
    expect(page.slice(placeholder)).toContain('Loading the stories')
    expect(page).toContain('<script type="application/json" id="prerendered-feed">')
  })

  it('keeps the feed preload, and starts the list screen’s code only on its own route', () => {
    expect(page).toMatch(/<link\s+rel="preload"\s+href="\/feed\.json"\s+as="fetch"/)
    const tag =
      /<script defer crossorigin src="([^"]*)" data-modules="([^"]*)" data-page-modules="([^"]*)">/.exec(
        page,
      )
    expect(tag?.[1]).toBe('/news/assets/after-paint-abc.js')
    expect(tag?.[2]?.split(' ')[0]).toMatch(/^\/src\/main\.tsx$|\/assets\/index-/)
    expect(tag?.[3]?.split(' ')).toEqual([
      '/news/assets/list-route-abc.js',
      '/news/assets/hydrate-abc.js',
    ])
    expect(page).not.toMatch(/type="module"|rel="modulepreload"/)
  })

  it('describes the site to link previews', () => {
    expect(page).toContain(
      '<meta name="description" content="Stories with &quot;context&quot; &amp; more" />',
    )
    expect(page).toContain('<meta property="og:type" content="website" />')
    expect(page).toContain('<meta property="og:title" content="Briefing" />')
  })
})
