/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { firstPaint } from './scripts/first-paint-plugin.ts'
import { queryWithoutMutations } from './scripts/query-without-mutations.ts'
import { reactRouterTreeShaking } from './scripts/react-router-tree-shaking.ts'
import { swPrecache } from './scripts/sw-precache-plugin.ts'

const SHARED_MODULES =
  /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](react-query|query-core))[\\/]|src[\\/](lib[\\/]dates|features[\\/]reading[\\/]reading-state|features[\\/]feed[\\/]whole-story-screen|features[\\/]embed[\\/]embed-button|features[\\/]topics[\\/]topic-kind)\./

const AFTER_PAINT =
  /(^|\/)(history|follows|follow-button|following-link|following-route|topic-card|share|settings-panel)-[\w-]+\.js$/

// BASE_PATH deploys the reader under a sub-path, e.g. BASE_PATH=/news/ npm run build.
const base = process.env.BASE_PATH ?? '/'

export default defineConfig(({ isSsrBuild }) => ({
  base: base.endsWith('/') ? base : `${base}/`,
  // The server build (src/entry-server.tsx, for scripts/prerender.mjs) is code only.
  publicDir: isSsrBuild ? false : 'public',
  plugins: isSsrBuild
    ? [react()]
    : [
        react(),
        tailwindcss(),
        firstPaint(),
        swPrecache(),
        reactRouterTreeShaking(),
        queryWithoutMutations(),
      ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json maps each route module to its chunks; the byte budget test reads it.
    manifest: true,
    // Every browser the es2022 target admits supports <link rel="modulepreload">.
    // Code that only ever loads after the first paint (what changed since the reader read a
    // story, what they follow) loads its own imports itself: listing them to preload, in the
    // first load's chunks, cost a story's first load 0.2 KB gzip (file names do not compress).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps) => (AFTER_PAINT.test(file) ? [] : deps),
    },
    // The libraries every screen runs, with the app's small modules that both the list and a
    // story use, in one chunk. Left to itself the bundler made six of them (react,
    // jsx-runtime, the rest of the libraries in the entry, dates, reading state, the lean
    // story's loader): six gzip streams and requests, 0.9 KB gzip more on a story's first load.
    // The Embed button and the topic kinds' icons join them: on a chunk of their own (the
    // story and topic screens share them) they cost a story's first load 0.6 KB more than
    // they add to the list's, which then stood over the 100 KB budget.
    rolldownOptions: isSsrBuild
      ? {}
      : { output: { codeSplitting: { groups: [{ name: 'shared', test: SHARED_MODULES }] } } },
  },
  // The feed parser's worker (src/features/feed/parse-feed.worker.ts) is a module worker.
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // Every core (Vitest 4 left one idle here), and one jsdom per worker rather than one per
    // file: setting up jsdom took 17 of the run's 56 s. Each file cleans up after itself
    // (Testing Library's cleanup, resetRoutePreloads, localStorage cleared where written);
    // the suite passes with its files and tests shuffled (--sequence.shuffle.files/.tests).
    maxWorkers: '100%',
    isolate: false,
    // Screens and the feed parser load on demand: the first test of a file compiles them,
    // which on a busy machine takes longer than the default 5 s.
    testTimeout: 15_000,
  },
}))
