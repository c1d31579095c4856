/**
 * Build-and-smoke over feeds of different shapes, each put in place as a publisher does:
 * a copy of the project with the feed as public/feed.json (and its next pages beside it),
 * `npm run build` there, then tests/smoke/feed.smoke.ts against that build in Chromium
 * (the list, a story at its readable address and built ahead of time, an old link, a topic
 * card or a tag page, the next page). Run by `npm test`; alone:
 *
 *   node scripts/feed-smoke.mjs                # every feed
 *   node scripts/feed-smoke.mjs urls 2000      # some, by name
 */
import { execFileSync, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const fixtures = path.join(root, 'tests/fixtures')

/** Each feed: what it is, and how its files get into public/. */
const FEEDS = [
  {
    name: 'sample',
    about: 'the sample: JSON Feed 1.1 with _story, slug ids',
    put: (pub) =>
      copyFileSync(path.join(fixtures, 'sample-feed.json'), path.join(pub, 'feed.json')),
  },
  {
    name: '1.0',
    about: 'JSON Feed 1.0, no _story, URL ids, a next_url elsewhere',
    put: (pub) =>
      copyFileSync(path.join(fixtures, 'jsonfeed-1.0-bret-io.json'), path.join(pub, 'feed.json')),
  },
  {
    name: 'urls',
    about: 'ids that are URLs, numbers and tag: URIs, a long title, next_url pages beside it',
    put: (pub) => cpSync(path.join(fixtures, 'publisher-pages'), pub, { recursive: true }),
  },
  {
    name: '2000',
    about: '2,000 stories with URL ids',
    put: (pub) =>
      execFileSync(process.execPath, [
        path.join(root, 'scripts/generate-feed.mjs'),
        '--count=2000',
        '--ids=url',
        `--out=${path.join(pub, 'feed.json')}`,
      ]),
  },
]

/** The project's files as git knows them (tracked, or new and not ignored). */
function projectFiles() {
  const out = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  )
  return out.split('\0').filter((file) => file && existsSync(path.join(root, file)))
}

function copyProject(into) {
  for (const file of projectFiles()) {
    // The deployable feed and its pages: the feed under test takes their place.
    if (/^public\/feed[^/]*\.json$/.test(file) && file !== 'public/feed.schema.json') continue
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true })
    copyFileSync(path.join(root, file), path.join(into, file))
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(into, 'node_modules'), 'dir')
}

function run(command, args, options) {
  const started = performance.now()
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  return { ok: result.status === 0, seconds: (performance.now() - started) / 1000 }
}

const wanted = process.argv.slice(2)
const unknown = wanted.filter((name) => !FEEDS.some((feed) => feed.name === name))
if (unknown.length) {
  console.error(
    `feed-smoke: no feed named ${unknown.join(', ')} (${FEEDS.map((f) => f.name).join(', ')})`,
  )
  process.exit(2)
}
const rows = []
for (const feed of FEEDS.filter((f) => !wanted.length || wanted.includes(f.name))) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `briefing-smoke-${feed.name}-`))
  try {
    copyProject(dir)
    feed.put(path.join(dir, 'public'))
    console.log(`\n── feed-smoke ${feed.name}: ${feed.about} ──`)
    const env = { ...process.env }
    delete env.FEED_FILE
    const build = run(NPM, ['run', 'build'], { cwd: dir, env })
    const pages = existsSync(path.join(dir, 'dist/stories'))
      ? readdirSync(path.join(dir, 'dist/stories')).length
      : 0
    const smoke = build.ok
      ? run(
          process.execPath,
          [
            path.join(root, 'node_modules/@playwright/test/cli.js'),
            'test',
            '--config',
            'tests/smoke/playwright.config.ts',
          ],
          {
            cwd: root,
            env: { ...env, DIST: path.join(dir, 'dist'), E2E_PORT: env.SMOKE_PORT ?? '4180' },
          },
        )
      : { ok: false, seconds: 0 }
    rows.push({
      feed: feed.name,
      build: build.ok,
      buildSeconds: build.seconds,
      pages,
      smoke: smoke.ok,
      smokeSeconds: smoke.seconds,
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

console.log('\nfeed-smoke: feed | build | story pages built | smoke')
for (const row of rows) {
  console.log(
    `  ${row.feed.padEnd(7)} | ${row.build ? 'ok' : 'FAILED'} ${row.buildSeconds.toFixed(1)} s | ${String(row.pages).padStart(5)} | ${row.smoke ? 'ok' : 'FAILED'} ${row.smokeSeconds.toFixed(1)} s`,
  )
}
const failed = rows.filter((row) => !row.build || !row.smoke).length
console.log(`feed-smoke: ${rows.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
