import { firstWords, htmlToText, slugify } from '../../lib/text'
import { storySlug } from '../../lib/slug'
import { safeHttpUrl } from '../../lib/urls'
import { FeedError } from './feed-error'
import {
  feedEnvelopeSchema,
  itemSchema,
  type RawAttachment,
  type RawAuthor,
  type RawFeed,
  type RawItem,
  type RawSection,
  type RawTopic,
} from './schema'
import {
  isTopicKind,
  JSON_FEED_VERSION,
  JSON_FEED_VERSION_PREFIX,
  type TopicKind,
} from './feed-format'

/*
 * From untrusted JSON to the trusted model every screen uses. Shape and types are the
 * schema's; here, what the contract says a reader does with what passed it.
 */

export type Author = { name: string; url?: string; avatar?: string }
type Source = { name: string; url?: string }
export type Section = { id: string; title: string; text: string; sources: Source[] }
export type Topic = {
  id: string
  name: string
  kind: TopicKind
  summary?: string
  url?: string
  image?: string
  asOf?: string
}
export type Attachment = {
  url: string
  mimeType?: string
  title?: string
  sizeInBytes?: number
  durationInSeconds?: number
}
export type Story = {
  id: string
  /** The last segment of its address (src/lib/slug.ts). */
  slug: string
  title: string
  /** False when the title was made from the first words of the content. */
  hasTitle: boolean
  /** The publisher's, else the first words of a titled plain item's content. */
  summary?: string
  url?: string
  externalUrl?: string
  image?: string
  bannerImage?: string
  published?: string
  modified?: string
  authors: Author[]
  tags: string[]
  language?: string
  contentText?: string
  contentHtml?: string
  attachments: Attachment[]
  /** Present when the item carries the `_story` extension. */
  sections: Section[]
  topics: Topic[]
  isStory: boolean
  /** A story kept lean (lean-page.ts): the page to read its text from when it is opened. */
  bodyFrom?: string
}
export type FeedProblem = { path: string; message: string }
export type FeedPage = {
  title: string
  description?: string
  homePageUrl?: string
  icon?: string
  favicon?: string
  language?: string
  nextUrl?: string
  expired: boolean
  stories: Story[]
  /** Items left out because they failed validation, each with why. */
  problems: FeedProblem[]
  skipped: number
  /** Only a long page's first stories, shown while the whole is checked (parse-in-worker.ts). */
  partial?: boolean
}

export { FeedError } from './feed-error'

/** `only`: read just the item with this id (the others are neither checked nor kept). */
export function parseFeedText(body: string, feedUrl: string, only?: string): FeedPage {
  return parseFeed(parseFeedJson(body), feedUrl, only)
}

export function parseFeedJson(body: string): unknown {
  const trimmed = body.trim()
  if (trimmed === '') throw new FeedError('empty', 'The feed is empty: the server sent no data.')
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    if (trimmed.startsWith('<')) {
      throw new FeedError('html', 'The feed address returned a web page, not a JSON feed.')
    }
    throw new FeedError('not-json', 'The feed is not valid JSON.')
  }
  return json
}

/** The page's first `count` stories as a partial page; undefined for a short page or no feed. */
export function parseFeedHead(json: unknown, feedUrl: string, count: number): FeedPage | undefined {
  const items = (json as { items?: unknown } | null)?.items
  if (!Array.isArray(items) || items.length <= count) return undefined
  try {
    const head = parseFeed({ ...(json as object), items: items.slice(0, count) }, feedUrl)
    // Nothing to read on from until the page is whole.
    return { ...head, nextUrl: undefined, partial: true }
  } catch {
    return undefined
  }
}

export function parseFeed(json: unknown, feedUrl: string, only?: string): FeedPage {
  const envelope = feedEnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    throw new FeedError('not-a-feed', describeEnvelopeProblem(json))
  }
  const raw = envelope.data
  const base = safeHttpUrl(raw.home_page_url, feedUrl) ?? feedUrl
  const feedAuthors = readAuthors(raw, base)
  const stories: Story[] = []
  const problems: FeedProblem[] = []
  const seen = new Set<string>()
  let skipped = 0
  raw.items.forEach((value, index) => {
    if (only !== undefined && rawId(value) !== only) return
    const item = itemSchema.safeParse(value)
    if (!item.success) {
      skipped += 1
      // Every reason, so a publisher fixes the item in one go; five suffice for a garbled one.
      for (const issue of item.error.issues.slice(0, 5)) {
        problems.push({
          path: formatPath(['items', index, ...issue.path]),
          message: describeIssue(issue, value),
        })
      }
      return
    }
    const story = toStory(item.data, base, feedAuthors, raw.language)
    if (seen.has(story.id)) {
      problems.push({
        path: formatPath(['items', index, 'id']),
        message: `Duplicate id "${story.id}": the first item with it is shown.`,
      })
      return
    }
    seen.add(story.id)
    stories.push(story)
  })

  const nextUrl = safeHttpUrl(raw.next_url, feedUrl)
  return defined({
    title: raw.title.trim() || 'Untitled feed',
    description: raw.description?.trim() || undefined,
    homePageUrl: safeHttpUrl(raw.home_page_url, feedUrl),
    icon: safeHttpUrl(raw.icon, base),
    favicon: safeHttpUrl(raw.favicon, base),
    language: raw.language?.trim() || undefined,
    nextUrl,
    expired: raw.expired === true,
    stories: sortNewestFirst(stories),
    problems,
    skipped,
  })
}

/**
 * `value` without its undefined fields, as JSON would have it. A page built ahead of time
 * and the feed kept for the next visit come through JSON: with the same fields, reading
 * an unchanged feed again keeps the data the screens hold (the query's structural
 * sharing), and nothing renders again.
 */
function defined<T extends object>(value: T): T {
  for (const key in value)
    if (value[key] === undefined)
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
  return value
}

function rawId(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

function toStory(item: RawItem, base: string, feedAuthors: Author[], feedLanguage?: string): Story {
  const id = String(item.id)
  const contentText = item.content_text?.trim() || undefined
  const contentHtml = item.content_html?.trim() || undefined
  const summary = item.summary?.trim() || undefined
  const bodyText = contentText ?? (contentHtml ? htmlToText(contentHtml) : undefined)
  const title = item.title?.trim()
  const shownTitle = title || firstWords(summary ?? bodyText, 80) || 'Untitled'
  const itemAuthors = readAuthors(item, base)
  return defined({
    id,
    slug: storySlug({ id, title: shownTitle }),
    title: shownTitle,
    hasTitle: Boolean(title),
    // A title-less post's title already is its first words; they are not repeated below it.
    summary: summary ?? (item._story || !title ? undefined : firstWords(bodyText)),
    url: safeHttpUrl(item.url, base),
    externalUrl: safeHttpUrl(item.external_url, base),
    image: safeHttpUrl(item.image, base),
    bannerImage: safeHttpUrl(item.banner_image, base),
    published: parseFeedDate(item.date_published),
    modified: parseFeedDate(item.date_modified),
    authors: itemAuthors.length > 0 ? itemAuthors : feedAuthors,
    tags: [...new Set((item.tags ?? []).map((t) => t.trim()).filter(Boolean))],
    language: item.language?.trim() || feedLanguage?.trim() || undefined,
    contentText,
    contentHtml,
    attachments: (item.attachments ?? []).flatMap((a) => toAttachment(a, base)),
    sections: firstOfEachId((item._story?.sections ?? []).flatMap((s) => toSection(s, base))),
    topics: firstOfEachId((item._story?.topics ?? []).flatMap((t) => toTopic(t, base))),
    isStory: item._story !== undefined,
  })
}

function toSection(section: RawSection, base: string): Section[] {
  const text = section.text?.trim() ?? ''
  const id = section.id !== undefined ? String(section.id) : slugify(section.title)
  if (text === '' || id === '') return []
  const sources = (section.sources ?? []).flatMap((s) =>
    s.name.trim() ? [defined({ name: s.name.trim(), url: safeHttpUrl(s.url, base) })] : [],
  )
  return [{ id, title: section.title.trim() || 'Untitled section', text, sources }]
}

function toTopic(topic: RawTopic, base: string): Topic | [] {
  const name = topic.name.trim()
  const id = topic.id !== undefined ? String(topic.id) : slugify(name)
  if (name === '' || id === '') return []
  return defined({
    id,
    name,
    kind: isTopicKind(topic.kind) ? topic.kind : 'other',
    summary: topic.summary?.trim() || undefined,
    url: safeHttpUrl(topic.url, base),
    image: safeHttpUrl(topic.image, base),
    asOf: parseFeedDate(topic.as_of),
  })
}

function toAttachment(a: RawAttachment, base: string): Attachment | [] {
  const url = safeHttpUrl(a.url, base)
  if (!url) return []
  return defined({
    url,
    mimeType: a.mime_type?.trim() || undefined,
    title: a.title?.trim() || undefined,
    sizeInBytes: a.size_in_bytes,
    durationInSeconds: a.duration_in_seconds,
  })
}

function readAuthors(
  holder: { author?: RawAuthor; authors?: RawAuthor[] },
  base: string,
): Author[] {
  const list = holder.authors ?? (holder.author ? [holder.author] : [])
  return list.flatMap((a) => {
    const name = a.name?.trim()
    const url = safeHttpUrl(a.url, base)
    if (!name && !url) return []
    return [
      defined({ name: name || new URL(url!).hostname, url, avatar: safeHttpUrl(a.avatar, base) }),
    ]
  })
}

function firstOfEachId<T extends { id: string }>(list: T[]): T[] {
  const seen = new Set<string>()
  return list.filter((entry) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)))
}

// Newest first; the sort is stable, so undated items (-Infinity: their difference is NaN,
// which sorts as equal) keep their place relative to each other, after dated ones.
function sortNewestFirst(stories: Story[]): Story[] {
  return stories
    .map((story) => ({ story, time: story.published ? Date.parse(story.published) : -Infinity }))
    .sort((a, b) => b.time - a.time)
    .map((entry) => entry.story)
}

export function formatPath(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>(
    (path, part) => (typeof part === 'number' ? `${path}[${part}]` : `${path}.${String(part)}`),
    '$',
  )
}

type Issue = { code: string; path: readonly PropertyKey[]; expected?: unknown; message?: string }

/** What a publisher needs to fix: a missing field reads differently from a wrong one. */
export function describeIssue(issue: Issue | undefined, checked?: unknown): string {
  if (!issue) return 'Invalid item.'
  if (checked !== undefined && isMissing(checked, issue.path)) return 'Missing: it is required.'
  if (issue.code === 'invalid_type') {
    return issue.expected === undefined ? 'Wrong type.' : `Expected ${String(issue.expected)}.`
  }
  if (issue.code === 'invalid_union') return 'Expected a string or a number.'
  if (issue.code === 'too_small') return 'Must not be empty.'
  if (issue.code === 'invalid_format') return 'Not in the expected format.'
  return issue.message || 'Invalid value.'
}

function isMissing(root: unknown, path: readonly PropertyKey[]): boolean {
  let value = root
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return true
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value === undefined
}

export function describeEnvelopeProblem(json: unknown): string {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return 'The document is JSON but not a feed: it is not an object.'
  }
  const doc = json as Partial<Record<keyof RawFeed, unknown>>
  if (typeof doc.version !== 'string' || !doc.version.startsWith(JSON_FEED_VERSION_PREFIX)) {
    return 'The document is not a JSON Feed: its "version" is missing or not a JSON Feed version.'
  }
  if (!JSON_FEED_VERSION.test(doc.version)) {
    return `The feed's version (${doc.version}) is not one this reader understands (1 or 1.1).`
  }
  if (typeof doc.title !== 'string') return 'The feed has no title.'
  if (!Array.isArray(doc.items)) return 'The feed has no list of items.'
  return 'The document is not a valid JSON Feed.'
}

const DAY = 86_400_000

/** A feed date is kept only when it is real and plausible (1990 to a day from now). */
function parseFeedDate(value: string | undefined, now = Date.now()): string | undefined {
  if (!value) return undefined
  const time = Date.parse(value)
  if (Number.isNaN(time)) return undefined
  if (time < Date.UTC(1990, 0, 1) || time > now + DAY) return undefined
  return new Date(time).toISOString()
}
