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
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
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

if (!args.feed && (process.env.SEARCH_INDEX === '0' || process.env.VITE_FEED_URL)) {
  const why = process.env.VITE_FEED_URL ? ', the build reads its feed from VITE_FEED_URL' : ''
  console.log(`search index: skipped${why || ' (SEARCH_INDEX=0)'}`)
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
const seenIds = new Set()
let [docs, block, pages] = [[], 0, 0]
const push = (map, key, n) => map.get(key)?.push(n) ?? map.set(key, [n])

rmSync(out, { recursive: true, force: true })
const write = (file, value) => writeFileSync(path.join(out, file), JSON.stringify(value))
for (const folder of ['words', 'docs']) mkdirSync(path.join(out, folder), { recursive: true })
const flush = () => {
  write(`docs/${block++}.json`, docs)
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
      if (!postings.has(word)) postings.set(word, [[], []])
      if (record.strong.has(word)) postings.get(word)[0].push(n)
      postings.get(word)[1].push(n)
    }
    for (const [kind, values] of Object.entries(record.filters))
      for (const value of [values].flat()) if (value !== undefined) push(filters[kind], value, n)
    for (const { id, name, kind, summary } of story.topics) {
      if (!topics.has(id))
        topics.set(id, { id, name, kind, count: 0, summary, to: server.topicPath(id) })
      const known = topics.get(id)
      known.count++
      known.summary ??= summary
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
  if (!shards.has(key)) shards.set(key, {})
  shards.get(key)[word] = [deltas(strong), deltas(all)]
}
for (const [key, shard] of shards) write(`words/${key}.json`, shard)
const asObject = (map) => Object.fromEntries([...map].map(([k, v]) => [k, deltas(v)]))
const { topic, tag, month } = filters
write('filters.json', { topic: asObject(topic), tag: asObject(tag), month: asObject(month) })
write('dates.json', days)
write('meta.json', {
  build: Date.now().toString(36),
  stories: days.length,
  block: BLOCK,
  shards: [...shards.keys()].sort(),
  topics: [...topics.values()].sort((a, b) => b.count - a.count),
  tags: [...tag].map(([name, list]) => [name, list.length]),
  months: [...month.keys()].sort(),
})

console.log(
  `search index: ${days.length} stories, ${postings.size} words, ${topics.size} topics from ` +
    `${pages} feed page(s) in ${path.relative(process.cwd(), out) || '.'}/ ` +
    `(${Math.round(performance.now() - started)} ms)`,
)
