import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

/**
 * A publisher's site for the 'embedded' project: a second server, on `localhost` (another
 * origin than the reader's 127.0.0.1), serving the pages in host-pages/. Each page frames
 * the reader with an ordinary <iframe>. Templated on every request:
 *   {{APP_ORIGIN}}  the reader's origin, e.g. http://127.0.0.1:4173
 *   {{FRAME_SRC}}   the framed route: `?src=/stories/<id>` (default: the seed story's embed route)
 * `?sandbox=allow-scripts` adds that sandbox attribute to the iframe. The page's
 * <script src=".../embed.js"> is dropped while the reader's build has no embed.js, so that
 * a reader without embed support yet does not fail every embedded test on a 404.
 */
export interface HostServer {
  origin: string
  /** The host page framing `appPath` (a reader route such as `/stories/<id>`). */
  pageUrl(appPath: string, options?: { page?: string; sandbox?: string }): string
  close(): Promise<void>
}

const DEFAULT_FRAME_SRC = '/embed/stories/2024-10-30-north-korea-troops-kursk'

const PAGES = new URL('./host-pages/', import.meta.url)
const EMBED_SCRIPT = /[ \t]*<script\b[^>]*\/embed\.js"[^>]*><\/script>\n?/g

export async function startHostServer(appOrigin: string): Promise<HostServer> {
  const server = createServer((request, response) => {
    respond(request.url ?? '/', appOrigin).then(
      ({ status, type, body }) => {
        response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' })
        response.end(body)
      },
      (error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
        response.end(String(error))
      },
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://localhost:${port}`
  return {
    origin,
    pageUrl(appPath, { page = 'embed-story.html', sandbox } = {}) {
      const url = new URL(`/${page}`, origin)
      url.searchParams.set('src', appPath)
      if (sandbox !== undefined) url.searchParams.set('sandbox', sandbox)
      return url.href
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

interface Reply {
  status: number
  type: string
  body: string
}

async function respond(target: string, appOrigin: string): Promise<Reply> {
  const url = new URL(target, 'http://host.invalid')
  if (url.pathname === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' }
  const name = /^\/([a-z0-9-]+\.html)$/.exec(url.pathname)?.[1]
  if (!name) return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' }
  let html: string
  try {
    html = await readFile(fileURLToPath(new URL(name, PAGES)), 'utf8')
  } catch {
    return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' }
  }
  const src = url.searchParams.get('src') ?? DEFAULT_FRAME_SRC
  // Only paths on the reader's own origin: never `//elsewhere` or a full URL.
  if (!src.startsWith('/') || src.startsWith('//') || src.includes('\\')) {
    return { status: 400, type: 'text/plain; charset=utf-8', body: 'src must be a path' }
  }
  html = html.replaceAll('{{APP_ORIGIN}}', escapeHtml(appOrigin))
  html = html.replaceAll('{{FRAME_SRC}}', escapeHtml(src))
  const sandbox = url.searchParams.get('sandbox')
  if (sandbox !== null) html = html.replace('<iframe ', `<iframe sandbox="${escapeHtml(sandbox)}" `)
  if (!(await hasEmbedScript(appOrigin))) html = html.replace(EMBED_SCRIPT, '')
  return { status: 200, type: 'text/html; charset=utf-8', body: html }
}

async function hasEmbedScript(appOrigin: string): Promise<boolean> {
  try {
    const response = await fetch(`${appOrigin}/embed.js`, { method: 'HEAD' })
    return response.ok && (response.headers.get('content-type') ?? '').includes('javascript')
  } catch {
    return false
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}
