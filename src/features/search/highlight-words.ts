/*
 * The CSS Custom Highlight API: ranges over the text as it is, no element added, so React's
 * DOM stays its own. Where the API is missing, nothing is highlighted.
 */

const NAME = 'search'

/** Highlights each word (and longer words it begins) in `root`; returns the undo. */
export function highlightWords(root: Element, words: string): () => void {
  const list = words.split(/\s+/).filter(Boolean)
  if (list.length === 0 || typeof CSS === 'undefined' || !('highlights' in CSS)) return () => {}
  const escaped = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}\\p{N}]*`, 'giu')
  const ranges: Range[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.nodeValue ?? '').matchAll(pattern)) {
      const range = new Range()
      range.setStart(node, match.index)
      range.setEnd(node, match.index + match[0].length)
      ranges.push(range)
    }
  }
  CSS.highlights.set(NAME, new Highlight(...ranges))
  return () => CSS.highlights.delete(NAME)
}
