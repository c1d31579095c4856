/**
 * Reading Vite's build manifest (build.manifest: dist/.vite/manifest.json), which maps each
 * source module to its chunk and the chunks it imports. The prerenderer, the byte budget
 * test and the preload test all follow it the same way.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The manifest of the build in `dist`. */
export function readManifest(dist) {
  return JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'))
}

/**
 * The built files (relative to the build folder) of these manifest keys and every chunk
 * they import statically, each once, in the order met: what loading them fetches.
 */
export function staticChunks(manifest, keys) {
  const files = []
  const queue = [...keys]
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    const chunk = manifest[key]
    if (!chunk) throw new Error(`${key} is not in the build's manifest`)
    if (files.includes(chunk.file)) continue
    files.push(chunk.file)
    queue.push(...(chunk.imports ?? []))
  }
  return files
}
