import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeHttpUrl } from './urls'

const BASE = 'https://news.example/feed/feed.json'

// What the URL parser ignores or folds, and what hand-written HTML entities look like.
const junk = fc.constantFrom('', ' ', '\t', '\n', '\r', '\0', '\x01', '\x1f', '\u00a0', '\ufeff')
const dangerousSchemes = ['javascript', 'vbscript', 'data', 'file', 'blob', 'about', 'filesystem']

/** "javascript" with odd case and tabs/newlines inside: the URL parser strips and folds these. */
const obfuscatedScheme = fc
  .tuple(
    fc.constantFrom(...dangerousSchemes),
    fc.infiniteStream(fc.boolean()),
    fc.infiniteStream(fc.constantFrom('', '', '', '\t', '\n', '\r')),
  )
  .map(([scheme, upper, inserts]) => {
    const iUpper = upper[Symbol.iterator]()
    const iInsert = inserts[Symbol.iterator]()
    return [...scheme]
      .map((ch) => `${iUpper.next().value ? ch.toUpperCase() : ch}${iInsert.next().value}`)
      .join('')
  })

const payload = fc.constantFrom(
  'alert(1)',
  'alert(document.domain)//',
  'text/html,<script>alert(1)</script>',
  'text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'msgbox(1)',
  '///etc/passwd',
  'blank',
)

/** A non-http(s) URL as an attacker would dress it up. */
const hostileUrl = fc
  .tuple(
    fc.array(junk, { maxLength: 3 }),
    obfuscatedScheme,
    fc.constantFrom(':', '\t:', ':\n'),
    payload,
  )
  .map(([lead, scheme, colon, rest]) => `${lead.join('')}${scheme}${colon}${rest}`)

/** Look-alikes that only turn into a scheme once an HTML parser decodes them. */
const entityLookAlike = fc
  .tuple(
    fc.constantFrom('&#106;', '&#x6A;', '&#X6a;', '&#0000106', 'j'),
    fc.constantFrom('avascript', 'AVASCRIPT', 'ava&#x09;script', 'ava&Tab;script'),
    fc.constantFrom(':', '&colon;', '&#58;', '&#x3a;'),
    payload,
  )
  .map((parts) => parts.join(''))

const anyCandidate = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.webUrl({ withFragments: true, withQueryParameters: true }),
  fc.constantFrom('//evil.example/x', '///evil.example', '\\\\evil.example\\x', '/\\evil.example'),
  hostileUrl,
  entityLookAlike,
)

function isHttp(href: string): boolean {
  const { protocol } = new URL(href)
  return protocol === 'http:' || protocol === 'https:'
}

describe('safeHttpUrl, for any string', () => {
  it('returns nothing or an absolute http(s) URL, with or without a base', () => {
    fc.assert(
      fc.property(anyCandidate, fc.boolean(), (value, withBase) => {
        const result = safeHttpUrl(value, withBase ? BASE : undefined)
        if (result === undefined) return
        expect(result).toMatch(/^https?:\/\//)
        expect(isHttp(result)).toBe(true)
        // What the browser would follow as a link is what the filter checked.
        const link = document.createElement('a')
        link.href = result
        expect(['http:', 'https:']).toContain(link.protocol)
      }),
      { numRuns: 1500 },
    )
  })

  it('drops every dangerous scheme however it is dressed up, even beside a base', () => {
    fc.assert(
      fc.property(hostileUrl, (value) => {
        expect(safeHttpUrl(value, BASE)).toBeUndefined()
        expect(safeHttpUrl(value)).toBeUndefined()
      }),
      { numRuns: 800 },
    )
  })

  it('never decodes entities itself: a look-alike is at most a path on the feed’s own site', () => {
    fc.assert(
      fc.property(entityLookAlike, (value) => {
        expect(safeHttpUrl(value)).toBeUndefined()
        const resolved = safeHttpUrl(value, BASE)
        if (resolved !== undefined) expect(new URL(resolved).origin).toBe(new URL(BASE).origin)
      }),
      { numRuns: 300 },
    )
  })

  it('keeps any http(s) URL, as the same address', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), (value) => {
        expect(safeHttpUrl(value)).toBe(new URL(value).href)
      }),
      { numRuns: 300 },
    )
  })
})
