import { fold, termWeight, type Run, type StoryHit, type Term } from './search-types'

// The snippet a result shows: about 180 characters around the first match, matches marked.

const WORD = /[\p{L}\p{N}]+/gu

export type TextPart = { id: string; title: string; text: string }

/** [start, end] of each word of `text` that answers one of `terms`. */
function matchesIn(text: string, terms: Term[]): [number, number][] {
  const found: [number, number][] = []
  for (const m of text.matchAll(WORD)) {
    const folded = fold(m[0])
    if (terms.some((t) => termWeight(t, folded))) found.push([m.index, m.index + m[0].length])
  }
  return found
}

/** About `length` characters of `text` around its first match, the matches marked. */
function snippetOf(text: string, found: [number, number][], length = 180): Run[] {
  const first = found[0]?.[0] ?? 0
  let start = Math.max(0, first - Math.floor(length / 3))
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  let end = Math.min(text.length, start + length)
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > first) end = space
  }
  const runs: Run[] = []
  let at = start
  const push = (to: number, mark: boolean) => {
    if (to > at) runs.push({ text: text.slice(at, to).replace(/\s+/g, ' '), mark })
    at = to
  }
  for (const [from, to] of found) {
    if (from < start || to > end) continue
    push(from, false)
    push(to, true)
  }
  push(end, false)
  if (start > 0) runs.unshift({ text: '… ', mark: false })
  if (end < text.length) runs.push({ text: ' …', mark: false })
  return runs
}

/** A result, its snippet from the part that matched most (the opening when none did). */
export function storyHit(
  hit: Omit<StoryHit, 'section' | 'snippet'>,
  parts: TextPart[],
  terms: Term[],
): StoryHit {
  let best: { part: TextPart; found: [number, number][] } | undefined
  for (const part of parts) {
    const found = terms.length ? matchesIn(part.text, terms) : []
    if (!best || found.length > best.found.length) best = { part, found }
  }
  if (!best) return { ...hit, snippet: [] }
  const { part } = best
  return {
    ...hit,
    to: part.id ? `${hit.to}#${part.id}` : hit.to,
    section: part.title || undefined,
    snippet: snippetOf(part.text, best.found),
  }
}
