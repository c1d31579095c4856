import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { APP_PORT } from './support/env'

/*
 * The README's nginx configuration, as a publisher copies it, serving dist/ with Debian's
 * nginx: the routes reach the app or its built pages, and the headers are
 * scripts/hosting-headers.mjs's. HTTP only, no browser: desktop project only.
 */

interface HeadersModule {
  CONTENT_SECURITY_POLICY: string
  COMMON_HEADERS: Record<string, string>
  CACHE_IMMUTABLE: string
  CACHE_REVALIDATE: string
  CONTENT_TYPES: Record<string, string>
}

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
/** E2E_PORT + 1 (the ports after the app's are this checkout's). */
const PORT = Number(process.env.NGINX_PORT ?? APP_PORT + 1)
const ORIGIN = `http://127.0.0.1:${PORT}`
const DIST = path.resolve(process.env.DIST ?? 'dist')

/** The first ```nginx block of README.md, with its listen and root pointed here. */
function readmeServer(): string {
  const readme = readFileSync(path.resolve('README.md'), 'utf8')
  const block = /^```nginx\n([\s\S]*?)^```$/m.exec(readme)?.[1]
  if (!block) throw new Error('README.md has no ```nginx block')
  let listens = 0
  let roots = 0
  const config = block
    .replace(/^(\s*)listen\s+[^;]+;/gm, (_, indent: string) => {
      listens += 1
      return `${indent}listen 127.0.0.1:${PORT};`
    })
    .replace(/^(\s*)root\s+[^;]+;/gm, (_, indent: string) => {
      roots += 1
      return `${indent}root ${DIST};`
    })
  if (listens !== 1 || roots !== 1) {
    throw new Error(
      `README.md's nginx block needs one listen and one root line (${listens}, ${roots})`,
    )
  }
  return config
}

/** A whole nginx.conf around the README's block, everything nginx writes kept in `dir`. */
function nginxConf(dir: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((name) => `  ${name}_temp_path ${path.join(dir, name)};`)
    .join('\n')
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
${process.getuid?.() === 0 ? 'user root;' : ''}
events { worker_connections 64; }
http {
  access_log off;
${temp}
${readmeServer()}
}
`
}

function checkNginx() {
  try {
    accessSync(NGINX, constants.X_OK)
  } catch {
    throw new Error(
      `No nginx at ${NGINX}: install Debian's "nginx" package (apt-get install -y nginx; ` +
        '.ci/run does) or set NGINX_PATH.',
    )
  }
}

let nginx: ChildProcess | undefined
let dir = ''
let headers: HeadersModule

// One nginx for the file: its tests run in order in one worker, each reported.
test.describe.configure({ mode: 'default' })

test.beforeAll(async () => {
  checkNginx()
  headers = (await import(
    new URL('../scripts/hosting-headers.mjs', import.meta.url).href
  )) as HeadersModule
  dir = mkdtempSync(path.join(tmpdir(), 'briefing-nginx-'))
  const conf = path.join(dir, 'nginx.conf')
  writeFileSync(conf, nginxConf(dir))
  let output = ''
  const child = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  nginx = child
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => {
      const log = readFileSync(path.join(dir, 'error.log'), { encoding: 'utf8', flag: 'a+' })
      reject(new Error(`nginx stopped (exit ${code}):\n${output}${log}`))
    }),
  )
  const answering = expect
    .poll(
      () =>
        fetch(`${ORIGIN}/`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 10_000 },
    )
    .toBe(200)
  await Promise.race([answering, exited])
})

test.afterAll(async () => {
  if (nginx && nginx.exitCode === null && nginx.signalCode === null) {
    const stopped = new Promise((resolve) => nginx?.once('exit', resolve))
    nginx.kill('SIGTERM')
    await stopped
  }
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const built = (file: string) => readFileSync(path.join(DIST, file), 'utf8')

/** The headers every response of the app must carry, as the module has them. */
function expectHeaders(response: Response, file: string, expected: Record<string, string | null>) {
  const all = { ...headers.COMMON_HEADERS, ...expected }
  for (const [name, value] of Object.entries(all)) {
    expect(response.headers.get(name), `${name} of ${file}`).toBe(value)
  }
}

test('serves the list and a story page built ahead of time, and the app for every route', async () => {
  const home = await fetch(`${ORIGIN}/`)
  expect(home.status).toBe(200)
  const index = built('index.html')
  expect(await home.text()).toBe(index)

  const [story] = readdirSync(path.join(DIST, 'stories'))
  expect(story, 'the build has a story page in dist/stories/').toBeTruthy()
  const page = await fetch(`${ORIGIN}/stories/${story}`)
  expect(page.status).toBe(200)
  const storyHtml = built(`stories/${story}/index.html`)
  expect(storyHtml).not.toBe(index)
  expect(await page.text()).toBe(storyHtml)

  // An old-style link: the id percent-encoded, dots included, so no host takes it for a file.
  const oldStyle = encodeURIComponent('https://example.com/2024/a.story').replaceAll('.', '%2E')
  for (const route of ['/topics/anything', `/stories/${oldStyle}`, '/stories/no-such-story']) {
    const response = await fetch(`${ORIGIN}${route}`)
    expect(response.status, route).toBe(200)
    expect(await response.text(), route).toBe(index)
  }
})

test('gives a missing file under assets/ a real 404', async () => {
  const response = await fetch(`${ORIGIN}/assets/nope.js`)
  expect(response.status).toBe(404)
})

test('sends the headers of scripts/hosting-headers.mjs', async () => {
  const { CACHE_IMMUTABLE, CACHE_REVALIDATE, CONTENT_SECURITY_POLICY, CONTENT_TYPES } = headers
  const html = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }
  const noCsp = { 'Content-Security-Policy': null }
  const [story] = readdirSync(path.join(DIST, 'stories'))
  const script = /src="\/(assets\/[^"]+\.js)"/.exec(built('index.html'))?.[1]
  expect(script, 'index.html loads a script from /assets/').toBeTruthy()
  const expected: [string, Record<string, string | null>][] = [
    ['', { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': CACHE_REVALIDATE, ...html }],
    [
      `stories/${story}`,
      { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': CACHE_REVALIDATE, ...html },
    ],
    [
      'topics/anything',
      { 'Content-Type': CONTENT_TYPES['.html']!, 'Cache-Control': CACHE_REVALIDATE, ...html },
    ],
    [
      script ?? '',
      { 'Content-Type': CONTENT_TYPES['.js']!, 'Cache-Control': CACHE_IMMUTABLE, ...noCsp },
    ],
    [
      'feed.json',
      { 'Content-Type': CONTENT_TYPES['.json']!, 'Cache-Control': CACHE_REVALIDATE, ...noCsp },
    ],
    [
      'sw.js',
      { 'Content-Type': CONTENT_TYPES['.js']!, 'Cache-Control': CACHE_REVALIDATE, ...noCsp },
    ],
    [
      'manifest.webmanifest',
      {
        'Content-Type': CONTENT_TYPES['.webmanifest']!,
        'Cache-Control': CACHE_REVALIDATE,
        ...noCsp,
      },
    ],
    [
      'favicon.svg',
      { 'Content-Type': CONTENT_TYPES['.svg']!, 'Cache-Control': CACHE_REVALIDATE, ...noCsp },
    ],
  ]
  for (const [file, values] of expected) {
    const response = await fetch(`${ORIGIN}/${file}`)
    expect(response.status, file).toBe(200)
    expectHeaders(response, `/${file}`, values)
  }
})

test('compresses the scripts and the feed with gzip, saying so in Vary', async () => {
  // The largest script of the build: one of a few hundred bytes goes as it is (gzip_min_length).
  const [script] = readdirSync(path.join(DIST, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `/assets/${name}`)
    .sort((a, b) => built(b).length - built(a).length)
  expect(script, 'the build has scripts in dist/assets/').toBeTruthy()
  for (const file of [script ?? '', '/feed.json', '/']) {
    // fetch() decompresses the body and keeps the header.
    const response = await fetch(`${ORIGIN}${file}`, { headers: { 'Accept-Encoding': 'gzip' } })
    expect(response.headers.get('content-encoding'), file).toBe('gzip')
    expect(response.headers.get('vary'), file).toBe('Accept-Encoding')
    const plain = await fetch(`${ORIGIN}${file}`, { headers: { 'Accept-Encoding': 'identity' } })
    expect(plain.headers.get('content-encoding'), `${file} unasked`).toBeNull()
    expect(await response.text(), file).toBe(await plain.text())
  }
})
