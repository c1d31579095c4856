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
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const fixture = (name) => path.join(root, 'tests/fixtures', name)

/** Each feed: its name, what it is, and how its files get into public/. */
const FEEDS = [
  [
    'sample',
    'the sample: JSON Feed 1.1 with _story, slug ids',
    (pub) => cpSync(fixture('sample-feed.json'), path.join(pub, 'feed.json')),
  ],
  [
    '1.0',
    'JSON Feed 1.0, no _story, URL ids, a next_url elsewhere',
    (pub) => cpSync(fixture('jsonfeed-1.0-bret-io.json'), path.join(pub, 'feed.json')),
  ],
  [
    'urls',
    'ids that are URLs, numbers and tag: URIs, a long title, next_url pages beside it',
    (pub) => cpSync(fixture('publisher-pages'), pub, { recursive: true }),
  ],
  [
    '2000',
    '2,000 stories with URL ids',
    (pub) =>
      execFileSync(process.execPath, [
        path.join(root, 'scripts/generate-feed.mjs'),
        '--count=2000',
        '--ids=url',
        `--out=${path.join(pub, 'feed.json')}`,
      ]),
  ],
]

/**
 * The project's files as git knows them (tracked, or new and not ignored), but the
 * deployable feed and its pages: the feed under test takes their place.
 */
function copyProject(into) {
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  ).split('\0')
  for (const file of files) {
    if (!file || !existsSync(path.join(root, file))) continue
    if (/^public\/feed[^/]*\.json$/.test(file) && file !== 'public/feed.schema.json') continue
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true })
    cpSync(path.join(root, file), path.join(into, file))
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(into, 'node_modules'), 'dir')
}

function run(command, args, options) {
  const started = performance.now()
  const { status } = spawnSync(command, args, { stdio: 'inherit', ...options })
  return { ok: status === 0, seconds: (performance.now() - started) / 1000 }
}

const wanted = process.argv.slice(2)
const names = FEEDS.map(([name]) => name)
const unknown = wanted.filter((name) => !names.includes(name))
if (unknown.length) {
  console.error(`feed-smoke: no feed named ${unknown.join(', ')} (${names.join(', ')})`)
  process.exit(2)
}
const env = { ...process.env, FEED_FILE: undefined }
const rows = []
for (const [name, about, put] of FEEDS) {
  if (wanted.length && !wanted.includes(name)) continue
  const dir = mkdtempSync(path.join(os.tmpdir(), `briefing-smoke-${name}-`))
  try {
    copyProject(dir)
    put(path.join(dir, 'public'))
    console.log(`\n── feed-smoke ${name}: ${about} ──`)
    const build = run('npm', ['run', 'build'], { cwd: dir, env })
    const stories = path.join(dir, 'dist/stories')
    const pages = existsSync(stories) ? readdirSync(stories).length : 0
    const cli = path.join(root, 'node_modules/@playwright/test/cli.js')
    const smokeEnv = { ...env, DIST: path.join(dir, 'dist'), E2E_PORT: env.SMOKE_PORT ?? '4180' }
    const smoke = build.ok
      ? run(process.execPath, [cli, 'test', '--config', 'tests/smoke/playwright.config.ts'], {
          cwd: root,
          env: smokeEnv,
        })
      : { ok: false, seconds: 0 }
    rows.push({ name, build, pages, smoke })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

console.log('\nfeed-smoke: feed | build | story pages built | smoke')
const shown = ({ ok, seconds }) => `${ok ? 'ok' : 'FAILED'} ${seconds.toFixed(1)} s`
for (const { name, build, pages, smoke } of rows)
  console.log(
    `  ${name.padEnd(7)} | ${shown(build)} | ${String(pages).padStart(5)} | ${shown(smoke)}`,
  )
const failed = rows.filter((row) => !row.build.ok || !row.smoke.ok).length
console.log(`feed-smoke: ${rows.length - failed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
