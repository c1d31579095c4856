import { storyHit } from './snippet'
import {
  filtering,
  namedBy,
  queryTerms,
  queryWords,
  termWeight,
  shardOf,
  type SearchOutcome,
  type SearchRequest,
  type Term,
  type TopicHit,
} from './search-types'

/*
 * Search over the index built with the site (scripts/search-index.mjs documents it): a query
 * fetches its words' shards, then the blocks of the ten results shown, each once a visit.
 */

// The parts of meta.json read here.
type IndexMeta = {
  build: string
  block: number
  shards: string[]
  topics: (TopicHit & { id: string })[]
  tags: [string, number][]
  months: string[]
}
type Doc = { u: string; t: string; d?: string; p: string; x: [string, string, string][] }
type Shard = Record<string, [number[], number[]]>

const PAGE = 10
const files = new Map<string, Promise<unknown>>()
const base = `${import.meta.env.BASE_URL}search/`

/** What `make` promises for `key`, made once; a failure (offline) is tried again next time. */
function once<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>) {
  let found = cache.get(key)
  if (!found) {
    cache.set(key, (found = make()))
    found.catch(() => cache.delete(key))
  }
  return found
}

function get<T>(file: string, build?: string): Promise<T> {
  const url = `${base}${file}${build ? `?${build}` : ''}`
  return once(files, url, async () => {
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${file}: ${response.status}`)
    return response.json()
  }) as Promise<T>
}

export const loadMeta = () => get<IndexMeta>('meta.json')

const undelta = (list: number[]) => {
  const out = new Array<number>(list.length)
  let n = 0
  for (let i = 0; i < list.length; i++) out[i] = n += list[i] ?? 0
  return out
}

const shard = (meta: IndexMeta, word: string) => {
  const key = shardOf(word)
  return meta.shards.includes(key)
    ? get<Shard>(`words/${key}.json`, meta.build)
    : Promise.resolve<Shard>({})
}

// Each word's stories and weights, kept for the next keystrokes ("kenya b" still has "kenya").
const weightsOf = new Map<string, Promise<Map<number, number>>>()

/** The stories where a word answering `term` is, each with its weight. */
function weights(meta: IndexMeta, term: Term): Promise<Map<number, number>> {
  // A word's family shares its first two letters, and so its shard.
  const found = once(weightsOf, `${meta.build} ${term.word} ${term.stem ?? ''}`, async () => {
    const weight = new Map<number, number>()
    const keep = (n: number, w: number) => weight.set(n, Math.max(weight.get(n) ?? 0, w))
    for (const [entry, [strong, all]] of Object.entries(await shard(meta, term.word))) {
      // A whole word counts more than a longer word it begins; in a title or topic, 4×.
      const exact = termWeight(term, entry)
      if (!exact) continue
      for (const n of undelta(all)) keep(n, exact)
      for (const n of undelta(strong)) keep(n, exact * 4)
    }
    return weight
  })
  if (weightsOf.size > 32) weightsOf.delete(weightsOf.keys().next().value!)
  return found
}

/** Fetches the files the words of `q` need as they are typed, while the search waits. */
export function warmIndex(q: string) {
  void loadMeta().then(
    (meta) => queryWords(q).forEach((word) => void shard(meta, word).catch(() => undefined)),
    () => undefined,
  )
}

/** Stories numbered by the index where each term is, with a score. */
async function match(meta: IndexMeta, terms: Term[]) {
  const lists = await Promise.all(terms.map((term) => weights(meta, term)))
  // From the word in fewest stories: no pass over the whole archive.
  const [fewest, ...rest] = lists.sort((a, b) => a.size - b.size)
  const score = new Map<number, number>()
  for (const [n, weight] of fewest ?? []) {
    let total = weight
    for (const list of rest) total += list.get(n) ?? Number.NEGATIVE_INFINITY
    if (total > 0) score.set(n, total)
  }
  return { found: [...score.keys()], score }
}

async function filtered(meta: IndexMeta, request: SearchRequest): Promise<Set<number> | null> {
  if (!filtering(request)) return null
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

/** Topics whose name has every word, most stories first. */
function topicsFor(meta: IndexMeta, words: string[]): TopicHit[] {
  return meta.topics.filter((t) => namedBy(t.name, words)).slice(0, 3)
}

export async function searchIndex(
  request: SearchRequest,
  language?: string,
): Promise<SearchOutcome> {
  const meta = await loadMeta()
  const terms = queryTerms(request.q, language)
  const [matched, only] = await Promise.all([
    terms.length ? match(meta, terms) : undefined,
    filtered(meta, request),
  ])
  let found = matched ? matched.found : [...(only ?? [])]
  if (matched && only) found = found.filter((n) => only.has(n))
  if (request.sort === 'date' || !matched) {
    const days = await get<number[]>('dates.json', meta.build)
    found.sort((a, b) => (days[b] ?? 0) - (days[a] ?? 0) || a - b)
  } else {
    // Best first; among equals, the feed's order (newest first, as feeds are written).
    found.sort((a, b) => matched.score.get(b)! - matched.score.get(a)! || a - b)
  }
  const page = async (from: number) => {
    const numbers = found.slice(from, from + PAGE)
    const blocks = await Promise.all(
      numbers.map((n) => get<Doc[]>(`docs/${Math.floor(n / meta.block)}.json`, meta.build)),
    )
    return numbers.map((n, i) => {
      const doc = blocks[i]![n % meta.block]!
      const parts = doc.x.map(([id, title, text]) => ({ id, title, text }))
      return storyHit({ to: doc.u, title: doc.t, date: doc.d, topics: doc.p }, parts, terms)
    })
  }
  const first = await page(0)
  let shown = first.length
  return {
    total: found.length,
    stories: first,
    topics: topicsFor(meta, queryWords(request.q)),
    more: async () => {
      const next = await page(shown)
      shown += next.length
      return next
    },
  }
}
