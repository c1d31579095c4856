/**
 * The pure half of scripts/prerender.mjs: where a story's page goes, and its HTML made from
 * the built index.html, the page rendered at build time, and the story's Open Graph tags.
 */

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** HTML text and attribute values, escaped. */
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c])

/**
 * The folder under stories/ that a host serves for the story's path, or null when no file
 * can stand for it: hosts decode the path before looking for a file, so an id holding a
 * slash (a URL) would name folders, and a leading dot a hidden file. Those stay single-page.
 * @param {string} id
 */
export function storyFolder(id) {
  if (id === '' || id.length > 200 || id.startsWith('.') || /[/\\]/.test(id)) return null
  return [...id].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f') ? null : id
}

/** `<meta>` tags of [attribute, name, content], those with content. */
const metaTags = (tags) =>
  tags
    .filter(([, , content]) => content)
    .map(([kind, name, content]) => `<meta ${kind}="${name}" content="${escapeHtml(content)}" />`)
    .join('\n    ')

/**
 * The page's <head> tags for a story: title, description, Open Graph and a summary card.
 * The image only over https: what a link preview may fetch.
 * @param {{ title: string, summary?: string, image?: string, bannerImage?: string, published?: string, modified?: string, language?: string }} story
 * @param {{ title: string }} feed
 */
export function storyHeadTags(story, feed) {
  const image = URL.parse(story.bannerImage ?? story.image ?? '')?.protocol === 'https:'
  return metaTags([
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', feed.title],
    ['property', 'og:title', story.title],
    ['property', 'og:description', story.summary],
    ['property', 'og:image', image && (story.bannerImage ?? story.image)],
    ['property', 'og:locale', story.language?.replace('-', '_')],
    ['property', 'article:published_time', story.published],
    ['property', 'article:modified_time', story.modified],
    ['name', 'twitter:card', image ? 'summary_large_image' : 'summary'],
  ])
}

/**
 * A closed section's text stays findable by the browser's find-in-page, which opens it:
 * React writes `hidden` as a boolean only, and the app sets "until-found" once it runs.
 * @param {string} html
 */
export const findableSections = (html) =>
  html.replace(
    /(<div\b[^>]*\bdata-section-body=""[^>]*?\s)hidden=""/g,
    (_, start) => `${start}hidden="until-found"`,
  )

/** index.html's root, empty or with its loading placeholder (which ends with a marker). */
const ROOT = /<div id="root">(?:\s*(<!-- placeholder[\s\S]*?<!-- \/placeholder -->)\s*)?<\/div>/

/**
 * index.html with the story rendered into #root (marked with `path`, `feedPath` and
 * `builtAt`, which src/main.tsx checks before taking it over), `data` (the feed as the page
 * shows it) as JSON, and the story's title, description and Open Graph tags in its head.
 * `rendered` may begin with the <title> React hoists. `afterPaint` is src/app/after-paint.js
 * as built: it runs the app's modules, and `preload` (the screen's), once the page has painted.
 */
export function storyPage(template, rendered, options) {
  const { story, feed } = options
  return builtPage(template, rendered, {
    ...options,
    title: escapeHtml(`${story.title} · ${feed.title}`),
    description: story.summary ?? feed.description,
    headTags: storyHeadTags(story, feed),
  })
}

/**
 * index.html with the list of stories rendered into #root, as storyPage does for a story.
 * index.html answers every route, not only the one it was built for (`builtFor`, the path
 * with the base), named on <html data-built-for> for the first-paint script, which on
 * another route shows index.html's loading placeholder, moved after the root, instead of
 * the list (scripts/first-paint.mjs). So the page keeps preloading the feed, which every
 * other route reads at once, and `preload` (the list screen's code) runs only on its route.
 */
export function listPage(template, rendered, options) {
  const { feed, builtFor } = options
  const html = template.replace(
    /<html\b([^>]*)>/,
    (_, attributes) => `<html${attributes} data-built-for="${escapeHtml(builtFor)}">`,
  )
  if (html === template) throw new Error('index.html has no <html> tag')
  return builtPage(html, rendered, {
    ...options,
    title: escapeHtml(feed.title),
    description: feed.description,
    headTags: metaTags(
      [
        ['og:type', 'website'],
        ['og:site_name', feed.title],
        ['og:title', feed.title],
        ['og:description', feed.description],
      ].map(([name, content]) => ['property', name, content]),
    ),
    answersEveryRoute: true,
  })
}

function builtPage(template, rendered, options) {
  const { path, feedPath, data, preload = [], afterPaint, headTags, answersEveryRoute } = options
  const titleMatch = /^<title>(.*?)<\/title>/s.exec(rendered)
  const body = findableSections(titleMatch ? rendered.slice(titleMatch[0].length) : rendered)
  // Replacements are functions: a story's text may hold "$&" and the like.
  let html = template.replace(
    /<title>.*?<\/title>/s,
    () => `<title>${titleMatch?.[1] ?? options.title}</title>`,
  )
  if (options.description) {
    html = html.replace(
      /<meta\s+name="description"\s+content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${escapeHtml(options.description)}" />`,
    )
  }
  // The app's modules (index.html's entry and what it preloads, then the screen's code) are
  // named, not loaded: the after-paint script fetches and runs them once the page has
  // painted. The page reads without them. Fetched with CORS like the modules themselves: in
  // a frame of opaque origin (sandboxed), a script fetched without it may not import().
  const modules = []
  const collect = (tag) => {
    const url = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (url) modules.push(url)
    return ''
  }
  html = html
    .replace(/\n?[ \t]*<script\b[^>]*\btype="module"[^>]*><\/script>/g, collect)
    .replace(/\n?[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>/g, collect)
  if (!answersEveryRoute) {
    modules.push(...preload)
    // A story page carries its feed; the app reads it afresh once it has taken the page over.
    html = html.replace(/\n?[ \t]*<link\b[^>]*\brel="preload"[^>]*\bas="fetch"[^>]*>/, '')
  }
  if (modules.length && !afterPaint)
    throw new Error('builtPage: the app has modules but no afterPaint script')
  const list = (urls) => escapeHtml([...new Set(urls)].join(' '))
  if (modules.length) {
    const pageModules = answersEveryRoute && preload.length
    const starter =
      `<script defer crossorigin src="${escapeHtml(afterPaint)}" data-modules="${list(modules)}"` +
      (pageModules ? ` data-page-modules="${list(preload)}"` : '') +
      '></script>'
    html = html.replace(/<title>.*?<\/title>/s, (tag) => `${tag}\n    ${starter}`)
  }
  // index.html's "needs JavaScript" notice: this page reads without it.
  html = html.replace(/\n?[ \t]*<noscript>[\s\S]*?<\/noscript>/, '')
  if (headTags) html = html.replace(/\n\s*<\/head>/, () => `\n    ${headTags}\n  </head>`)
  const root = ROOT.exec(html)
  if (!root) {
    throw new Error('index.html has no <div id="root">, empty or with its marked placeholder')
  }
  const marks = { path, feed: feedPath, at: options.builtAt ?? new Date().toISOString() }
  const attributes = Object.entries(marks)
    .map(([name, value]) => ` data-prerendered-${name}="${escapeHtml(value)}"`)
    .join('')
  // Kept for the routes the page was not built for (listPage): index.css shows it there.
  const placeholder =
    answersEveryRoute && root[1] ? `\n    <div id="placeholder">\n      ${root[1]}\n    </div>` : ''
  // The feed as the page was built from it: JSON, never run (the CSP allows no inline
  // script anyway); "<" escaped so that no "</script>" in a story can end it.
  const json =
    data === undefined
      ? ''
      : `\n    <script type="application/json" id="prerendered-feed">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`
  return html.replace(ROOT, () => `<div id="root"${attributes}>${body}</div>${placeholder}${json}`)
}
