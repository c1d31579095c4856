import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin } from 'vite'

/** The line of src/app/sw.js that the build fills in. */
const BUILD_LINE = /^const BUILD = .*$/m

export interface WorkerBuild {
  version: string
  assets: string[]
  /** The page's icons from public/: the browser asks for them offline too. */
  icons: string[]
}

/**
 * Emits sw.js beside index.html: src/app/sw.js with its BUILD line naming every file the
 * build wrote under assets/ and the page's icons (the worker precaches them all), and a
 * version that changes whenever one of them, index.html or the worker itself changes.
 */
export function swPrecache(source = 'src/app/sw.js'): Plugin {
  let file = source
  let base = '/'
  return {
    name: 'briefing:sw-precache',
    apply: 'build',
    // After Vite's own plugins, so index.html is in the bundle.
    enforce: 'post',
    configResolved(config) {
      file = path.resolve(config.root, source)
      base = config.base
    },
    generateBundle(_options, bundle) {
      const template = readFileSync(file, 'utf8')
      if (!BUILD_LINE.test(template)) this.error(`${file} has no "const BUILD = …" line to fill in`)
      const build = workerBuild(bundle, template, base)
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace(BUILD_LINE, `const BUILD = ${JSON.stringify(build)}`),
      })
    },
  }
}

type Bundle = Record<
  string,
  { type: 'asset'; source: string | Uint8Array } | { type: 'chunk'; code: string }
>

export function workerBuild(bundle: Bundle, template: string, base = '/'): WorkerBuild {
  const assets = Object.keys(bundle)
    .filter((name) => name.startsWith('assets/'))
    .sort()
  const html = bundle['index.html']
  const hash = createHash('sha256').update(template)
  for (const name of [...assets, 'index.html']) {
    const output = bundle[name]
    if (!output) continue
    hash.update(name).update(output.type === 'chunk' ? output.code : output.source)
  }
  const icons = html?.type === 'asset' ? iconsOf(String(html.source), base) : []
  return { version: hash.digest('hex').slice(0, 12), assets, icons }
}

/** The page's own icons (<link rel="icon" href="…">), relative to the base. */
function iconsOf(html: string, base: string): string[] {
  const icons: string[] = []
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (!/\brel="[^"]*\bicon\b[^"]*"/.test(tag)) continue
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href?.startsWith(base)) icons.push(href.slice(base.length))
  }
  return icons
}
