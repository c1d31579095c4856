import { readFileSync } from 'node:fs'
import { Script, createContext } from 'node:vm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/*
 * The service worker's strategies (src/app/sw.js), each on its own: the worker runs in a
 * context of its own with an in-memory Cache Storage and a network the test answers. The
 * browser tests (tests/offline.spec.ts) check the whole worker in Chromium.
 */

const SCOPE = 'https://reader.example/news/'
const BUILD = {
  version: 'v2',
  assets: ['assets/index-A1.js', 'assets/story-B2.js'],
  icons: ['favicon.svg'],
}
const SHELL = `${SCOPE}`
const FEED = `${SCOPE}feed.json`
const FEED_TYPE = 'application/feed+json'

/** Cache Storage as the worker uses it, kept in memory; keys in the order they were put. */
class MemoryCaches {
  readonly stores = new Map<string, Map<string, Response>>()

  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, Response>()
    this.stores.set(name, store)
    const url = (request: Request | string) => (typeof request === 'string' ? request : request.url)
    return {
      put: async (request: Request | string, response: Response) => {
        store.delete(url(request))
        store.set(url(request), response)
      },
      addAll: async (requests: Request[]) => {
        const responses = await Promise.all(requests.map((request) => network.fetch(request)))
        if (responses.some((response) => !response.ok)) throw new TypeError('addAll failed')
        requests.forEach((request, i) => store.set(request.url, responses[i]!))
      },
      keys: async () => [...store.keys()].map((key) => new Request(key)),
      delete: async (request: Request | string) => store.delete(url(request)),
    }
  }

  async match(request: Request | string, options: { cacheName: string }) {
    const key = typeof request === 'string' ? request : request.url
    return this.stores.get(options.cacheName)?.get(key)?.clone()
  }

  async keys() {
    return [...this.stores.keys()]
  }

  async delete(name: string) {
    return this.stores.delete(name)
  }

  entries(name: string): string[] {
    return [...(this.stores.get(name)?.keys() ?? [])]
  }
}

/** The network: each URL answers with what the test gave it, or fails when offline. */
const network = {
  offline: false,
  answers: new Map<string, () => Promise<Response>>(),
  requests: [] as string[],
  fetch(input: Request | string, init?: RequestInit): Promise<Response> {
    const request = new Request(input, init)
    network.requests.push(request.url)
    if (network.offline) return Promise.reject(new TypeError('Failed to fetch'))
    const answer = network.answers.get(request.url)
    return answer ? answer() : Promise.resolve(new Response('not found', { status: 404 }))
  },
  /** `body` at once, or after `delayMs`. */
  answer(url: string, body: string, { status = 200, delayMs = 0 } = {}) {
    network.answers.set(url, () => {
      // As fetch() gives it: same-origin 'basic' or 'cors', never a constructed 'default'.
      const type = url.startsWith(SCOPE) ? 'basic' : 'cors'
      const response = () =>
        Object.defineProperty(new Response(body, { status }), 'type', { value: type })
      if (!delayMs) return Promise.resolve(response())
      return new Promise((resolve) => setTimeout(() => resolve(response()), delayMs))
    })
  },
}

const CACHE_PREFIX = `briefing ${SCOPE} `
const SHELL_CACHE = `${CACHE_PREFIX}shell ${BUILD.version}`
const FEED_CACHE = `${CACHE_PREFIX}feed`

type Listener = (event: unknown) => void

/** src/app/sw.js as the build emits it, running against `caches` and `network`. */
function startWorker(caches: MemoryCaches) {
  const listeners = new Map<string, Listener>()
  const worker = {
    skipWaiting: vi.fn(async () => undefined),
    claim: vi.fn(async () => undefined),
  }
  const self = {
    registration: { scope: SCOPE },
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: worker.skipWaiting,
    clients: { claim: worker.claim },
  }
  const source = readFileSync('src/app/sw.js', 'utf8').replace(
    /^const BUILD = .*$/m,
    `const BUILD = ${JSON.stringify(BUILD)}`,
  )
  const context = createContext({
    self,
    caches,
    fetch: network.fetch,
    Request,
    Response,
    URL,
    // Through the global, so that Vitest's fake timers apply.
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (timer: ReturnType<typeof setTimeout>) => clearTimeout(timer),
  })
  new Script(source, { filename: 'sw.js' }).runInContext(context)

  /** Dispatches an event; resolves once everything it asked to wait for has settled. */
  async function dispatch(type: string, fields: object = {}) {
    const pending: Promise<unknown>[] = []
    let response: Promise<Response> | undefined
    const event = {
      ...fields,
      waitUntil: (promise: Promise<unknown>) => pending.push(promise),
      respondWith: (promise: Promise<Response>) => (response = promise),
    }
    listeners.get(type)?.(event)
    return { response, settled: () => Promise.allSettled(pending) }
  }

  return {
    ...worker,
    dispatch,
    install: async () => (await dispatch('install')).settled(),
    activate: async () => (await dispatch('activate')).settled(),
    /** A fetch event: the worker's answer (undefined when it leaves the request alone). */
    fetch: (url: string, init: { mode?: RequestMode; accept?: string } = {}) => {
      const headers = init.accept ? { accept: init.accept } : undefined
      const request = new Request(url, { headers })
      // `mode: 'navigate'` cannot be given to a Request: set as the browser would.
      if (init.mode) Object.defineProperty(request, 'mode', { value: init.mode })
      return dispatch('fetch', { request })
    },
  }
}

async function text(response: Promise<Response> | undefined) {
  if (!response) throw new Error('The worker did not answer')
  return (await response).text()
}

let caches: MemoryCaches

beforeEach(() => {
  caches = new MemoryCaches()
  network.offline = false
  network.answers.clear()
  network.requests = []
  network.answer(SHELL, 'the shell v2')
  for (const file of [...BUILD.assets, ...BUILD.icons]) network.answer(`${SCOPE}${file}`, file)
})

afterEach(() => {
  vi.useRealTimers()
})

describe('install: precache', () => {
  it('keeps the shell, every built asset and the icons, then takes over at once', async () => {
    const worker = startWorker(caches)
    await worker.install()
    expect(caches.entries(SHELL_CACHE).toSorted()).toEqual(
      [
        SHELL,
        `${SCOPE}assets/index-A1.js`,
        `${SCOPE}assets/story-B2.js`,
        `${SCOPE}favicon.svg`,
      ].toSorted(),
    )
    expect(worker.skipWaiting).toHaveBeenCalled()
  })

  it('fails, and does not take over, when a file cannot be fetched', async () => {
    network.answer(`${SCOPE}assets/story-B2.js`, 'gone', { status: 404 })
    const worker = startWorker(caches)
    const [result] = await worker.install()
    expect(result?.status).toBe('rejected')
    expect(worker.skipWaiting).not.toHaveBeenCalled()
  })

  it('answers a precached asset from the cache, offline too', async () => {
    const worker = startWorker(caches)
    await worker.install()
    network.offline = true
    const { response } = await worker.fetch(`${SCOPE}assets/story-B2.js`)
    expect(await text(response)).toBe('assets/story-B2.js')
  })
})

describe('activate: old caches dropped', () => {
  it('deletes the previous build’s shell, keeps the feed and other scopes’, and claims the pages', async () => {
    await (await caches.open(`${CACHE_PREFIX}shell v1`)).put(SHELL, new Response('the shell v1'))
    await (await caches.open(FEED_CACHE)).put(FEED, new Response('{}'))
    const elsewhere = 'briefing https://reader.example/other/ shell v1'
    await caches.open(elsewhere)
    const worker = startWorker(caches)
    await worker.install()
    await worker.activate()
    expect((await caches.keys()).toSorted()).toEqual(
      [elsewhere, FEED_CACHE, SHELL_CACHE].toSorted(),
    )
    expect(worker.claim).toHaveBeenCalled()
  })
})

describe('navigations: network first, the cached shell after 3 s or offline', () => {
  it('gives the network’s page when it answers in time', async () => {
    vi.useFakeTimers()
    const worker = startWorker(caches)
    await worker.install()
    network.answer(`${SCOPE}topics/x`, 'fresh page', { delayMs: 2900 })
    const { response } = await worker.fetch(`${SCOPE}topics/x`, { mode: 'navigate' })
    await vi.advanceTimersByTimeAsync(2900)
    expect(await text(response)).toBe('fresh page')
  })

  it('gives the cached shell when the network takes longer than 3 s', async () => {
    vi.useFakeTimers()
    const worker = startWorker(caches)
    await worker.install()
    network.answer(`${SCOPE}topics/x`, 'slow page', { delayMs: 10_000 })
    const { response } = await worker.fetch(`${SCOPE}topics/x`, { mode: 'navigate' })
    await vi.advanceTimersByTimeAsync(3000)
    expect(await text(response)).toBe('the shell v2')
  })

  it('gives the cached shell offline and when the server fails', async () => {
    const worker = startWorker(caches)
    await worker.install()
    network.answer(`${SCOPE}stories/a`, 'down', { status: 503 })
    expect(
      await text((await worker.fetch(`${SCOPE}stories/a`, { mode: 'navigate' })).response),
    ).toBe('the shell v2')
    network.offline = true
    expect(
      await text((await worker.fetch(`${SCOPE}stories/a`, { mode: 'navigate' })).response),
    ).toBe('the shell v2')
  })
})

describe('the feed: network first, the last copy after 4 s or offline', () => {
  const read = async (worker: ReturnType<typeof startWorker>, url = FEED) => {
    const event = await worker.fetch(url, { accept: `${FEED_TYPE}, application/json` })
    return { body: text(event.response), settled: event.settled }
  }

  it('keeps a copy of each read, and gives it offline', async () => {
    const worker = startWorker(caches)
    network.answer(FEED, 'morning')
    const first = await read(worker)
    expect(await first.body).toBe('morning')
    await first.settled()
    network.offline = true
    expect(await (await read(worker)).body).toBe('morning')
  })

  it('gives the copy when the network takes longer than 4 s, and refreshes it with the late answer', async () => {
    vi.useFakeTimers()
    const worker = startWorker(caches)
    network.answer(FEED, 'morning')
    await (await read(worker)).settled()
    network.answer(FEED, 'evening', { delayMs: 6000 })
    const slow = await read(worker)
    await vi.advanceTimersByTimeAsync(4000)
    expect(await slow.body).toBe('morning')
    await vi.advanceTimersByTimeAsync(2000)
    await slow.settled()
    expect(await (await caches.match(FEED, { cacheName: FEED_CACHE }))?.text()).toBe('evening')
  })

  it('recognises a feed on another origin by the type the app asks for', async () => {
    const worker = startWorker(caches)
    const other = 'https://feeds.example/page-2.json'
    network.answer(other, 'page 2')
    await (await read(worker, other)).settled()
    expect(caches.entries(FEED_CACHE)).toEqual([other])
  })

  it('never keeps an error', async () => {
    const worker = startWorker(caches)
    network.answer(FEED, 'oops', { status: 500 })
    const failed = await read(worker)
    expect(await failed.body).toBe('oops')
    await failed.settled()
    expect(caches.entries(FEED_CACHE)).toEqual([])
  })

  it('keeps the last 100 pages read, dropping the oldest', async () => {
    const worker = startWorker(caches)
    for (let page = 1; page <= 102; page += 1) {
      const url = `${SCOPE}feed/page-${page}.json`
      network.answer(url, `page ${page}`)
      await (await read(worker, url)).settled()
    }
    const kept = caches.entries(FEED_CACHE)
    expect(kept).toHaveLength(100)
    expect(kept[0]).toBe(`${SCOPE}feed/page-3.json`)
    expect(kept.at(-1)).toBe(`${SCOPE}feed/page-102.json`)
  })
})

describe('the search index: network first into a cache of the build, the copy offline', () => {
  it('keeps each file of the index read, gives it offline, and drops it with the build', async () => {
    const worker = startWorker(caches)
    const shard = `${SCOPE}search/words/1p-1i.json?build1`
    network.answer(shard, '{"pentagon":[[],[0]]}')
    const first = await worker.fetch(shard)
    expect(await text(first.response)).toBe('{"pentagon":[[],[0]]}')
    await first.settled()
    const cacheName = `briefing ${SCOPE} search ${BUILD.version}`
    expect(caches.entries(cacheName)).toEqual([shard])
    network.offline = true
    expect(await text((await worker.fetch(shard)).response)).toBe('{"pentagon":[[],[0]]}')
    // The next build's worker drops this build's index with its shell.
    const next = startWorker(caches)
    await caches.open(`briefing ${SCOPE} search old-build`)
    await next.activate()
    expect(caches.entries(`briefing ${SCOPE} search old-build`)).toEqual([])
    expect(caches.entries(cacheName)).toEqual([shard])
  })
})

describe('keep-feed: the feed the page read before the worker controlled it', () => {
  it('fetches and keeps the http(s) URLs named, once', async () => {
    const worker = startWorker(caches)
    network.answer(FEED, 'morning')
    const message = { data: { type: 'keep-feed', urls: [FEED, 'javascript:alert(1)', 7] } }
    await (await worker.dispatch('message', message)).settled()
    expect(caches.entries(FEED_CACHE)).toEqual([FEED])
    await (await worker.dispatch('message', message)).settled()
    expect(network.requests.filter((url) => url === FEED)).toHaveLength(1)
  })
})

describe('what the worker leaves alone', () => {
  it('does not answer for sw.js, other origins or other methods', async () => {
    const worker = startWorker(caches)
    expect((await worker.fetch(`${SCOPE}sw.js`)).response).toBeUndefined()
    expect((await worker.fetch('https://images.example/a.png')).response).toBeUndefined()
    const post = await worker.dispatch('fetch', {
      request: new Request(`${SCOPE}feed.json`, { method: 'POST' }),
    })
    expect(post.response).toBeUndefined()
  })
})
