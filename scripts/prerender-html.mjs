/**
 * The pure half of scripts/prerender.mjs: where a story's page goes, and its HTML made from
 * the built index.html, the page rendered at build time, and the story's Open Graph tags.
 */

/** HTML text and attribute values, escaped. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/**
 * The folder under stories/ that a host serves for the story's path, or null when no file
 * can stand for it: hosts decode the path before looking for a file, so an id holding a
 * slash (a URL) would name folders, and a leading dot a hidden file. Those stay single-page.
 */
export function storyFolder(id) {
  if (id === '' || id.length > 200 || id.startsWith('.')) return null
  if (/[/\\]/.test(id) || [...id].some((c) => c.charCodeAt(0) < 0x20 || c === '\x7f')) {
    return null
  }
  return id
}

/** An https URL, or nothing: what a link preview may fetch. */
function httpsUrl(value) {
  try {
    return new URL(value).protocol === 'https:' ? value : undefined
  } catch {
    return undefined
  }
}

/**
 * The page's <head> tags for a story: title, description, Open Graph and a summary card.
 * @param {{ title: string, summary?: string, image?: string, bannerImage?: string, published?: string, modified?: string, language?: string }} story
 * @param {{ title: string }} feed
 */
export function storyHeadTags(story, feed) {
  const image = httpsUrl(story.bannerImage ?? story.image ?? '')
  const tags = [
    ['property', 'og:type', 'article'],
    ['property', 'og:site_name', feed.title],
    ['property', 'og:title', story.title],
    ['property', 'og:description', story.summary],
    ['property', 'og:image', image],
    ['property', 'og:locale', story.language?.replace('-', '_')],
    ['property', 'article:published_time', story.published],
    ['property', 'article:modified_time', story.modified],
    ['name', 'twitter:card', image ? 'summary_large_image' : 'summary'],
  ]
  return tags
    .filter(([, , content]) => content)
    .map(([kind, name, content]) => `<meta ${kind}="${name}" content="${escapeHtml(content)}" />`)
    .join('\n    ')
}

/**
 * A closed section's text stays findable by the browser's find-in-page, which opens it:
 * React writes `hidden` as a boolean only, and the app sets "until-found" once it runs.
 */
export function findableSections(html) {
  return html.replace(
    /(<div\b[^>]*\bdata-section-body=""[^>]*?\s)hidden=""/g,
    (_, start) => `${start}hidden="until-found"`,
  )
}

/**
 * index.html with the page rendered into #root (marked with the path and feed it was built
 * from, which src/main.tsx checks before taking it over) and the story's title, description
 * and Open Graph tags in its head. `rendered` may begin with the <title> React hoists.
 * The app's modules are handed to the script at `afterPaint` (src/app/after-paint.js), which
 * runs them once the page has painted; `preload` adds the story screen's.
 */
export function storyPage(template, rendered, options) {
  const { path, feedPath, story, feed, data, preload = [], afterPaint } = options
  const builtAt = options.builtAt ?? new Date().toISOString()
  const titleMatch = /^<title>(.*?)<\/title>/s.exec(rendered)
  const body = findableSections(titleMatch ? rendered.slice(titleMatch[0].length) : rendered)
  const title = titleMatch?.[1] ?? escapeHtml(`${story.title} · ${feed.title}`)
  const description = story.summary ?? feed.description
  // Replacements are functions: a story's text may hold "$&" and the like.
  let html = template.replace(/<title>.*?<\/title>/s, () => `<title>${title}</title>`)
  if (description) {
    html = html.replace(
      /<meta\s+name="description"\s+content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${escapeHtml(description)}" />`,
    )
  }
  // The app's modules (index.html's entry and what it preloads, then the story screen's
  // code) are named, not loaded: src/app/after-paint.js fetches and runs them once the page
  // has painted. The page reads without them.
  const modules = []
  const collect = (tag) => {
    const url = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1]
    if (url) modules.push(url)
    return ''
  }
  html = html
    .replace(/\n?[ \t]*<script\b[^>]*\btype="module"[^>]*><\/script>/g, collect)
    .replace(/\n?[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*>/g, collect)
  modules.push(...preload)
  if (modules.length && !afterPaint)
    throw new Error('storyPage: the app has modules but no afterPaint script')
  // The page carries its feed; the app reads it afresh once it has taken the page over.
  html = html.replace(/\n?[ \t]*<link\b[^>]*\brel="preload"[^>]*\bas="fetch"[^>]*>/, '')
  const starter = modules.length
    ? `<script defer src="${escapeHtml(afterPaint)}" data-modules="${escapeHtml([...new Set(modules)].join(' '))}"></script>`
    : ''
  html = html.replace(/<title>.*?<\/title>/s, (tag) =>
    [tag, starter].filter(Boolean).join('\n    '),
  )
  html = html.replace(/\n\s*<\/head>/, () => `\n    ${storyHeadTags(story, feed)}\n  </head>`)
  // The root, empty or with index.html's loading placeholder (which ends with a marker).
  const root = /<div id="root">(?:\s*<!-- placeholder[\s\S]*?<!-- \/placeholder -->\s*)?<\/div>/
  if (!root.test(html)) {
    throw new Error('index.html has no <div id="root">, empty or with its marked placeholder')
  }
  return html.replace(
    root,
    () =>
      `<div id="root" data-prerendered-path="${escapeHtml(path)}" data-prerendered-feed="${escapeHtml(feedPath)}" data-prerendered-at="${escapeHtml(builtAt)}">${body}</div>` +
      (data === undefined
        ? ''
        : // The feed as the page was built from it: JSON, never run (the CSP allows no inline
          // script anyway); "<" escaped so that no "</script>" in a story can end it.
          `\n    <script type="application/json" id="prerendered-feed">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script>`),
  )
}
