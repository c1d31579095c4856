/**
 * A JSON Feed per topic and per tag of the feed shipped in the build, so that a reader can
 * follow a topic in any feed reader: `node scripts/topic-feeds.mjs`, run by `npm run build`
 * after the pages are built ahead of time. Writes dist/topics/<slug>/feed.json and
 * dist/tags/<slug>/feed.json (the slug is src/lib/text.ts's, through the server build):
 * the feed's own fields, the items on the topic (with their `_story`), and a title that
 * says which topic. A folder holding only feed.json leaves /topics/<id> to the app.
 *
 * Skipped when the build reads its feed from elsewhere (VITE_FEED_URL).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const dist = path.resolve(process.env.DIST ?? 'dist')
if (process.env.VITE_FEED_URL) {
  console.log('topic-feeds: skipped, the build reads its feed from VITE_FEED_URL')
  process.exit(0)
}
const { slugify } = await import(pathToFileURL(path.resolve('dist-ssr/entry-server.js')).href)
const feed = JSON.parse(readFileSync(path.join(dist, 'feed.json'), 'utf8'))
// Not the whole feed's address, nor its next page: this feed is the topic's, and whole.
const fields = { ...feed }
for (const key of ['items', 'next_url', 'feed_url']) delete fields[key]
const list = (value) => (Array.isArray(value) ? value : [])

/** "topics/<slug>" or "tags/<slug>" → the topic's name and its items. */
const groups = new Map()
const add = (folder, value, name, item) => {
  const slug = slugify(value)
  const key = `${folder}/${slug}`
  // A folder name has at most 255 bytes: a tag longer than a name gets no feed.
  if (!slug || key.length > 200) return
  const group = groups.get(key) ?? { name, items: [] }
  if (!group.items.includes(item)) group.items.push(item)
  groups.set(key, group)
}
for (const item of list(feed.items)) {
  for (const topic of list(item?._story?.topics))
    if (topic?.id !== undefined)
      add('topics', String(topic.id), String(topic.name ?? topic.id), item)
  for (const tag of list(item?.tags)) if (typeof tag === 'string') add('tags', tag, `#${tag}`, item)
}

// Only feeds live there (/topics/<id> and /tags/<tag> are the app's routes).
for (const folder of ['topics', 'tags'])
  rmSync(path.join(dist, folder), { recursive: true, force: true })
for (const [key, group] of groups) {
  mkdirSync(path.join(dist, key), { recursive: true })
  const title = `${group.name} · ${feed.title ?? 'Briefing'}`
  writeFileSync(
    path.join(dist, key, 'feed.json'),
    JSON.stringify({ ...fields, title, items: group.items }),
  )
}
console.log(`topic-feeds: ${groups.size} feeds in dist/topics/ and dist/tags/`)
