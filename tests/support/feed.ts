import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

/**
 * What the tests know about their sample feed, tests/fixtures/sample-feed.json: the browser
 * tests run a build that ships it (`npm run build:test`), never the deployable
 * public/feed.json, which a publisher replaces with their own. The seed story is the one the
 * product was first described with; everything else is read from the fixture.
 */
export const SEED = {
  id: '2024-10-30-north-korea-troops-kursk',
  title: "North Korean troops deployed to Russia's Kursk region",
  /** Non-empty sections in order; `opening` is how each section's text begins. */
  sections: [
    {
      id: 'whats-happened',
      title: "What's happened",
      opening: 'North Korea has sent approximately 10,000 troops to Russia',
    },
    {
      id: 'what-the-papers-say',
      title: 'What the papers say',
      opening: 'According to the New York Times',
    },
    {
      id: 'how-we-got-here',
      title: 'How we got here',
      opening: "The conflict in Ukraine has intensified since Russia's invasion in 2022",
    },
  ],
  /** Present in the feed with empty text: never shown. */
  emptySection: 'Why it matters',
  sources: ['The New York Times', 'South China Morning Post'],
  topics: [
    { id: 'north-korea', name: 'North Korea' },
    { id: 'russia', name: 'Russia' },
    { id: 'ukraine', name: 'Ukraine' },
    { id: 'vladivostok', name: 'Vladivostok' },
    { id: 'kim-jong-un', name: 'Kim Jong-un' },
    { id: 'mark-rutte', name: 'Mark Rutte' },
  ],
} as const

export type SeedSection = (typeof SEED.sections)[number]

export interface FeedTopic {
  id?: string | number
  name: string
  summary?: string
  url?: string
}

interface FeedItem {
  id: string | number
  title?: string
  content_html?: string
  _story?: {
    sections?: { id?: string | number; title: string; text?: string }[]
    topics?: FeedTopic[]
  }
}

export interface Feed {
  version: string
  title: string
  items: FeedItem[]
  [field: string]: unknown
}

let cached: Feed | undefined

const FIXTURE = fileURLToPath(new URL('../fixtures/sample-feed.json', import.meta.url))
const SERVED = path.resolve(process.env.DIST ?? 'dist', 'feed.json')

/**
 * The tests' sample feed (read once per worker), after checking that the build under test
 * ships it: a build of another feed would fail every test for the wrong reason.
 */
export function sampleFeed(): Feed {
  if (cached) return cached
  const text = readFileSync(FIXTURE, 'utf8')
  if (existsSync(SERVED) && readFileSync(SERVED, 'utf8') !== text) {
    throw new Error(
      `${SERVED} is not tests/fixtures/sample-feed.json: the build under test ships another feed (run \`npm run build:test\`)`,
    )
  }
  cached = JSON.parse(text) as Feed
  return cached
}

/**
 * A story's address as links made before slugs carry it, the id itself: the app opens the
 * story and moves to its slug (src/lib/urls.ts). For a slug id the two are the same.
 */
export function storyPath(id: string | number): string {
  return `/stories/${encodeURIComponent(String(id))}`
}

export function topicPath(topicId: string): string {
  return `/topics/${encodeURIComponent(topicId)}`
}

export function seedTopic(topicId: string): FeedTopic {
  const seed = sampleFeed().items.find((item) => String(item.id) === SEED.id)
  const topic = seed?._story?.topics?.find((candidate) => String(candidate.id) === topicId)
  if (!topic) throw new Error(`The sample feed's seed story has no topic ${topicId}`)
  return topic
}

/** Every story in the feed that names the topic (first item wins for duplicate ids). */
export function storiesOnTopic(topicId: string): { id: string; title: string }[] {
  const seen = new Set<string>()
  const stories: { id: string; title: string }[] = []
  for (const item of sampleFeed().items) {
    const id = String(item.id)
    if (seen.has(id)) continue
    seen.add(id)
    const named = item._story?.topics?.some((topic) => String(topic.id) === topicId)
    if (named && item.title) stories.push({ id, title: item.title })
  }
  return stories
}
