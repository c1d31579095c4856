/** A run of a snippet's text, marked where it matched. */
export type Run = { text: string; mark: boolean }

/** One story found, as the results page shows it, from the index or from memory. */
export type StoryHit = {
  /** The story's path (src/lib/urls.ts), with the matching section's id as its fragment. */
  to: string
  title: string
  date?: string
  topics: string
  /** The section the snippet comes from, when it comes from one. */
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

export type SearchOutcome = {
  total: number
  stories: StoryHit[]
  topics: TopicHit[]
  /** Loads the next results, when there are more than `stories`. */
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

/** The words of a query, folded. */
export function queryWords(q: string): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** The words to highlight on the story a result opens: its snippet's marked words. */
export function markedWords(snippet: Run[]): string[] {
  return [...new Set(snippet.filter((r) => r.mark).map((r) => r.text.trim().toLowerCase()))]
}

/**
 * The index's file that holds a word's stories (scripts/search-index.mjs): one per first
 * two characters, named safely whatever the script.
 */
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
