import { describe, expect, it } from 'vitest'
import { idHash, storySlug } from './slug'

describe('storySlug', () => {
  it('keeps an id that is a slug already, so its old links still hold', () => {
    const id = '2024-10-30-north-korea-troops-kursk'
    expect(storySlug({ id, title: 'Anything' })).toBe(id)
    expect(storySlug({ id: '1047' })).toBe('1047')
  })

  it('gives an id that is a URL the words of its title and a hash of the id: no colon, no dot', () => {
    const id = 'https://library.example/news/2026/11/winter-opening-hours'
    expect(storySlug({ id, title: 'Winter opening hours from 1 December' })).toBe(
      `winter-opening-hours-from-1-december-${idHash(id)}`,
    )
  })

  it('is the same on every call, and differs for two ids whose words are the same', () => {
    const a = storySlug({ id: 'https://a.example/x.html', title: 'Same title' })
    const b = storySlug({ id: 'https://b.example/x.html', title: 'Same title' })
    expect(storySlug({ id: 'https://a.example/x.html', title: 'Same title' })).toBe(a)
    expect(a).not.toBe(b)
    expect(idHash('https://a.example/x.html')).toMatch(/^[0-9a-z]{7}$/)
  })

  it('takes the words of the id when there is no title, and folds accents and case', () => {
    expect(storySlug({ id: 'https://example.com/2018/Caf%C3%A9-Cr%C3%A8me.html' })).toMatch(
      /^cafe-creme-[0-9a-z]{7}$/,
    )
    expect(storySlug({ id: 'tag:example.org,2024:Post/42', title: '' })).toMatch(/^42-[0-9a-z]{7}$/)
    expect(storySlug({ id: 'ABC', title: '!!!' })).toMatch(/^abc-[0-9a-z]{7}$/)
    expect(storySlug({ id: '%%%', title: '' })).toMatch(/^story-[0-9a-z]{7}$/)
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
