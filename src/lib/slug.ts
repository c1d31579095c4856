import { slugify } from './text'

/** What a story's address is made from: its id, and its title for an id that is no slug. */
export type StoryRef = { id: string; title?: string }

/** An id that is already a readable address ("2024-10-30-kursk", "1047") is its own slug. */
const SLUG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const SLUG_WORDS = 60

/**
 * The last segment of a story's address. An id that is a slug already stays as it is; any
 * other gets the words of its title (or of its last path segment) and a hash of the id:
 * "winter-opening-hours-0k3x9za". The hash needs no other story to be known (a paged feed is
 * never read whole), and finds the story again should its title change (StoryIndex.find).
 */
export function storySlug({ id, title }: StoryRef): string {
  if (id.length <= 96 && SLUG_ID.test(id)) return id
  const words = slugWords(title ?? '') || slugWords(lastSegment(id)) || 'story'
  return `${words}-${idHash(id)}`
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

/** The words of a text as a slug (lib/text's slugify), cut on a word at ~60 characters. */
function slugWords(text: string): string {
  const words = slugify(text)
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
