import type { Plugin } from 'vite'
import { afterPaintAsset, FIRST_PAINT_SCRIPT } from './first-paint.mjs'
import { CONTENT_SECURITY_POLICY } from './hosting-headers.mjs'

/** The policy as index.html's meta tag carries it: a meta tag cannot set frame-ancestors. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive: string) => !directive.startsWith('frame-ancestors'))
  .join('; ')

/**
 * Puts the first-paint script (scripts/first-paint.mjs) at the end of index.html's <head>,
 * and with it every story page built ahead of time, which start from dist/index.html.
 * index.html's own Content-Security-Policy must admit it by its hash: the build stops,
 * naming the policy to write, when it does not.
 * The build also emits src/app/after-paint.js, which story pages built ahead of time load to
 * start the app once they have painted (scripts/prerender-html.mjs).
 */
export function firstPaint(): Plugin {
  let root = '.'
  return {
    name: 'briefing-first-paint',
    configResolved(config) {
      root = config.root
    },
    generateBundle() {
      this.emitFile({ type: 'asset', ...afterPaintAsset(root) })
    },
    transformIndexHtml: {
      handler(html) {
        const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
        const written = meta?.[1]?.replace(/\s+/g, ' ').trim()
        if (written !== META_CONTENT_SECURITY_POLICY) {
          throw new Error(
            `index.html: the Content-Security-Policy meta tag must read\n  ${META_CONTENT_SECURITY_POLICY}\n` +
              `(scripts/hosting-headers.mjs, less frame-ancestors), not\n  ${written ?? '(missing)'}`,
          )
        }
        return [{ tag: 'script', children: FIRST_PAINT_SCRIPT, injectTo: 'head' }]
      },
    },
  }
}
