// A module of its own: a story page splits its text without the feed parser's helpers below.
export { paragraphs } from './paragraphs'

const sentenceEnd = /[.!?…"'”’)\]]$/u

/** A summary cut off mid-word ("…the Earth's in") loses its last word and ends with "…". */
export function tidySummary(text: string | undefined): string | undefined {
  const trimmed = text?.trim()
  if (!trimmed) return undefined
  if (sentenceEnd.test(trimmed)) return trimmed
  const lastSpace = trimmed.lastIndexOf(' ')
  const kept = lastSpace > 0 ? trimmed.slice(0, lastSpace) : trimmed
  return `${kept.replace(/[\s,;:–—-]+$/u, '')}…`
}

export function firstWords(text: string | undefined, max = 160): string | undefined {
  const flat = text?.replace(/\s+/g, ' ').trim()
  if (!flat) return undefined
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const lastSpace = cut.lastIndexOf(' ')
  return `${cut.slice(0, lastSpace > max / 2 ? lastSpace : max).replace(/[\s,;:]+$/u, '')}…`
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}

// Inline elements sit inside a line of text: "<b>24 October</b>, from" stays "24 October, from".
const inlineTag =
  /<\/?(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>/gi

/** Plain text of HTML, never parsed into a document (nothing loads or runs; works in Node). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(inlineTag, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match
      }
      return entities[name.toLowerCase()] ?? match
    })
    .replace(/\s+/g, ' ')
    .trim()
}
