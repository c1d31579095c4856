// eslint-disable-next-line no-control-regex -- control characters are what it removes
const edges = /^[\s\x00-\x1f\x7f]+|[\s\x00-\x1f\x7f]+$/g

/**
 * The only gate through which feed URLs become links or images: http(s) or nothing, relative
 * ones resolved against `base`. The URL parser strips "java\tscript:" tricks itself; control
 * characters and spaces around the value go first, or "\0\u00a0javascript:" would pass as a path.
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

/** A story's path: `/stories/<slug>` (src/lib/slug.ts), readable, the same on every build. */
export function storyPath(story: { slug: string }): string {
  return `/stories/${encodeRouteId(story.slug)}`
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
