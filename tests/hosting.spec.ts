import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { SEED, storyPath } from './support/feed'
import { expect, test } from './support/fixtures'
import { APP_ORIGIN } from './support/env'
import { heading1, storyLink } from './support/reader'

/*
 * scripts/serve.mjs, the reference host for dist/: what any host of the reader must do.
 * These checks speak HTTP and need no browser, so they run in the 'desktop' project only;
 * the sandboxed-embed check runs in 'embedded' only.
 */

interface ServeModule {
  startServer(options: {
    port?: number
    host?: string
    dist?: string
    basePath?: string
  }): Promise<{ url: string; port: number; close(): Promise<void> }>
}
interface HeadersModule {
  CONTENT_SECURITY_POLICY: string
  COMMON_HEADERS: Record<string, string>
  CACHE_IMMUTABLE: string
  CACHE_REVALIDATE: string
}

// Plain .mjs modules without type declarations: imported by a computed specifier.
const scripts = (file: string) => new URL(`../scripts/${file}`, import.meta.url).href
const loadServe = async () => (await import(scripts('serve.mjs'))) as ServeModule
const loadHeaders = async () => (await import(scripts('hosting-headers.mjs'))) as HeadersModule

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * GET or HEAD exactly `rawPath`, unnormalised (fetch would resolve `..` and `%2e`). The body
 * is decoded from whatever Content-Encoding the server chose; `bytes` is what it sent.
 */
function raw(
  origin: string,
  rawPath: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<RawResponse & { bytes: number }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => {
        const sent = Buffer.concat(chunks)
        const encoding = res.headers['content-encoding']
        const body = (
          encoding === 'br'
            ? brotliDecompressSync(sent)
            : encoding === 'gzip'
              ? gunzipSync(sent)
              : sent
        ).toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytes: sent.length })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

// HTTP only: checked once, in desktop.
test.describe('the static server', { tag: '@desktop-only' }, () => {
  test('sends the app with its security headers and no-cache', async () => {
    const headers = await loadHeaders()
    const response = await raw(APP_ORIGIN, '/')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe(headers.CONTENT_SECURITY_POLICY)
    expect(response.headers['cache-control']).toBe(headers.CACHE_REVALIDATE)
    for (const [name, value] of Object.entries(headers.COMMON_HEADERS)) {
      expect(response.headers[name.toLowerCase()], name).toBe(value)
    }
  })

  test('answers every route with the app, ids with dots, colons and %2F included', async () => {
    const index = (await raw(APP_ORIGIN, '/')).body
    // A story of the feed shipped in the build has its own page, built ahead of time.
    const seed = await raw(APP_ORIGIN, storyPath(SEED.id))
    expect(seed.status).toBe(200)
    expect(seed.body).toContain('data-prerendered-path=')
    expect(seed.body).toContain('<meta property="og:type" content="article" />')
    for (const route of [
      '/stories/https%3A%2F%2Fexample.com%2Fa.b',
      '/stories/urn:x:1',
      '/topics/north-korea?topic=x',
      '/no/such/page',
    ]) {
      const response = await raw(APP_ORIGIN, route)
      expect(response.status, route).toBe(200)
      expect(response.body, route).toBe(index)
    }
  })

  test('sends built files with their type, hashed ones cached for good', async () => {
    const headers = await loadHeaders()
    const index = (await raw(APP_ORIGIN, '/')).body
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1]
    expect(script, 'index.html loads a script from /assets/').toBeTruthy()
    const asset = await raw(APP_ORIGIN, script ?? '')
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(asset.headers['cache-control']).toBe(headers.CACHE_IMMUTABLE)
    expect(asset.headers['access-control-allow-origin']).toBe('*')

    const feed = await raw(APP_ORIGIN, '/feed.json')
    expect(feed.status).toBe(200)
    expect(feed.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(feed.headers['cache-control']).toBe(headers.CACHE_REVALIDATE)
  })

  test('compresses text with br or gzip as the browser accepts, and never images', async () => {
    const index = (await raw(APP_ORIGIN, '/')).body
    // The app's entry, which index.html loads or names (scripts under 1 KB go as they are).
    const script = /(\/assets\/index-[\w-]+\.js)/.exec(index)?.[1] ?? ''
    expect(script, 'index.html names the entry').toBeTruthy()
    for (const file of [script, '/feed.json', '/']) {
      const plain = await raw(APP_ORIGIN, file)
      expect(plain.headers['content-encoding'], `${file} unasked`).toBeUndefined()
      expect(plain.headers['content-length'], file).toBe(String(plain.bytes))
      expect(plain.headers.vary, file).toBe('Accept-Encoding')
      for (const [accept, chosen] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip;q=0.8', 'gzip'],
        ['identity', undefined],
      ] as const) {
        const response = await raw(APP_ORIGIN, file, 'GET', { 'Accept-Encoding': accept })
        expect(response.headers['content-encoding'], `${file} for ${accept}`).toBe(chosen)
        expect(response.body, `${file} for ${accept}`).toBe(plain.body)
        if (chosen) expect(response.bytes, file).toBeLessThan(plain.bytes / 2)
      }
    }
    const icon = await raw(APP_ORIGIN, '/icons/icon-512.png', 'GET', { 'Accept-Encoding': 'br' })
    expect(icon.status).toBe(200)
    expect(icon.headers['content-encoding']).toBeUndefined()
  })

  test('gives missing static files a real 404', async () => {
    for (const missing of ['/assets/nope.js', '/assets/x', '/nope.css', '/nope.png', '/a.json']) {
      expect((await raw(APP_ORIGIN, missing)).status, missing).toBe(404)
    }
  })

  test('never serves a file from outside the build', async () => {
    for (const attack of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/.%2e/.%2e/etc/passwd',
    ]) {
      const response = await raw(APP_ORIGIN, attack)
      expect(response.body, attack).not.toContain('briefing-reader')
      expect(response.body, attack).not.toContain('root:')
    }
  })

  test('answers HEAD without a body and refuses other methods', async () => {
    const head = await raw(APP_ORIGIN, '/', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-security-policy']).toBeTruthy()
    const post = await raw(APP_ORIGIN, '/', 'POST')
    expect(post.status).toBe(405)
  })

  test('mounts the app under BASE_PATH', async () => {
    const { startServer } = await loadServe()
    const dist = mkdtempSync(path.join(tmpdir(), 'briefing-dist-'))
    mkdirSync(path.join(dist, 'assets'))
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(path.join(dist, 'assets', 'index-Ab12_cD3.js'), 'export {}')
    const server = await startServer({ port: 0, dist, basePath: '/news/' })
    try {
      const origin = new URL(server.url).origin
      expect(server.url).toBe(`${origin}/news/`)
      expect((await raw(origin, '/news/')).status).toBe(200)
      expect((await raw(origin, '/news/stories/a.b')).status).toBe(200)
      const asset = await raw(origin, '/news/assets/index-Ab12_cD3.js')
      expect(asset.status).toBe(200)
      expect(asset.headers['cache-control']).toContain('immutable')
      const bare = await raw(origin, '/news')
      expect(bare.status).toBe(301)
      expect(bare.headers.location).toBe('/news/')
      expect((await raw(origin, '/assets/index-Ab12_cD3.js')).status).toBe(404)
      expect((await raw(origin, '/elsewhere')).status).toBe(404)
    } finally {
      await server.close()
      rmSync(dist, { recursive: true, force: true })
    }
  })

  test('streams a large file compressed, and answers a revalidation with 304', async () => {
    const { startServer } = await loadServe()
    const dist = mkdtempSync(path.join(tmpdir(), 'briefing-dist-'))
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>t</title>')
    // A generated feed of a few megabytes: compressed as it streams, not held whole.
    const items = Array.from({ length: 60_000 }, (_, i) => ({
      id: `story-${i}`,
      title: `Story ${i}`,
    }))
    const feed = JSON.stringify({ items })
    expect(feed.length).toBeGreaterThan(2 * 1024 * 1024)
    writeFileSync(path.join(dist, 'feed.json'), feed)
    const server = await startServer({ port: 0, dist })
    try {
      const origin = new URL(server.url).origin
      for (const encoding of ['br', 'gzip']) {
        const response = await raw(origin, '/feed.json', 'GET', { 'Accept-Encoding': encoding })
        expect(response.headers['content-encoding']).toBe(encoding)
        expect(response.headers['content-length'], 'streamed').toBeUndefined()
        expect(response.body).toBe(feed)
        expect(response.bytes).toBeLessThan(feed.length / 5)
      }
      // The README asks a feed's host for this: a second read of an unchanged page is a 304.
      const { etag } = (await raw(origin, '/feed.json')).headers
      expect(etag, 'an ETag').toBeTruthy()
      const again = await raw(origin, '/feed.json', 'GET', { 'If-None-Match': String(etag) })
      expect(again.status).toBe(304)
      expect(again.bytes).toBe(0)
      writeFileSync(path.join(dist, 'feed.json'), JSON.stringify({ items: items.slice(1) }))
      const changed = await raw(origin, '/feed.json', 'GET', { 'If-None-Match': String(etag) })
      expect(changed.status, 'a changed file is sent again').toBe(200)
    } finally {
      await server.close()
      rmSync(dist, { recursive: true, force: true })
    }
  })
})

test(
  'the reader works in a sandboxed iframe without allow-same-origin',
  { tag: '@embedded-only' },
  async ({ app, page, hostServer }) => {
    if (!hostServer) throw new Error('The embedded project serves a host page')
    // An opaque origin: scripts, styles and the feed are all cross-origin, and storage throws.
    await page.goto(hostServer.pageUrl('/', { sandbox: 'allow-scripts' }))
    await expect(storyLink(app.root, SEED.title)).toBeVisible()
    await storyLink(app.root, SEED.title).click()
    await expect(heading1(app.root, SEED.title)).toBeVisible()
  },
)
