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
  it('encodes ids that are URLs, dots included, so static hosts do not take them for files', () => {
    expect(storyPath('https://example.com/a.b')).toBe(
      '/stories/https%3A%2F%2Fexample%2Ecom%2Fa%2Eb',
    )
  })
})
