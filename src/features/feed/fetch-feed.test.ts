import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import sample from '../../../tests/fixtures/sample-feed.json'
import { server } from '../../test/server'
import { fetchFeedPage, shouldRetry } from './fetch-feed'
import { FeedError } from './parse-feed'

const URL_ = 'http://localhost:3000/feed.json'

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(FeedError)
    return error as FeedError
  }
  throw new Error('expected the fetch to fail')
}

describe('fetchFeedPage', () => {
  it('reads and parses a feed', async () => {
    server.use(http.get(URL_, () => HttpResponse.json(sample)))
    const page = await fetchFeedPage(URL_)
    expect(page.stories).toHaveLength(sample.items.length)
  })

  it('retries server errors and network failures, not client errors or bad feeds', async () => {
    server.use(http.get(URL_, () => new HttpResponse(null, { status: 502 })))
    const serverError = await failure(fetchFeedPage(URL_))
    expect([serverError.kind, serverError.status]).toEqual(['http', 502])
    expect(shouldRetry(0, serverError)).toBe(true)
    expect(shouldRetry(3, serverError)).toBe(false)

    server.use(http.get(URL_, () => new HttpResponse(null, { status: 404 })))
    expect(shouldRetry(0, await failure(fetchFeedPage(URL_)))).toBe(false)

    server.use(http.get(URL_, () => HttpResponse.error()))
    const network = await failure(fetchFeedPage(URL_))
    expect(network.kind).toBe('network')
    expect(shouldRetry(0, network)).toBe(true)

    server.use(http.get(URL_, () => HttpResponse.text('not json')))
    expect(shouldRetry(0, await failure(fetchFeedPage(URL_)))).toBe(false)
  })

  it('gives up on a server that never answers', async () => {
    server.use(
      http.get(URL_, async () => {
        await delay('infinite')
        return HttpResponse.json(sample)
      }),
    )
    const error = await failure(fetchFeedPage(URL_, undefined, { timeoutMs: 50 }))
    expect(error.kind).toBe('timeout')
    expect(error.message).toBe('The feed server did not answer in time.')
    // Another wait as long would keep the reader waiting twice over.
    expect(shouldRetry(0, error)).toBe(false)
  })

  it('refuses a feed over the size limit, declared or streamed', async () => {
    const body = JSON.stringify(sample)
    server.use(http.get(URL_, () => HttpResponse.text(body)))
    expect((await failure(fetchFeedPage(URL_, undefined, { byteLimit: 1000 }))).kind).toBe(
      'too-large',
    )

    const encoder = new TextEncoder()
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i += 1) controller.enqueue(encoder.encode(' '.repeat(100)))
        controller.close()
      },
    })
    server.use(http.get(URL_, () => new HttpResponse(stream)))
    expect((await failure(fetchFeedPage(URL_, undefined, { byteLimit: 1000 }))).kind).toBe(
      'too-large',
    )
    server.use(http.get(URL_, () => HttpResponse.text(body)))
    await expect(
      fetchFeedPage(URL_, undefined, { byteLimit: new TextEncoder().encode(body).byteLength }),
    ).resolves.toBeDefined()
  })
})
