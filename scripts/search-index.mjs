/**
 * The search index: `node scripts/search-index.mjs`, run by `npm run build` after
 * prerendering. It reads the feed shipped in the build (dist/feed.json) and every next page
 * shipped beside it (a relative `next_url` whose file is in dist/), with the app's own parser
 * and tokenizer (the server build, dist-ssr/), and writes dist/search/, static files the
 * search page (src/features/search/index-search.ts) fetches as a query needs them:
 *
 *   meta.json            the build's id, how many stories, the topics (names, kinds,
 *                        counts, summaries), tags and months for the filters
 *   words/<shard>.json   per word, the stories it is in: { word: [strong, all] }, both as
 *                        ascending story numbers in differences; strong = in the title, a
 *                        topic's name or a tag. One file per first two characters.
 *   docs/<block>.json    what a result shows, BLOCK stories a file: path, title, date,
 *                        topics, and the text as parts (section id, title, text)
 *   filters.json         per topic, tag and month, its stories (loaded when one is chosen)
 *   dates.json           each story's day, for the newest-first order
 *
 * Why not Pagefind: docs/decisions/0009-search-index-of-our-own.md. Skipped when the build
 * reads a feed from elsewhere (VITE_FEED_URL) or with SEARCH_INDEX=0: the search page then
 * searches the stories loaded. The benchmark calls it with --feed <first page> --out <dir>.
 */
import console from 'node:console'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { deltas, storyRecord } from './search-records.mjs'

/** Stories per docs/ file: a first page of ten results fetches a few small files. */
const BLOCK = 25

const { values: args } = parseArgs({
  options: { feed: { type: 'string' }, out: { type: 'string' } },
})
const dist = path.resolve(process.env.DIST ?? 'dist')
const out = path.join(path.resolve(args.out ?? dist), 'search')
const firstPage = path.resolve(args.feed ?? path.join(dist, 'feed.json'))

if (!args.feed && process.env.SEARCH_INDEX === '0') {
  console.log('search index: skipped (SEARCH_INDEX=0)')
  process.exit(0)
}
if (!args.feed && process.env.VITE_FEED_URL) {
  console.log('search index: skipped, the build reads its feed from VITE_FEED_URL')
  process.exit(0)
}

const server = await import(pathToFileURL(path.resolve('dist-ssr/entry-server.js')).href)
const started = performance.now()

/** The first page and each next page whose file is shipped beside it. */
function* feedPages() {
  const origin = server.BUILD_ORIGIN
  const folder = path.dirname(firstPage)
  let file = firstPage
  let url = new URL(path.basename(firstPage), `${origin}/`).href
  const seen = new Set()
  while (!seen.has(file)) {
    seen.add(file)
    const page = server.parseFeedText(readFileSync(file, 'utf8'), url)
    yield page
    const next = page.nextUrl && new URL(page.nextUrl, url)
    if (!next || next.origin !== origin) break
    const nextFile = path.join(folder, decodeURIComponent(next.pathname))
    if (!nextFile.startsWith(folder + path.sep) || !existsSync(nextFile)) break
    file = nextFile
    url = next.href
  }
}

/** word → [strong story numbers, all story numbers], each ascending. */
const postings = new Map()
const filters = { topic: new Map(), tag: new Map(), month: new Map() }
const topics = new Map()
const days = []
let docs = []
let block = 0
let pages = 0
const seenIds = new Set()

rmSync(out, { recursive: true, force: true })
mkdirSync(path.join(out, 'words'), { recursive: true })
mkdirSync(path.join(out, 'docs'), { recursive: true })
const flush = () => {
  writeFileSync(path.join(out, 'docs', `${block++}.json`), JSON.stringify(docs))
  docs = []
}

for (const page of feedPages()) {
  pages++
  for (const story of page.stories) {
    // The first of a duplicate wins, as in the app (a next page may repeat a story).
    if (seenIds.has(story.id)) continue
    seenIds.add(story.id)
    const n = days.length
    const record = storyRecord(story, server)
    for (const word of record.all) {
      let entry = postings.get(word)
      if (!entry) postings.set(word, (entry = [[], []]))
      entry[1].push(n)
      if (record.strong.has(word)) entry[0].push(n)
    }
    for (const [kind, values] of Object.entries(record.filters)) {
      for (const value of [values].flat()) {
        if (value === undefined) continue
        const list = filters[kind].get(value) ?? []
        list.push(n)
        filters[kind].set(value, list)
      }
    }
    for (const topic of story.topics) {
      const known = topics.get(topic.id)
      if (known) {
        known.count++
        known.summary ??= topic.summary
      } else
        topics.set(topic.id, {
          id: topic.id,
          name: topic.name,
          kind: topic.kind,
          count: 1,
          summary: topic.summary,
          to: server.topicPath(topic.id),
        })
    }
    days.push(story.published ? Math.floor(Date.parse(story.published) / 86_400_000) : 0)
    docs.push(record.doc)
    if (docs.length === BLOCK) flush()
  }
}
if (docs.length) flush()

const shards = new Map()
for (const [word, [strong, all]] of postings) {
  const key = server.shardOf(word)
  const shard = shards.get(key) ?? {}
  shard[word] = [deltas(strong), deltas(all)]
  shards.set(key, shard)
}
for (const [key, shard] of shards)
  writeFileSync(path.join(out, 'words', `${key}.json`), JSON.stringify(shard))

const asObject = (map) => Object.fromEntries([...map].map(([k, v]) => [k, deltas(v)]))
writeFileSync(
  path.join(out, 'filters.json'),
  JSON.stringify({
    topic: asObject(filters.topic),
    tag: asObject(filters.tag),
    month: asObject(filters.month),
  }),
)
writeFileSync(path.join(out, 'dates.json'), JSON.stringify(days))
const build = Date.now().toString(36)
writeFileSync(
  path.join(out, 'meta.json'),
  JSON.stringify({
    build,
    stories: days.length,
    block: BLOCK,
    shards: [...shards.keys()].sort(),
    topics: [...topics.values()].sort((a, b) => b.count - a.count),
    tags: [...filters.tag].map(([tag, list]) => [tag, list.length]),
    months: [...filters.month.keys()].sort(),
  }),
)

console.log(
  `search index: ${days.length} stories, ${postings.size} words, ${topics.size} topics from ` +
    `${pages} feed page(s) in ${path.relative(process.cwd(), out) || '.'}/ ` +
    `(${Math.round(performance.now() - started)} ms)`,
)
