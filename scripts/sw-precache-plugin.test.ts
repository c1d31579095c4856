import { Script } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { swPrecache, workerBuild } from './sw-precache-plugin'

const TEMPLATE = 'const BUILD = { version: "development", assets: [] }\n'

function bundle(overrides: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'index.html':
      '<!doctype html><link rel="icon" href="/news/favicon.svg" type="image/svg+xml">' +
      '<link rel="stylesheet" href="/news/assets/index-I9j0K1l2.css">' +
      '<link rel="icon" href="https://example.com/elsewhere.png">' +
      '<script src="/news/assets/index-A1b2C3d4.js"></script>',
    'assets/index-A1b2C3d4.js': 'import("./story-route-E5f6G7h8.js")',
    'assets/story-route-E5f6G7h8.js': 'export default 1',
    'assets/index-I9j0K1l2.css': 'body{}',
    '.vite/manifest.json': '{}',
    ...overrides,
  }
  return Object.fromEntries(
    Object.entries(files).map(([name, text]) => [
      name,
      name.endsWith('.js')
        ? { type: 'chunk' as const, code: text }
        : { type: 'asset' as const, source: text },
    ]),
  )
}

describe('workerBuild', () => {
  it('lists every file under assets/, chunks and assets alike, and nothing else', () => {
    expect(workerBuild(bundle(), TEMPLATE, '/news/').assets).toEqual([
      'assets/index-A1b2C3d4.js',
      'assets/index-I9j0K1l2.css',
      'assets/story-route-E5f6G7h8.js',
    ])
  })

  it('lists the page’s own icons, relative to the base', () => {
    expect(workerBuild(bundle(), TEMPLATE, '/news/').icons).toEqual(['favicon.svg'])
  })

  it('gives a new version when a file, index.html or the worker changes, and only then', () => {
    const { version } = workerBuild(bundle(), TEMPLATE)
    expect(workerBuild(bundle(), TEMPLATE).version).toBe(version)
    expect(workerBuild(bundle({ 'index.html': '<!doctype html>' }), TEMPLATE).version).not.toBe(
      version,
    )
    expect(
      workerBuild(bundle({ 'assets/story-route-E5f6G7h8.js': 'export default 2' }), TEMPLATE)
        .version,
    ).not.toBe(version)
    expect(workerBuild(bundle(), `${TEMPLATE}// changed\n`).version).not.toBe(version)
    expect(version).toMatch(/^[0-9a-f]{12}$/)
  })
})

describe('swPrecache', () => {
  it('emits sw.js: the worker with its BUILD line filled in, still a script', () => {
    const plugin = swPrecache()
    const emitted: { fileName: string; source: string }[] = []
    const context = {
      emitFile: (file: { fileName: string; source: string }) => emitted.push(file),
      error: (message: string) => {
        throw new Error(message)
      },
    }
    // The two hooks it has, called as Vite would, with only what they use.
    const hooks = plugin as unknown as {
      configResolved(config: { root: string; base: string }): void
      generateBundle(this: typeof context, options: object, bundle: object): void
    }
    hooks.configResolved({ root: process.cwd(), base: '/news/' })
    hooks.generateBundle.call(context, {}, bundle())
    expect(emitted).toHaveLength(1)
    const [sw] = emitted
    expect(sw?.fileName).toBe('sw.js')
    const line = /^const BUILD = (.*)$/m.exec(sw?.source ?? '')?.[1]
    expect(JSON.parse(line ?? 'null')).toMatchObject({
      assets: [
        'assets/index-A1b2C3d4.js',
        'assets/index-I9j0K1l2.css',
        'assets/story-route-E5f6G7h8.js',
      ],
      icons: ['favicon.svg'],
    })
    expect(() => new Script(sw?.source ?? '')).not.toThrow()
  })
})
