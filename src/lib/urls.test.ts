import { describe, expect, it } from 'vitest'
import { idHash, safeHttpUrl, storyIdHashOf, storyPath, storySlug } from './urls'

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
  it('keeps an id that is a slug already, so its old links still hold', () => {
    expect(storyPath({ id: '2024-10-30-north-korea-troops-kursk', title: 'Anything' })).toBe(
      '/stories/2024-10-30-north-korea-troops-kursk',
    )
    expect(storyPath({ id: '1047' })).toBe('/stories/1047')
  })

  it('gives an id that is a URL the words of its title and a hash of the id: no %3A, no dots', () => {
    const path = storyPath({
      id: 'https://library.example/news/2026/11/winter-opening-hours',
      title: 'Winter opening hours from 1 December',
    })
    expect(path).toMatch(/^\/stories\/winter-opening-hours-from-1-december-[0-9a-z]{7}$/)
  })

  it('is the same on every call, and differs for two ids whose words are the same', () => {
    const a = storySlug({ id: 'https://a.example/x.html', title: 'Same title' })
    const b = storySlug({ id: 'https://b.example/x.html', title: 'Same title' })
    expect(storySlug({ id: 'https://a.example/x.html', title: 'Same title' })).toBe(a)
    expect(a).not.toBe(b)
    expect(storyIdHashOf(a)).toBe(idHash('https://a.example/x.html'))
  })

  it('takes the words of the id when there is no title, and folds accents and case', () => {
    expect(storySlug({ id: 'https://example.com/2018/Café-Crème.html' })).toMatch(
      /^cafe-creme-[0-9a-z]{7}$/,
    )
    expect(storySlug({ id: 'tag:example.org,2024:Post/42', title: '' })).toMatch(/^42-[0-9a-z]{7}$/)
    expect(storySlug({ id: 'ABC', title: '!!!' })).toMatch(/^abc-[0-9a-z]{7}$/)
  })

  it('keeps letters of every script, and stops at about 60 characters on a word', () => {
    expect(storySlug({ id: 'X1', title: 'افتتاح المتحف المصري الكبير' })).toMatch(
      /^افتتاح-المتحف-المصري-الكبير-[0-9a-z]{7}$/,
    )
    const long = storySlug({ id: 'X2', title: 'word '.repeat(40) })
    expect(long.length).toBeLessThanOrEqual(60 + 8)
    expect(long).toMatch(/^(word-)+[0-9a-z]{7}$/)
  })
})
