import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reactRouterTreeShaking } from './react-router-tree-shaking'

const DIST = path.join(
  path.dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production',
)
/** The installed react-router's chunk that holds its components and hooks. */
const CHUNK = readdirSync(DIST)
  .filter((file) => /^chunk-.*\.mjs$/.test(file))
  .map((file) => path.join(DIST, file))
  .find((file) => readFileSync(file, 'utf8').includes('RenderErrorBoundary'))

type Hooks = {
  buildStart: () => void
  transform: (code: string, id: string) => { code: string } | null
  buildEnd: (error?: Error) => void
}

function build(code: string, id = CHUNK ?? '') {
  const plugin = reactRouterTreeShaking() as unknown as Hooks
  plugin.buildStart()
  const out = plugin.transform(code, id)?.code ?? code
  return { out, end: () => plugin.buildEnd() }
}

describe('reactRouterTreeShaking', () => {
  it('rewrites the installed react-router: every rewrite finds its text', () => {
    expect(CHUNK, 'react-router’s production chunk').toBeDefined()
    const { out, end } = build(readFileSync(CHUNK ?? '', 'utf8'))
    expect(end).not.toThrow()
    expect(out).toContain('var RenderErrorBoundary = (props) => props.children;')
    expect(out).not.toMatch(/^\w+\.displayName = /m)
    expect(out).toMatch(/= \/\* @__PURE__ \*\/ React\d*\.forwardRef\(/)
  })

  it('fails the build, naming what is missing, when react-router’s text has changed', () => {
    const source = readFileSync(CHUNK ?? '', 'utf8').replace(
      'var RenderErrorBoundary = class ',
      'class RenderErrorBoundary ',
    )
    expect(build(source).end).toThrow(
      /no longer has what .* rewrites \(written for react-router [\d.]+\): RenderErrorBoundary as a pass-through\./,
    )
  })

  it('leaves every other module alone', () => {
    const { out } = build('var x = React.forwardRef(f);', '/app/src/lib/x.ts')
    expect(out).toBe('var x = React.forwardRef(f);')
  })
})
