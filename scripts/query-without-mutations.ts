import type { Plugin } from 'vite'

/** @tanstack/query-core's QueryClient, in the ESM build Vite resolves. */
const QUERY_CLIENT =
  /[\\/]node_modules[\\/]@tanstack[\\/]query-core[\\/]build[\\/]modern[\\/]queryClient\.js$/
const IMPORT = 'import { MutationCache } from "./mutationCache.js";'

/**
 * What QueryClient asks of its mutation cache when nothing ever mutates: no mutations to
 * find, count, resume or clear. `build` is what useMutation reaches; it says why it fails.
 */
export const EMPTY_MUTATION_CACHE = `var MutationCache = class {
  build() {
    throw new Error("Briefing builds @tanstack/query-core without mutations: drop queryWithoutMutations() from vite.config.ts to use them.");
  }
  find() {}
  findAll() { return []; }
  getAll() { return []; }
  subscribe() { return () => {}; }
  notify() {}
  clear() {}
  resumePausedMutations() { return Promise.resolve(); }
};`

/**
 * QueryClient creates a MutationCache whether or not the app mutates anything, so the cache,
 * the Mutation class and their helpers ship in every first load (0.9 KB gzip: decision 8). The
 * reader only reads: this hands QueryClient an empty stand-in with the same methods instead.
 * A query-core upgrade that changes the import fails the build here rather than shipping the
 * bytes again; an app that calls useMutation gets build()'s error, naming this plugin.
 */
export function queryWithoutMutations(): Plugin {
  return {
    name: 'briefing:query-without-mutations',
    apply: 'build',
    transform(code, id) {
      if (!QUERY_CLIENT.test(id)) return null
      if (!code.includes(IMPORT)) {
        throw new Error(
          `${id} no longer imports MutationCache as expected: update ${import.meta.filename}`,
        )
      }
      return { code: code.replace(IMPORT, EMPTY_MUTATION_CACHE), map: null }
    },
  }
}
