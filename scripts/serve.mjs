/**
 * The static server for the production build (dist/), for `npm start`, `npm run preview`,
 * the browser tests and the benchmarks. It does what any host of the reader must do: serve
 * files with the right type, caching and compression (br or gzip), answer every other route
 * with index.html (the app routes on the client), give a real 404 to missing static files,
 * and send the headers in scripts/hosting-headers.mjs.
 *
 * sirv finds and sends the files (types, ETag and 304, HEAD, ranges, no path outside the
 * folder); compression (Express's) compresses text as it streams. What is ours is below:
 * the base path, the routes that fall back to the app, and the headers.
 *
 *   node scripts/serve.mjs [--port 4173] [--host 127.0.0.1] [--dist dist] [--base /news/]
 *
 * or the environment variables PORT, HOST, DIST and BASE_PATH (the flags win). BASE_PATH
 * must match the one the app was built with (BASE_PATH=/news/ npm run build).
 * Tests can start it in-process: `const { url, close } = await startServer({ port: 0 })`.
 */
import { Buffer } from 'node:buffer'
import console from 'node:console'
import { statSync } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
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

/**
 * @typedef {object} ServerOptions
 * @property {number} [port] 4173; 0 picks a free port
 * @property {string} [host] 127.0.0.1
 * @property {string} [dist] the build folder, `dist` (relative to the working directory)
 * @property {string} [basePath] where the app is mounted, `/`
 */

/**
 * @param {ServerOptions} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1'
  const base = normaliseBase(options.basePath ?? '/')
  const root = await realpath(path.resolve(options.dist ?? 'dist')).catch(() => {
    throw new Error(`No build found at ${options.dist ?? 'dist'}: run "npm run build" first.`)
  })
  const index = path.join(root, 'index.html')
  if (!(await stat(index).catch(() => null))?.isFile()) {
    throw new Error(`No build found: ${index} is missing. Run "npm run build" first.`)
  }
  // `dev` reads the folder on each request rather than once at start, as a rebuild while
  // the server runs must be served; sirv still refuses any path outside it.
  const files = sirv(root, { dev: true, etag: true, setHeaders: fileHeaders(root) })
  const compress = compression()
  const server = createServer((request, response) => {
    compress(request, response, () => {
      try {
        handle(request, response, base, files)
      } catch (error) {
        console.error(error)
        if (!response.headersSent) sendText(response, 500, 'Internal server error')
        else response.destroy()
      }
    })
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4173, host, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 4173)
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}${base}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      }),
  }
}

/** '/news' and 'news/' both mean '/news/'. */
export function normaliseBase(basePath) {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '/' : `/${trimmed}/`
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} base
 * @param {ReturnType<typeof sirv>} files
 */
function handle(request, response, base, files) {
  for (const [name, value] of Object.entries(COMMON_HEADERS)) response.setHeader(name, value)
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD')
    return sendText(response, 405, 'Method not allowed')
  }
  // Parsed by hand: `new URL('//host/x', base)` would read a host out of the path.
  const target = request.url ?? '/'
  const queryAt = target.search(/[?#]/)
  const pathname = queryAt === -1 ? target : target.slice(0, queryAt)
  const query = queryAt === -1 ? '' : target.slice(queryAt)
  if (!pathname.startsWith(base)) {
    if (`${pathname}/` === base) return redirect(response, 301, `${base}${query}`)
    if (pathname === '/') return redirect(response, 302, base)
    return sendText(response, 404, 'Not found')
  }
  const segments = pathname.slice(base.length).split('/')
  const app = () => {
    if (looksLikeAsset(segments)) return sendText(response, 404, 'Not found')
    request.url = '/index.html'
    files(request, response, () => sendText(response, 500, 'index.html is missing'))
  }
  // Dotfiles (.vite/manifest.json) are no part of the site; such a path is a route.
  if (segments.some((segment) => /^(\.|%2e)/i.test(segment))) return app()
  request.url = `/${segments.join('/')}`
  files(request, response, app)
}

/** Under assets/, or a name with a static file's extension (not a route parameter). */
function looksLikeAsset(segments) {
  const named = segments.filter((segment) => segment !== '')
  if (named[0] === 'assets') return true
  const last = named.at(-1)
  // An encoded slash means a route parameter (a story id that is a URL), never a file name.
  if (!last || /%2f|%5c/i.test(last)) return false
  return ASSET_EXTENSIONS.has(path.extname(last).toLowerCase())
}

/** Type, caching and the CSP for the file sirv is about to send for `pathname`. */
function fileHeaders(root) {
  return (response, pathname) => {
    // sirv sends the file the path names or, for a folder, its index.html.
    const named = statSync(path.join(root, pathname), { throwIfNoEntry: false })?.isFile()
    const extension = path.extname(named ? pathname : 'index.html').toLowerCase()
    const type = CONTENT_TYPES[extension]
    if (type) response.setHeader('Content-Type', type)
    const immutable = pathname.startsWith('/assets/') && HASHED_NAME.test(pathname)
    response.setHeader('Cache-Control', immutable ? CACHE_IMMUTABLE : CACHE_REVALIDATE)
    if (extension === '.html') {
      response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    }
  }
}

function sendText(response, status, text) {
  const body = `${text}\n`
  response.statusCode = status
  response.setHeader('Content-Type', 'text/plain; charset=utf-8')
  response.setHeader('Cache-Control', CACHE_REVALIDATE)
  response.setHeader('Content-Length', Buffer.byteLength(body))
  response.end(response.req?.method === 'HEAD' ? undefined : body)
}

function redirect(response, status, location) {
  response.statusCode = status
  response.setHeader('Location', location)
  response.setHeader('Content-Length', 0)
  response.end()
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      dist: { type: 'string' },
      base: { type: 'string' },
    },
  })
  const port = Number(values.port ?? process.env.PORT ?? 4173)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `PORT must be a whole number from 0 to 65535, not "${values.port ?? process.env.PORT}".`,
    )
  }
  return {
    port,
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
    dist: values.dist ?? process.env.DIST ?? 'dist',
    basePath: values.base ?? process.env.BASE_PATH ?? '/',
  }
}

async function main() {
  const server = await startServer(readOptions())
  console.log(`Briefing is running at ${server.url}`)
  const stop = () => {
    server.close().then(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

const invokedAs = process.argv[1] ? await realpath(process.argv[1]).catch(() => '') : ''
if (invokedAs === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
