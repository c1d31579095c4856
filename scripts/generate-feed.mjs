/**
 * Writes large synthetic story feeds (JSON Feed 1.1 with `_story`) for the benchmark and
 * scripts/feed-smoke.mjs. The same arguments always give the same bytes (a seeded generator).
 *
 *   node scripts/generate-feed.mjs --count 10000 --out bench-feeds/flat-10000.json
 *   node scripts/generate-feed.mjs --count 100000 --page-size 1000 --out-dir bench-feeds/paged-100000/
 *   node scripts/generate-feed.mjs --count 2000 --ids url --out feed.json
 *
 * `--ids` is what the stories' ids are: `slug` (the default, "2024-12-31-kenya-agrees-…"),
 * `url` ("https://briefing.example/2024/12/31/kenya-agrees-….html", as most feeds have
 * them) or `number`.
 *
 * The paginated form writes page-1.json, page-2.json … each with a relative `next_url`.
 * Stories are shorter than the sample feed's (about 2 KB against 4.7 KB) so that 10,000 of
 * them fit under the reader's 24 MB feed limit.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

const PLACES = ['Kenya', 'Chile', 'Norway', 'Vietnam', 'Ghana', 'Peru', 'Poland', 'Nepal']
const PEOPLE = ['Amara Okafor', 'Luis Herrera', 'Ingrid Dahl', 'Tran Minh', 'Kofi Mensah']
const ORGS = ['World Health Organization', 'African Union', 'United Nations', 'OPEC']
const OUTLETS = [
  ['Reuters', 'https://www.reuters.com/'],
  ['Associated Press', 'https://apnews.com/'],
  ['BBC News', 'https://www.bbc.co.uk/news'],
  ['The Guardian', 'https://www.theguardian.com/'],
]
const SECTIONS = [
  ['whats-happened', "What's happened"],
  ['why-it-matters', 'Why it matters'],
  ['what-the-papers-say', 'What the papers say'],
  ['how-we-got-here', 'How we got here'],
]
const VERBS = ['agrees', 'rejects', 'delays', 'announces', 'debates', 'approves']
const THINGS = ['budget', 'trade deal', 'election date', 'climate plan', 'rail link', 'census']
const WORDS =
  'the government said on Monday that talks would continue next week after officials from both sides met in the capital to discuss terms and timing of a plan that critics say leaves key questions open'.split(
    ' ',
  )

/** mulberry32: small, fast and seedable, so the output is reproducible. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

function sentence(rand, words) {
  const text = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)])
  return `${text.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
}

const paragraph = (rand) =>
  Array.from({ length: 1 + Math.floor(rand() * 2) }, () =>
    sentence(rand, 8 + Math.floor(rand() * 8)),
  ).join(' ')

function topic(rand) {
  const kind = ['country', 'person', 'organisation'][Math.floor(rand() * 3)]
  const pool = kind === 'country' ? PLACES : kind === 'person' ? PEOPLE : ORGS
  const name = pool[Math.floor(rand() * pool.length)]
  return {
    id: slug(name),
    name,
    kind,
    summary: `${name} is a ${kind} that appears in many of these stories.`,
    url: `https://en.wikipedia.org/wiki/${name.replace(/ /g, '_')}`,
    as_of: '2024-12-01',
  }
}

/** Story number n (0 is the newest); its content depends only on n. */
function story(n, ids = 'slug') {
  const rand = random(n + 1)
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const place = pick(PLACES)
  const title = `${place} ${pick(VERBS)} ${pick(THINGS)} (story ${n + 1})`
  const date = new Date(Date.UTC(2024, 11, 31, 12) - n * 15 * 60_000).toISOString()
  const slugId = `${date.slice(0, 10)}-${slug(title)}`
  const id =
    ids === 'url'
      ? `https://briefing.example/${date.slice(0, 10).replaceAll('-', '/')}/${slug(title)}.html`
      : ids === 'number'
        ? 100000 + n
        : slugId
  const sections = SECTIONS.map(([id, title]) => ({
    id,
    title,
    text: paragraph(rand),
    // The third section names its sources.
    ...(id === 'what-the-papers-say' && {
      sources: [...new Set([pick(OUTLETS), pick(OUTLETS)])].map(([name, url]) => ({ name, url })),
    }),
  }))
  const [first, second] = [topic(rand), topic(rand)]
  const topics = first.id === second.id ? [first] : [first, second]
  return {
    id,
    url: `https://briefing.example/stories/${slugId}`,
    title,
    summary: sentence(rand, 18),
    content_text: sections.map((s) => `${s.title}\n\n${s.text}`).join('\n\n'),
    date_published: date,
    tags: topics.map((t) => t.name),
    _story: { about: 'https://briefing.example/docs/story-extension', sections, topics },
  }
}

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    'page-size': { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    ids: { type: 'string', default: 'slug' },
  },
})
const fail = (message) => {
  console.error(message)
  process.exit(1)
}
const count = Number(values.count)
const pageSize = Number(values['page-size'] ?? count)
const dir = values['out-dir']
if (!Number.isInteger(count) || count < 1) fail('--count must be a positive integer')
if (!['slug', 'url', 'number'].includes(values.ids)) fail('--ids is slug, url or number')
if (!Number.isInteger(pageSize) || pageSize < 1) fail('--page-size must be positive')
if (values['page-size'] ? !dir : !values.out)
  fail('--out <file> without --page-size, or --out-dir <folder> with it, is required')
const pages = Math.ceil(count / pageSize)
await mkdir(dir ?? path.dirname(values.out), { recursive: true })
for (let p = 0; p < pages; p++) {
  const items = []
  for (let n = p * pageSize; n < Math.min(count, (p + 1) * pageSize); n++)
    items.push(story(n, values.ids))
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Briefing (synthetic)',
    home_page_url: 'https://briefing.example/',
    description: `A generated feed for benchmarks.`,
    language: 'en',
    ...(p + 1 < pages && { next_url: `page-${p + 2}.json` }),
    items,
  }
  const file = values['page-size'] ? path.join(dir, `page-${p + 1}.json`) : values.out
  await writeFile(file, JSON.stringify(feed))
}
console.log(
  `Wrote ${count} stories${values['page-size'] ? ` in ${pages} pages` : ''} to ${dir ?? values.out}`,
)
