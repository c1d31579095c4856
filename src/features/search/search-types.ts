import { stemmer } from 'stemmer'

/** A run of a snippet's text, marked where it matched. */
export type Run = { text: string; mark: boolean }

export type StoryHit = {
  /** The story's path (src/lib/urls.ts), with the matching section's id as its fragment. */
  to: string
  title: string
  date?: string
  topics: string
  section?: string
  snippet: Run[]
}

export type TopicHit = { to: string; name: string; kind: string; count: number }

/** What the address asks for: `/search?q=…&topic=…&tag=…&from=…&to=…&sort=date`. */
export type SearchRequest = {
  q: string
  topic: string
  tag: string
  /** Months, "2024-10", inclusive. */
  from: string
  to: string
  sort: '' | 'date'
}

/** `more` loads the next results. */
export type SearchOutcome = {
  total: number
  stories: StoryHit[]
  topics: TopicHit[]
  more?: () => Promise<StoryHit[]>
}

export function readRequest(params: URLSearchParams): SearchRequest {
  const month = (key: string) => /^\d{4}-\d{2}/.exec(params.get(key) ?? '')?.[0] ?? ''
  return {
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    tag: params.get('tag') ?? '',
    from: month('from'),
    to: month('to'),
    sort: params.get('sort') === 'date' ? 'date' : '',
  }
}

/** Filters in use besides the words. */
export function filtering(request: SearchRequest): boolean {
  return Boolean(request.topic || request.tag || request.from || request.to)
}

/** Lower case, accents gone: "Zelenskyy", "zélenskyy" and "ZELENSKYY" are one word. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

export function queryWords(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** A word of a query, and its stem where the feed's language has a stemmer. */
export type Term = { word: string; stem?: string }

const stems = new Map<string, string>()
function stemOf(word: string): string {
  let stem = stems.get(word)
  if (stem === undefined) {
    if (stems.size > 50_000) stems.clear()
    stems.set(word, (stem = stemmer(word)))
  }
  return stem
}

/**
 * The words of a query, each with its stem when the feed is in English or names no language
 * (Porter's stemmer): "elections" finds "election" and "elected". Others match as typed.
 */
export function queryTerms(q: string, language?: string): Term[] {
  const english = !language || /^en\b/i.test(language)
  return queryWords(q).map((word) => (english ? { word, stem: stemOf(word) } : { word }))
}

/**
 * How a word of the text (folded) answers `term`: 1.5 for the word itself or one of its
 * family (the same stem), 1 for a longer word it begins (the reader is still typing), or 0.
 */
export function termWeight(term: Term, entry: string): number {
  if (entry === term.word) return 1.5
  // The same first letter before the stemmer runs: most words of a text are not of the family.
  if (term.stem && entry[0] === term.word[0] && stemOf(entry) === term.stem) return 1.5
  return entry.startsWith(term.word) ? 1 : 0
}

/** The words to highlight on the story a result opens. */
export function markedWords(snippet: Run[]): string[] {
  return [...new Set(snippet.filter((r) => r.mark).map((r) => r.text.trim().toLowerCase()))]
}

/** The index's file of a word's stories: one per first two characters, safe in any script. */
export function shardOf(word: string): string {
  return [...word]
    .slice(0, 2)
    .map((c) => (c.codePointAt(0) ?? 0).toString(36))
    .join('-')
}

/** Whether each of `words` begins a word of `text`: "kim jon" names "Kim Jong-un". */
export function namedBy(text: string, words: string[]): boolean {
  const own = queryWords(text)
  return words.length > 0 && words.every((w) => own.some((word) => word.startsWith(w)))
}
