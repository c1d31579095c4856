import type { Story } from '../feed/parse-feed'
import { storyPath, topicPath } from '../../lib/urls'
import { storyHit, type TextPart } from './snippet'
import {
  namedBy,
  queryTerms,
  queryWords,
  termWeight,
  type SearchOutcome,
  type SearchRequest,
  type Term,
  type TopicHit,
} from './search-types'

/*
 * Search over the stories loaded, for a feed not indexed or an index that cannot be read:
 * the index's ranking over the same parts of each story (scripts/search-records.mjs).
 */

const PAGE = 10

/** A story's text as the index keeps it: its opening, then each section with its sources. */
function partsOf(story: Story): TextPart[] {
  // A story's content_text repeats its sections: only a plain item's is its text.
  const text = story.sections.length === 0 ? story.contentText : undefined
  const opening = [story.summary, text !== story.summary && text].filter(Boolean).join('\n\n')
  return [
    ...(opening ? [{ id: '', title: '', text: opening }] : []),
    ...story.sections.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.sources.length ? `${s.text}\n\n${s.sources.map((x) => x.name).join(', ')}` : s.text,
    })),
  ]
}

function wordsOf(story: Story, parts: TextPart[]) {
  const names = [...story.topics.map((t) => t.name), ...story.tags]
  const strong = queryWords([story.title, ...names].join(' '))
  const all = queryWords(
    [
      ...parts.map((p) => `${p.title} ${p.text}`),
      ...story.authors.map((a) => a.name),
      ...story.topics.map((t) => t.summary ?? ''),
    ].join(' '),
  )
  return { strong: new Set(strong), all: new Set([...strong, ...all]) }
}

/** The story's score for `terms`, as the index scores it; 0 when a term is missing. */
function scoreOf(own: { strong: Set<string>; all: Set<string> }, terms: Term[]): number {
  let score = 0
  for (const term of terms) {
    let best = 0
    for (const entry of own.all) {
      const weight = termWeight(term, entry)
      if (weight) best = Math.max(best, own.strong.has(entry) ? weight * 4 : weight)
    }
    if (best === 0) return 0
    score += best
  }
  return score
}

function inFilters(story: Story, request: SearchRequest): boolean {
  if (request.topic && !story.topics.some((t) => t.id === request.topic)) return false
  if (request.tag && !story.tags.includes(request.tag)) return false
  const month = story.published?.slice(0, 7) ?? ''
  if (request.from && !(month >= request.from)) return false
  if (request.to && !(month && month <= request.to)) return false
  return true
}

/** Searches `stories` as the index would. */
export function searchStories(
  stories: readonly Story[],
  request: SearchRequest,
  language?: string,
): SearchOutcome {
  const terms = queryTerms(request.q, language)
  const found: { story: Story; parts: TextPart[]; score: number; order: number }[] = []
  stories.forEach((story, order) => {
    if (!inFilters(story, request)) return
    const parts = partsOf(story)
    const score = terms.length ? scoreOf(wordsOf(story, parts), terms) : 1
    if (score > 0) found.push({ story, parts, score, order })
  })
  if (request.sort === 'date' || terms.length === 0)
    found.sort(
      (a, b) =>
        (b.story.published ?? '').localeCompare(a.story.published ?? '') || a.order - b.order,
    )
  else found.sort((a, b) => b.score - a.score || a.order - b.order)
  let shown = 0
  const page = () => {
    const next = found.slice(shown, shown + PAGE).map(({ story, parts }) => {
      const topics = story.topics.map((t) => t.name).join(' · ')
      const hit = { to: storyPath(story), title: story.title, date: story.published, topics }
      return storyHit(hit, parts, terms)
    })
    shown += next.length
    return next
  }
  return {
    total: found.length,
    stories: page(),
    topics: topicsNamed(stories, queryWords(request.q)),
    more: () => Promise.resolve(page()),
  }
}

/** Topics whose name has every word of the query, most stories first. */
function topicsNamed(stories: readonly Story[], words: string[]): TopicHit[] {
  if (words.length === 0) return []
  const topics = new Map<string, TopicHit>()
  for (const story of stories) {
    for (const topic of story.topics) {
      const known = topics.get(topic.id)
      if (known) known.count++
      else if (namedBy(topic.name, words))
        topics.set(topic.id, {
          to: topicPath(topic.id),
          name: topic.name,
          kind: topic.kind,
          count: 1,
        })
    }
  }
  return [...topics.values()].sort((a, b) => b.count - a.count).slice(0, 3)
}
