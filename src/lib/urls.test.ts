import { describe, expect, it } from 'vitest'
import { safeHttpUrl, storyPath } from './urls'

describe('safeHttpUrl', () => {
  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:a@b.c',
    '',
  ])('drops %j', (value) => {
    expect(safeHttpUrl(value, 'https://news.example/feed.json')).toBeUndefined()
  })

  it('keeps http(s), resolving relative and protocol-relative URLs', () => {
    expect(safeHttpUrl('https://a.example/x')).toBe('https://a.example/x')
    expect(safeHttpUrl('x/y', 'https://a.example/feed/')).toBe('https://a.example/feed/x/y')
    expect(safeHttpUrl('//b.example/z', 'https://a.example/')).toBe('https://b.example/z')
    expect(safeHttpUrl('/relative')).toBeUndefined()
  })
})

describe('storyPath', () => {
  it('is /stories/ and the slug, dots encoded', () => {
    expect(storyPath({ slug: 'winter-opening-hours-0k3x9za' })).toBe(
      '/stories/winter-opening-hours-0k3x9za',
    )
    expect(storyPath({ slug: 'a.b' })).toBe('/stories/a%2Eb')
  })
})
