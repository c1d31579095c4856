/**
 * What the search index holds (scripts/search-index.mjs), story by story: the words to find
 * it by, and what a result shows of it. Pure: a page in (as src/features/feed/parse-feed.ts
 * reads it), records out. `words` is the app's own tokenizer (src/features/search/
 * search-types.ts, through the server build), so that the index and the query agree.
 */

/**
 * One story: `doc` is what the results page shows and makes its snippet from (path, title,
 * date, topics' names, and its text as parts: [section id, section title, text], the
 * opening first with no id); `strong` are the words of its title, topics and tags, `all`
 * every word it can be found by (its sections' sources, authors and topic summaries too).
 */
export function storyRecord(story, { storyPath, htmlToText, words }) {
  const plain = story.sections.length === 0
  const text = plain ? (story.contentText ?? htmlToText(story.contentHtml ?? '')) : ''
  const opening = [story.summary, text && text !== story.summary ? text : '']
    .filter(Boolean)
    .join('\n\n')
  const parts = [
    ...(opening ? [['', '', opening]] : []),
    ...story.sections.map((s) => [
      s.id,
      s.title,
      s.sources.length ? `${s.text}\n\n${s.sources.map((x) => x.name).join(', ')}` : s.text,
    ]),
  ]
  const names = [...story.topics.map((t) => t.name), ...story.tags]
  const strong = new Set(words([story.title, ...names].join(' ')))
  const all = new Set(strong)
  for (const part of parts) for (const w of words(`${part[1]} ${part[2]}`)) all.add(w)
  for (const extra of [
    ...story.authors.map((a) => a.name),
    ...story.topics.map((t) => t.summary ?? ''),
  ])
    for (const w of words(extra)) all.add(w)
  return {
    doc: {
      u: storyPath(story),
      t: story.title,
      ...(story.published ? { d: story.published } : {}),
      p: story.topics.map((t) => t.name).join(' · '),
      x: parts,
    },
    strong,
    all,
    filters: {
      topic: story.topics.map((t) => t.id),
      tag: story.tags,
      month: /^\d{4}-\d{2}/.exec(story.published ?? '')?.[0],
    },
  }
}

/** Ascending numbers as their differences, which compress well: [3, 5, 9] → [3, 2, 4]. */
export function deltas(numbers) {
  return numbers.map((n, i) => (i === 0 ? n : n - numbers[i - 1]))
}
