/**
 * The static server for the production build (dist/): `npm start`, `npm run preview`, the
 * browser tests and the benchmarks. sirv finds and sends the files (types, ETag and 304,
 * HEAD, ranges, no path outside the folder); compression (Express's) compresses text as it
 * streams. Ours: the base path, every other route answered with index.html (the app routes
 * on the client), a real 404 for missing static files, and scripts/hosting-headers.mjs.
 *
 *   node scripts/serve.mjs [--port 4173] [--host 127.0.0.1] [--dist dist] [--base /news/]
 *
 * or PORT, HOST, DIST and BASE_PATH (the flags win; BASE_PATH as the app was built with).
 * Tests start it in-process: `const { url, close } = await startServer({ port: 0 })`.
 */
import { existsSync, realpathSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import { parseArgs } from 'node:util'
import compression from 'compression'
import sirv from 'sirv'
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  COMMON_HEADERS,
  CONTENT_SECURITY_POLICY,
  CONTENT_TYPES,
} from './hosting-headers.mjs'

/** A missing file with one of these extensions is a 404, never the app's HTML. */
const ASSET_EXTENSIONS = new Set(Object.keys(CONTENT_TYPES).filter((ext) => ext !== '.html'))
/** Vite names build output like `index-B2xk9_aQ.js`. */
const HASHED_NAME = /[-.][\w-]{8,}\.\w+$/

/** @param {{ port?: number, host?: string, dist?: string, basePath?: string }} [options] port 0: a free one */
export async function startServer(options = {}) {
  const { port = 4173, host = '127.0.0.1', dist = 'dist' } = options
  // '/news', 'news/' and '/news/' all mean '/news/'.
  const base = `/${(options.basePath ?? '/').trim().replace(/^\/+|\/+$/g, '')}/`.replace('//', '/')
  const root = path.resolve(dist)
  if (!existsSync(path.join(root, 'index.html')))
    throw new Error(`No build found: ${root}/index.html is missing. Run "npm run build" first.`)
  // `dev`: the folder is read on each request, so a rebuild while the server runs is served.
  const files = sirv(root, { dev: true, etag: true, setHeaders: fileHeaders(root) })
  const compress = compression()
  const server = createServer((request, response) =>
    compress(request, response, () => {
      try {
        handle(request, response, base, files)
      } catch (error) {
        console.error(error)
        if (response.headersSent) response.destroy()
        else send(response, 500, 'Internal server error')
      }
    }),
  )
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve))
  const bound = /** @type {import('node:net').AddressInfo} */ (server.address()).port
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}${base}`,
    port: bound,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      }),
  }
}

function handle(request, response, base, files) {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return send(response, 405, 'Method not allowed')
  }
  // Parsed by hand: `new URL('//host/x', base)` would read a host out of the path.
  const [, pathname, query] = /^([^?#]*)(.*)$/s.exec(request.url ?? '/')
  if (!pathname.startsWith(base)) {
    if (`${pathname}/` === base) return send(response, 301, '', `${base}${query}`)
    return pathname === '/' ? send(response, 302, '', base) : send(response, 404, 'Not found')
  }
  const segments = pathname.slice(base.length).split('/')
  const app = () => {
    if (looksLikeAsset(segments)) return send(response, 404, 'Not found')
    request.url = '/index.html'
    files(request, response, () => send(response, 500, 'index.html is missing'))
  }
  // Dotfiles (.vite/manifest.json) are no part of the site; such a path is a route.
  if (segments.some((segment) => /^(\.|%2e)/i.test(segment))) return app()
  request.url = `/${segments.join('/')}`
  files(request, response, app)
}

/** Under assets/, or a name with a static file's extension (not a route parameter). */
function looksLikeAsset(segments) {
  const named = segments.filter((segment) => segment !== '')
  const last = named.at(-1)
  // An encoded slash means a route parameter (a story id that is a URL), never a file name.
  if (named[0] === 'assets') return true
  return !!last && !/%2f|%5c/i.test(last) && ASSET_EXTENSIONS.has(path.extname(last).toLowerCase())
}

/** Type, caching and the CSP for the file sirv is about to send for `pathname`. */
const fileHeaders = (root) => (response, pathname) => {
  // sirv sends the file the path names or, for a folder, its index.html.
  const named = statSync(path.join(root, pathname), { throwIfNoEntry: false })?.isFile()
  const extension = named ? path.extname(pathname).toLowerCase() : '.html'
  if (CONTENT_TYPES[extension]) response.setHeader('Content-Type', CONTENT_TYPES[extension])
  const immutable = pathname.startsWith('/assets/') && HASHED_NAME.test(pathname)
  response.setHeader('Cache-Control', immutable ? CACHE_IMMUTABLE : CACHE_REVALIDATE)
  if (extension === '.html') response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
}

/** A short text answer, or a redirect to `location`. */
function send(response, status, text, location) {
  const body = text ? `${text}\n` : ''
  response.statusCode = status
  if (location) response.setHeader('Location', location)
  else response.setHeader('Content-Type', 'text/plain; charset=utf-8')
  if (!location) response.setHeader('Cache-Control', CACHE_REVALIDATE)
  response.setHeader('Content-Length', Buffer.byteLength(body))
  response.end(response.req?.method === 'HEAD' ? undefined : body)
}

if (process.argv[1] && realpathSync(process.argv[1]) === import.meta.filename) {
  const { env } = process
  const option = { type: 'string' }
  const { values } = parseArgs({
    options: { port: option, host: option, dist: option, base: option },
  })
  const port = values.port ?? env.PORT ?? '4173'
  try {
    if (!/^\d+$/.test(port) || Number(port) > 65535)
      throw new Error(`PORT must be a whole number from 0 to 65535, not "${port}".`)
    const server = await startServer({
      port: Number(port),
      host: values.host ?? env.HOST,
      dist: values.dist ?? env.DIST,
      basePath: values.base ?? env.BASE_PATH,
    })
    console.log(`Briefing is running at ${server.url}`)
    for (const signal of ['SIGTERM', 'SIGINT'])
      process.once(signal, () => server.close().then(() => process.exit(0)))
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
