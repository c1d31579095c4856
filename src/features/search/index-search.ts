import { snippetFor } from './snippet'
import {
  namedBy,
  queryWords,
  shardOf,
  type SearchOutcome,
  type SearchRequest,
  type StoryHit,
  type TopicHit,
} from './search-types'

/*
 * Search over the index built with the site (scripts/search-index.mjs, which documents its
 * files): a query fetches the shard of each of its words' first two letters, then the
 * blocks holding the ten results shown. Every file is fetched once per visit.
 */

type IndexTopic = {
  id: string
  name: string
  kind: string
  count: number
  summary?: string
  to: string
}
export type IndexMeta = {
  build: string
  stories: number
  block: number
  shards: string[]
  topics: IndexTopic[]
  tags: [string, number][]
  months: string[]
}
type Doc = { u: string; t: string; d?: string; p: string; x: [string, string, string][] }
type Shard = Record<string, [number[], number[]]>

const PAGE = 10
const files = new Map<string, Promise<unknown>>()
const base = `${import.meta.env.BASE_URL}search/`

function get<T>(file: string, build?: string): Promise<T> {
  const url = `${base}${file}${build ? `?${build}` : ''}`
  let loading = files.get(url)
  if (!loading) {
    loading = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${file}: ${response.status}`)
      return response.json()
    })
    // A failure (offline) is tried again by the next query.
    loading.catch(() => files.delete(url))
    files.set(url, loading)
  }
  return loading as Promise<T>
}

export const loadMeta = () => get<IndexMeta>('meta.json')

const undelta = (list: number[]) => {
  const out = new Array<number>(list.length)
  let n = 0
  for (let i = 0; i < list.length; i++) out[i] = n += list[i] ?? 0
  return out
}

/** Stories numbered by the index where each of `words` (a prefix) is, with a score. */
async function match(meta: IndexMeta, words: string[]) {
  const shards = new Set(meta.shards)
  const hits = new Uint8Array(meta.stories)
  const score = new Float32Array(meta.stories)
  await Promise.all(
    words.map(async (word) => {
      const key = shardOf(word)
      const shard = shards.has(key) ? await get<Shard>(`words/${key}.json`, meta.build) : {}
      const seen = new Uint8Array(meta.stories)
      for (const [entry, [strong, all]] of Object.entries(shard)) {
        if (!entry.startsWith(word)) continue
        // A whole word counts more than a longer word it begins.
        const exact = entry === word ? 1.5 : 1
        for (const n of undelta(all)) if (seen[n]! < exact) seen[n] = exact
        for (const n of undelta(strong)) seen[n] = exact * 4
      }
      for (let n = 0; n < seen.length; n++) {
        if (seen[n]) {
          hits[n]!++
          score[n]! += seen[n]!
        }
      }
    }),
  )
  const found: number[] = []
  for (let n = 0; n < hits.length; n++) if (hits[n] === words.length) found.push(n)
  return { found, score }
}

async function filtered(meta: IndexMeta, request: SearchRequest): Promise<Set<number> | null> {
  if (!request.topic && !request.tag && !request.from && !request.to) return null
  const filters = await get<Record<string, Record<string, number[]>>>('filters.json', meta.build)
  const sets: Set<number>[] = []
  const one = (kind: string, value: string) => new Set(undelta(filters[kind]?.[value] ?? []))
  if (request.topic) sets.push(one('topic', request.topic))
  if (request.tag) sets.push(one('tag', request.tag))
  if (request.from || request.to) {
    const months = meta.months.filter(
      (m) => (!request.from || m >= request.from) && (!request.to || m <= request.to),
    )
    sets.push(new Set(months.flatMap((m) => [...one('month', m)])))
  }
  const [first, ...rest] = sets
  return new Set([...(first ?? [])].filter((n) => rest.every((set) => set.has(n))))
}

function toHit(doc: Doc, words: string[]): StoryHit {
  const { part, runs } = snippetFor(
    doc.x.map(([id, title, text]) => ({ id, title, text })),
    words,
  )
  return {
    to: part?.id ? `${doc.u}#${part.id}` : doc.u,
    title: doc.t,
    date: doc.d,
    topics: doc.p,
    section: part?.title || undefined,
    snippet: runs,
  }
}

/** Topics whose name has every word, most stories first. */
function topicsFor(meta: IndexMeta, words: string[]): TopicHit[] {
  return meta.topics
    .filter((t) => namedBy(t.name, words))
    .slice(0, 3)
    .map((t) => ({ to: t.to, name: t.name, kind: t.kind, count: t.count }))
}

export async function searchIndex(request: SearchRequest): Promise<SearchOutcome> {
  const meta = await loadMeta()
  const words = queryWords(request.q)
  const [matched, only] = await Promise.all([
    words.length ? match(meta, words) : undefined,
    filtered(meta, request),
  ])
  let found = matched ? matched.found : [...(only ?? [])].sort((a, b) => a - b)
  if (matched && only) found = found.filter((n) => only.has(n))
  if (request.sort === 'date' || !matched) {
    const days = await get<number[]>('dates.json', meta.build)
    found.sort((a, b) => (days[b] ?? 0) - (days[a] ?? 0) || a - b)
  } else {
    const { score } = matched
    // Best first; among equals, the feed's order (newest first, as feeds are written).
    found.sort((a, b) => score[b]! - score[a]! || a - b)
  }
  const page = async (from: number) => {
    const numbers = found.slice(from, from + PAGE)
    const blocks = await Promise.all(
      numbers.map((n) => get<Doc[]>(`docs/${Math.floor(n / meta.block)}.json`, meta.build)),
    )
    return numbers.map((n, i) => toHit(blocks[i]![n % meta.block]!, words))
  }
  let shown = 0
  const first = await page(0)
  shown = first.length
  return {
    total: found.length,
    stories: first,
    topics: topicsFor(meta, words),
    more: async () => {
      const next = await page(shown)
      shown += next.length
      return next
    },
  }
}
