/**
 * A JSON Feed per topic and per tag of the feed shipped in the build, so that a reader can
 * follow a topic in any feed reader: `node scripts/topic-feeds.mjs`, run by `npm run build`
 * after the pages are built ahead of time. Writes dist/topics/<slug>/feed.json and
 * dist/tags/<slug>/feed.json (the slug is src/lib/text.ts's, through the server build):
 * the feed's own fields, the items on the topic (with their `_story`), and a title that
 * says which topic. Static files: any host or CDN serves them. A folder holding only
 * feed.json leaves /topics/<id> to the app (no index.html in it).
 *
 * Skipped when the build reads its feed from elsewhere (VITE_FEED_URL).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * The feeds, by path under dist/: one per topic id and per tag of `feed`'s items.
 * @param {{ title?: string, items?: Array<Record<string, any>>, [key: string]: unknown }} feed
 * @param {(text: string) => string} slugify
 * @param {string} base the site's base URL ("https://example.org/news/"), or "" for none
 * @returns {Map<string, object>}
 */
export function topicFeeds(feed, slugify, base = '') {
  // Not the whole feed's address, nor its next page: this feed is the topic's, and whole.
  const fields = { ...feed }
  delete fields.items
  delete fields.next_url
  delete fields.feed_url
  const items = Array.isArray(feed.items) ? feed.items : []
  const list = (value) => (Array.isArray(value) ? value : [])
  /** @type {Map<string, { name: string, items: unknown[] }>} */
  const groups = new Map()
  const add = (key, name, item) => {
    // A folder name has at most 255 bytes: a tag longer than a name gets no feed.
    if (key.length > 200) return
    const group = groups.get(key) ?? { name, items: [] }
    if (!group.items.includes(item)) group.items.push(item)
    groups.set(key, group)
  }
  for (const item of items) {
    for (const topic of list(item?._story?.topics)) {
      const slug = topic?.id === undefined ? '' : slugify(String(topic.id))
      if (slug) add(`topics/${slug}`, String(topic.name ?? topic.id), item)
    }
    for (const tag of list(item?.tags)) {
      const slug = typeof tag === 'string' ? slugify(tag) : ''
      if (slug) add(`tags/${slug}`, `#${tag}`, item)
    }
  }
  const feeds = new Map()
  for (const [key, { name, items: onTopic }] of groups) {
    feeds.set(`${key}/feed.json`, {
      ...fields,
      title: `${name} · ${feed.title ?? 'Briefing'}`,
      ...(base ? { feed_url: new URL(`${key}/feed.json`, base).href } : {}),
      items: onTopic,
    })
  }
  return feeds
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = path.resolve(process.env.DIST ?? 'dist')
  if (process.env.VITE_FEED_URL) {
    console.log('topic-feeds: skipped, the build reads its feed from VITE_FEED_URL')
    process.exit(0)
  }
  const server = await import(pathToFileURL(path.resolve('dist-ssr/entry-server.js')).href)
  const feed = JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8'))
  const feeds = topicFeeds(feed, server.slugify)
  // Only feeds live there (/topics/<id> and /tags/<tag> are the app's routes).
  for (const folder of ['topics', 'tags'])
    rmSync(path.join(dist, folder), { recursive: true, force: true })
  for (const [file, value] of feeds) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true })
    writeFileSync(path.join(dist, file), JSON.stringify(value))
  }
  console.log(`topic-feeds: ${feeds.size} feeds in dist/topics/ and dist/tags/`)
}
