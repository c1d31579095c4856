import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { LEAN_PAGE_OVER } from '../features/feed/lean-page'
import { server } from '../test/server'
import { FEED_URL, renderApp, sampleFeed } from '../test/render-app'

const SEED = '2024-10-30-north-korea-troops-kursk'
const SEED_TITLE = "North Korean troops deployed to Russia's Kursk region"

/**
 * The first page of a feed in pages, long: the sample's stories, then copies of them under
 * other ids. (Its next page is never asked for here: nothing scrolls in jsdom.)
 */
const longFeed = {
  ...sampleFeed,
  next_url: 'http://localhost:3000/feed-page-2.json',
  items: Array.from({ length: LEAN_PAGE_OVER + 50 }, (_, n) => {
    const item = sampleFeed.items[n % sampleFeed.items.length]!
    return n < sampleFeed.items.length ? item : { ...item, id: `${item.id}-copy-${n}` }
  }),
}

/** Serves the long feed; `answer` may replace the nth request's response (1-based). */
function serveLongFeed(
  answer: (n: number) => Response | undefined | Promise<Response | undefined> = () => undefined,
) {
  const requests: number[] = []
  server.use(
    http.get(FEED_URL, async () => {
      requests.push(requests.length + 1)
      return (await answer(requests.length)) ?? HttpResponse.json(longFeed)
    }),
  )
  return requests
}

describe('a story from a long page, kept lean', () => {
  it('reads its text from its page when opened from the list', async () => {
    const requests = serveLongFeed()
    // Filtered, so that the list is short enough to show every match (the seed comes first).
    const { user } = renderApp('/?q=Kursk')
    const matches = await screen.findAllByRole('link', { name: SEED_TITLE })
    expect(matches.length).toBeGreaterThan(1)
    await user.click(matches[0]!)
    expect(window.location.pathname).toBe(`/stories/${SEED}`)
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: "What's happened" })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
    // The list read the page once; opening the story read it once more.
    expect(requests).toHaveLength(2)
    expect(screen.getByRole('button', { name: 'Russia' })).toBeInTheDocument()
  })

  it('says while the text loads, and when it fails, with another try', async () => {
    // The list's read succeeds; the story's first read fails (once the test has seen it
    // loading), its second succeeds.
    let fail = () => {}
    const failing = new Promise<void>((resolve) => (fail = resolve))
    serveLongFeed(async (n) => {
      if (n !== 2) return undefined
      await failing
      return new HttpResponse('busy', { status: 503 })
    })
    const { user } = renderApp(`/stories/${SEED}`)
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument()
    expect(await screen.findByText('Loading the story…')).toHaveAttribute('role', 'status')
    fail()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The text of this story could not be loaded.')
    expect(alert).toHaveTextContent(/The feed server answered 503/)
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('button', { name: "What's happened" })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('says so when the story is no longer on its page', async () => {
    const gone = { ...longFeed, items: longFeed.items.filter((item) => item.id !== SEED) }
    serveLongFeed((n) => (n === 2 ? HttpResponse.json(gone) : undefined))
    renderApp(`/stories/${SEED}`)
    expect(await screen.findByRole('alert')).toHaveTextContent(/no longer in the feed/)
    expect(screen.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument()
  })
})
