/**
 * A dependency-free static server for the production build (dist/), for `npm start`,
 * `npm run preview` and the browser tests. It does what any host of the reader must do:
 * serve files with the right type, caching and compression (br or gzip), answer every other route with index.html
 * (the app routes on the client), give a real 404 to missing static files, and send the
 * headers in scripts/hosting-headers.mjs.
 *
 *   node scripts/serve.mjs [--port 4173] [--host 127.0.0.1] [--dist dist] [--base /news/]
 *
 * or the environment variables PORT, HOST, DIST and BASE_PATH (the flags win). BASE_PATH
 * must match the one the app was built with (BASE_PATH=/news/ npm run build).
 * Tests can start it in-process: `const { url, close } = await startServer({ port: 0 })`.
 */
import { Buffer } from 'node:buffer'
import console from 'node:console'
import { createReadStream } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import {
  brotliCompress,
  constants as zlib,
  createBrotliCompress,
  createGzip,
  gzip,
} from 'node:zlib'
import {
  CACHE_IMMUTABLE,
  CACHE_REVALIDATE,
  COMMON_HEADERS,
  CONTENT_SECURITY_POLICY,
  CONTENT_TYPES,
} from './hosting-headers.mjs'

/** A missing file with one of these extensions is a 404, never the app's HTML. */
const ASSET_EXTENSIONS = new Set([
  '.js',
  '.mjs',
  '.css',
  '.map',
  '.json',
  '.webmanifest',
  '.png',
  '.svg',
  '.ico',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.woff',
  '.woff2',
  '.txt',
  '.xml',
])

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.txt',
  '.xml',
])

/** Below this, compressing costs more than it saves. */
const COMPRESS_MIN_BYTES = 1024

/**
 * br, then gzip, when the request accepts it (a q=0 refuses). Brotli at quality 5 is
 * fast enough to stream a 20 MB feed and still beats gzip on the app's scripts.
 */
function encodingFor(request, extension, size) {
  if (!COMPRESSIBLE.has(extension) || size < COMPRESS_MIN_BYTES) return null
  const accepted = new Map()
  for (const part of String(request.headers['accept-encoding'] ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
    accepted.set(name, q === undefined ? 1 : Number(q))
  }
  for (const encoding of ['br', 'gzip']) if ((accepted.get(encoding) ?? 0) > 0) return encoding
  return null
}

const BROTLI_OPTIONS = { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }

function compressor(encoding) {
  return encoding === 'br' ? createBrotliCompress(BROTLI_OPTIONS) : createGzip()
}

/**
 * Files up to this size are compressed once and kept (by path, encoding and ETag), as a host
 * that precompresses its files would; larger ones (a generated feed of many megabytes) are
 * compressed as they stream the first time, and kept once done. The kept bodies stay under
 * CACHE_TOTAL_BYTES.
 */
const CACHE_FILE_BYTES = 2 * 1024 * 1024
const CACHE_TOTAL_BYTES = 64 * 1024 * 1024
/** A file compressed as it streams is kept if it comes to no more than this. */
const CACHE_STREAMED_BYTES = CACHE_TOTAL_BYTES / 4
const compressBrotli = promisify(brotliCompress)
const compressGzip = promisify(gzip)

/**
 * Kept as promises: requests that come together for a file not yet kept (two browsers
 * loading the app at once) share one compression.
 * @type {Map<string, { etag: string, body: Promise<Buffer>, size: number }>}
 */
const compressedFiles = new Map()
let compressedBytes = 0

const compressedKey = (file, encoding) => `${encoding} ${file.path}`

/** The kept compressed body of this version of the file, if there is one. */
function keptBody(file, encoding, etag) {
  const kept = compressedFiles.get(compressedKey(file, encoding))
  return kept?.etag === etag ? kept.body : undefined
}

function compressedBody(file, encoding, etag) {
  return (
    keptBody(file, encoding, etag) ??
    keep(compressedKey(file, encoding), etag, compressFile(file.path, encoding))
  )
}

/** A compressed body, kept once it is there. */
function keep(key, etag, body) {
  forget(key)
  const entry = { etag, body, size: 0 }
  compressedFiles.set(key, entry)
  entry.body.then(
    (body) => {
      if (compressedFiles.get(key) !== entry) return
      entry.size = body.length
      compressedBytes += body.length
      // The oldest go first once the total passes the bound.
      for (const oldKey of compressedFiles.keys()) {
        if (compressedBytes <= CACHE_TOTAL_BYTES) break
        if (oldKey !== key) forget(oldKey)
      }
    },
    () => compressedFiles.get(key) === entry && forget(key),
  )
  return entry.body
}

function forget(key) {
  compressedBytes -= compressedFiles.get(key)?.size ?? 0
  compressedFiles.delete(key)
}

async function compressFile(filePath, encoding) {
  const source = await readFile(filePath)
  return encoding === 'br' ? compressBrotli(source, BROTLI_OPTIONS) : compressGzip(source)
}

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
  const context = { root, base, index }

  const server = createServer((request, response) => {
    handle(request, response, context).catch((error) => {
      console.error(error)
      if (!response.headersSent) sendText(response, 500, 'Internal server error')
      else response.destroy()
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
 * @param {{ root: string, base: string, index: string }} context
 */
async function handle(request, response, context) {
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
  if (!pathname.startsWith('/')) return sendText(response, 400, 'Bad request')

  const { base } = context
  if (!pathname.startsWith(base)) {
    if (`${pathname}/` === base) return redirect(response, 301, `${base}${query}`)
    if (pathname === '/') return redirect(response, 302, base)
    return sendText(response, 404, 'Not found')
  }

  const rawSegments = pathname.slice(base.length).split('/')
  const file = await findFile(context.root, rawSegments)
  if (file) return sendFile(request, response, file)
  if (looksLikeAsset(rawSegments)) return sendText(response, 404, 'Not found')
  const index = await findFile(context.root, ['index.html'])
  if (!index) return sendText(response, 500, 'index.html is missing from the build')
  return sendFile(request, response, index)
}

/**
 * The file a path names, or null. Segments are decoded one by one, so an encoded slash
 * (`%2F`) stays inside its segment and never names a file; `..`, dotfiles and anything
 * that resolves (symlinks included) outside the root are refused.
 */
async function findFile(root, rawSegments) {
  const segments = []
  for (const raw of rawSegments) {
    if (raw === '') continue
    let segment
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) return null
    segments.push(segment)
  }
  let candidate = path.join(root, ...segments)
  let info = await stat(candidate).catch(() => null)
  if (info?.isDirectory()) {
    candidate = path.join(candidate, 'index.html')
    info = await stat(candidate).catch(() => null)
  }
  if (!info?.isFile()) return null
  const real = await realpath(candidate).catch(() => null)
  if (!real || !real.startsWith(root + path.sep)) return null
  return { path: real, relative: path.relative(root, real).split(path.sep).join('/'), info }
}

function looksLikeAsset(rawSegments) {
  const segments = rawSegments.filter((segment) => segment !== '')
  if (segments[0] === 'assets') return true
  const last = segments.at(-1)
  // An encoded slash means a route parameter (a story id that is a URL), never a file name.
  if (!last || /%2f|%5c/i.test(last)) return false
  return ASSET_EXTENSIONS.has(path.extname(last).toLowerCase())
}

/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {{ path: string, relative: string, info: import('node:fs').Stats }} file
 */
async function sendFile(request, response, file) {
  const extension = path.extname(file.path).toLowerCase()
  const type = CONTENT_TYPES[extension] ?? 'application/octet-stream'
  const immutable = file.relative.startsWith('assets/') && HASHED_NAME.test(file.relative)
  const etag = `W/"${file.info.size.toString(16)}-${Math.floor(file.info.mtimeMs).toString(16)}"`
  response.setHeader('Content-Type', type)
  if (COMPRESSIBLE.has(extension)) response.setHeader('Vary', 'Accept-Encoding')
  response.setHeader('Cache-Control', immutable ? CACHE_IMMUTABLE : CACHE_REVALIDATE)
  response.setHeader('ETag', etag)
  response.setHeader('Last-Modified', file.info.mtime.toUTCString())
  if (extension === '.html') response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)

  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304
    response.end()
    return
  }
  response.statusCode = 200
  const encoding = encodingFor(request, extension, file.info.size)
  if (encoding) response.setHeader('Content-Encoding', encoding)
  const whole = file.info.size <= CACHE_FILE_BYTES || keptBody(file, encoding, etag) !== undefined
  if (encoding && whole && request.method !== 'HEAD') {
    const body = await compressedBody(file, encoding, etag)
    response.setHeader('Content-Length', body.length)
    response.end(body)
    return
  }
  if (!encoding) response.setHeader('Content-Length', file.info.size)
  if (request.method === 'HEAD') {
    response.end()
    return
  }
  const stream = createReadStream(file.path)
  stream.on('error', () => response.destroy())
  if (!encoding) {
    stream.pipe(response)
    return
  }
  const compress = compressor(encoding)
  compress.on('error', () => response.destroy())
  // Kept for the next request once all of it is compressed.
  const chunks = []
  let size = 0
  compress.on('data', (chunk) => {
    size += chunk.length
    if (size <= CACHE_STREAMED_BYTES) chunks.push(chunk)
  })
  compress.on('end', () => {
    if (size > CACHE_STREAMED_BYTES) return
    void keep(compressedKey(file, encoding), etag, Promise.resolve(Buffer.concat(chunks)))
  })
  stream.pipe(compress).pipe(response)
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
