import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { EMPTY_MUTATION_CACHE, queryWithoutMutations } from './query-without-mutations'

const QUERY_CLIENT_JS = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tanstack/query-core/package.json')),
  'build/modern/queryClient.js',
)

type Transform = (code: string, id: string) => { code: string } | null
const transform = queryWithoutMutations().transform as unknown as Transform

const EmptyMutationCache = new Function(
  `${EMPTY_MUTATION_CACHE}\nreturn MutationCache`,
)() as new () => never

describe('queryWithoutMutations', () => {
  it('hands the installed QueryClient the empty cache instead of importing MutationCache', () => {
    const source = readFileSync(QUERY_CLIENT_JS, 'utf8')
    const out = transform(source, QUERY_CLIENT_JS)?.code ?? ''
    expect(out).not.toContain('./mutationCache.js')
    expect(out).toContain(EMPTY_MUTATION_CACHE)
    expect(out).toContain('new MutationCache()')
  })

  it('leaves every other module alone, and fails the build when query-core changes shape', () => {
    expect(
      transform(
        'export const x = 1',
        '/app/node_modules/@tanstack/query-core/build/modern/query.js',
      ),
    ).toBeNull()
    expect(() => transform('export class QueryClient {}', QUERY_CLIENT_JS)).toThrow(
      /no longer imports MutationCache/,
    )
  })

  it('serves everything QueryClient asks of it while queries run, and says why a mutation fails', async () => {
    const client = new QueryClient({ mutationCache: new EmptyMutationCache() })
    client.mount()
    await expect(client.resumePausedMutations()).resolves.toBeUndefined()
    expect(client.isMutating()).toBe(0)
    await expect(client.fetchQuery({ queryKey: ['feed'], queryFn: () => 'stories' })).resolves.toBe(
      'stories',
    )
    expect(client.getMutationCache().getAll()).toEqual([])
    const observer = new MutationObserver(client, { mutationFn: async () => 'saved' })
    expect(() => observer.mutate()).toThrow(/without mutations: drop queryWithoutMutations\(\)/)
    client.clear()
    client.unmount()
  })
})
