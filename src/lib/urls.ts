// eslint-disable-next-line no-control-regex -- control characters are what it removes
const edges = /^[\s\x00-\x1f\x7f]+|[\s\x00-\x1f\x7f]+$/g

/**
 * The only gate through which feed URLs become links or images: http(s) or nothing.
 * Relative and protocol-relative URLs resolve against `base` (the feed's own address).
 * The URL parser itself strips the tabs, newlines and case tricks that look-alikes
 * such as "java\tscript:" rely on, so checking the parsed protocol is enough. Control
 * characters and Unicode spaces around the value go first: left in, "\0\u00a0javascript:"
 * would pass as a harmless relative path, but a publisher meant the scheme.
 */
export function safeHttpUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string') return undefined
  const trimmed = value.replace(edges, '')
  if (trimmed === '') return undefined
  let url: URL
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  return url.href
}

/** What a story's address is made from: its id, and its title for an id that is no slug. */
export type StoryRef = { id: string; title?: string }

/** A story's path: `/stories/<storySlug>`, readable and the same on every build. */
export function storyPath(story: StoryRef): string {
  return `/stories/${storySegment(story)}`
}

/** The story's slug as the last segment of a path. */
export function storySegment(story: StoryRef): string {
  return encodeRouteId(storySlug(story))
}

/** An id that is already a readable address ("2024-10-30-kursk", "1047") is its own slug. */
const SLUG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const SLUG_WORDS = 60
/** The hash that ends the slug of an id that is no slug: 7 characters of base 36. */
const HASH_SUFFIX = /-([0-9a-z]{7})$/

/**
 * The story's slug. An id that is a slug already stays as it is, so its old links and new
 * ones are the same. Any other id (a URL, a tag: URI, one with capitals or dots) gets the
 * words of its title, or of the id's last path segment, and a short hash of the id:
 * "winter-opening-hours-from-1-december-0k3x9za". The hash tells apart two stories whose
 * words are the same, needs no other story to be known (a paged feed is never read whole),
 * and finds the story again should its title change (storyIdHashOf).
 */
export function storySlug({ id, title }: StoryRef): string {
  if (id.length <= 96 && SLUG_ID.test(id)) return id
  const words = slugWords(title ?? '') || slugWords(lastSegment(id)) || 'story'
  return `${words}-${idHash(id)}`
}

/** The id hash a slug ends with, when it is one storySlug made from the words and a hash. */
export function storyIdHashOf(slug: string): string | undefined {
  return HASH_SUFFIX.exec(slug)?.[1]
}

/** FNV-1a, 32 bits, over the id's UTF-16 units: 7 characters of base 36. */
export function idHash(id: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36).padStart(7, '0')
}

/** Lower-case letters and digits of any script, joined by hyphens, cut on a word at ~60. */
function slugWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
  return words.length > SLUG_WORDS
    ? words.slice(0, SLUG_WORDS + 1).replace(/-[^-]*$/, '') || words.slice(0, SLUG_WORDS)
    : words
}

/** The last segment of an id's path (a URL's, a tag: URI's), without its extension. */
function lastSegment(id: string): string {
  const segment = /([^/?#]+)\/*(?:[?#].*)?$/.exec(id)?.[1] ?? ''
  try {
    return decodeURIComponent(segment).replace(/\.[a-z0-9]+$/i, '')
  } catch {
    return segment
  }
}

export function topicPath(topicId: string): string {
  return `/topics/${encodeRouteId(topicId)}`
}

export function tagPath(tag: string): string {
  return `/tags/${encodeRouteId(tag)}`
}

// Dots are encoded too: many static hosts treat a last path segment with a dot as a file.
function encodeRouteId(id: string): string {
  return encodeURIComponent(id).replaceAll('.', '%2E')
}

export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '')
}
