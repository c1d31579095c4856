/**
 * Vite's build manifest (dist/.vite/manifest.json): each source module's chunk and the chunks
 * it imports, followed the same way by the prerenderer and the byte and preload tests.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** @typedef {Record<string, { file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[] }>} Manifest */

/** @returns {Manifest} */
export const readManifest = (dist) =>
  JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'))

/**
 * The built files of these manifest keys and every chunk they import statically, each once,
 * in the order met: what loading them fetches.
 * @param {Manifest} manifest
 * @param {string[]} keys
 */
export function staticChunks(manifest, keys) {
  const [files, queue] = [[], [...keys]]
  for (const key of queue) {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not in the build's manifest`)
    if (files.includes(chunk.file)) continue
    files.push(chunk.file)
    queue.push(...(chunk.imports ?? []))
  }
  return files
}
