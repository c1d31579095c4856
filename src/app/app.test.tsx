import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { feedQueryOptions } from '../features/feed/feed-query'
import { parseFeed } from '../features/feed/parse-feed'
import { App } from './app'
import { createQueryClient } from './query-client'
import { server } from '../test/server'
import { FEED_URL, renderApp, sampleFeed, serveFeed } from '../test/render-app'

const SEED = '/stories/2024-10-30-north-korea-troops-kursk'
const SEED_TITLE = "North Korean troops deployed to Russia's Kursk region"

describe('the story list', () => {
  it('shows every story of the feed, newest first, each opening the story', async () => {
    serveFeed()
    const { user } = renderApp('/')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest stories' }),
    ).toBeInTheDocument()
    const links = within(screen.getAllByRole('list')[0]!).getAllByRole('link')
    expect(links).toHaveLength(sampleFeed.items.length)
    expect(links[0]).toHaveAccessibleName(sampleFeed.items[0]!.title)
    await user.click(screen.getByRole('link', { name: SEED_TITLE }))
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument()
  })

  it('counts items that fail validation, quietly, and shows the rest', async () => {
    serveFeed({ ...sampleFeed, items: [...sampleFeed.items, { title: 'An item with no id' }] })
    renderApp('/')
    expect(await screen.findByText('1 story could not be shown')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: SEED_TITLE })).toBeInTheDocument()
  })

  it('says what failed when the feed cannot be loaded, and retries', async () => {
    let calls = 0
    server.use(
      http.get(FEED_URL, () => {
        calls += 1
        return calls === 1
          ? new HttpResponse('oops', { status: 503 })
          : HttpResponse.json(sampleFeed)
      }),
    )
    const { user } = renderApp('/')
    expect(
      await screen.findByRole('heading', { name: 'The stories could not be loaded' }),
    ).toBeInTheDocument()
    expect(screen.getByText(/answered 503/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: 'Latest stories' })).toBeInTheDocument()
  })

  it('names a document that is not a feed', async () => {
    server.use(
      http.get(
        FEED_URL,
        () => new HttpResponse('<html><body>Not here</body></html>', { status: 200 }),
      ),
    )
    renderApp('/')
    expect(
      await screen.findByText('The feed address returned a web page, not a JSON feed.'),
    ).toBeInTheDocument()
  })
})

describe('the story', () => {
  it('shows sections as an accordion: first open, the rest closed but findable', async () => {
    serveFeed()
    const { user } = renderApp(SEED)
    const happened = await screen.findByRole('button', { name: "What's happened" })
    const papers = screen.getByRole('button', { name: 'What the papers say' })
    expect(happened.closest('h2')).not.toBeNull()
    expect(happened).toHaveAttribute('aria-expanded', 'true')
    expect(papers).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('button', { name: 'Why it matters' })).not.toBeInTheDocument()
    const body = document.getElementById('what-the-papers-say')
    expect(body).toHaveAttribute('hidden', 'until-found')

    await user.click(papers)
    expect(papers).toHaveAttribute('aria-expanded', 'true')
    expect(body).not.toHaveAttribute('hidden')
    expect(window.location.hash).toBe('#what-the-papers-say')
    expect(screen.getByRole('link', { name: /The New York Times/ })).toHaveAttribute(
      'href',
      'https://www.nytimes.com/',
    )

    await user.click(papers)
    expect(papers).toHaveAttribute('aria-expanded', 'false')
    expect(window.location.hash).toBe('')
  })

  it('opens and closes every section at once', async () => {
    serveFeed()
    const { user } = renderApp(SEED)
    await user.click(await screen.findByRole('button', { name: 'Show all sections' }))
    for (const name of ["What's happened", 'What the papers say', 'How we got here']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-expanded', 'true')
    }
    await user.click(screen.getByRole('button', { name: 'Hide all sections' }))
    expect(screen.getByRole('button', { name: 'How we got here' })).toHaveAttribute(
      'aria-expanded',
      'false',
    )
  })

  it('opens the section the fragment names', async () => {
    serveFeed()
    renderApp(`${SEED}#how-we-got-here`)
    expect(await screen.findByRole('button', { name: 'How we got here' })).toHaveAttribute(
      'aria-expanded',
      'true',
    )
  })

  it('opens a topic card from its chip, in the URL, and closes it with Escape', async () => {
    serveFeed()
    const { user } = renderApp(SEED)
    const chip = await screen.findByRole('button', { name: 'Russia' })
    await user.click(chip)
    const dialog = await screen.findByRole('dialog', { name: 'Russia' })
    expect(new URLSearchParams(window.location.search).get('topic')).toBe('russia')
    expect(within(dialog).getByText(/of the Earth's…$/)).toBeInTheDocument()
    expect(within(dialog).getByRole('link', { name: /Read more/ })).toHaveAttribute(
      'href',
      'https://en.wikipedia.org/wiki/Russia',
    )
    expect(dialog).toContainElement(document.activeElement as HTMLElement)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(window.location.search).toBe('')
    expect(chip).toHaveFocus()
  })

  it('closes the card with the back button, and focus returns to its chip', async () => {
    serveFeed()
    const { user } = renderApp(SEED)
    const chip = await screen.findByRole('button', { name: 'Kim Jong-un' })
    await user.click(chip)
    expect(await screen.findByRole('dialog', { name: 'Kim Jong-un' })).toBeInTheDocument()
    window.history.back()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(window.location.search).toBe('')
    expect(chip).toHaveFocus()
  })

  it('reopens a card from a shared link and follows it to another story on the topic', async () => {
    serveFeed()
    const { user } = renderApp(`${SEED}?topic=mark-rutte`)
    const dialog = await screen.findByRole('dialog', { name: 'Mark Rutte' })
    expect(within(dialog).getByText('Summary as of', { exact: false })).toBeInTheDocument()
    const other = within(dialog).getByRole('link', {
      name: 'Mark Rutte takes office as NATO Secretary General',
    })
    await user.click(other)
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Mark Rutte takes office as NATO Secretary General',
      }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('shows a plain JSON Feed item as its content', async () => {
    serveFeed()
    renderApp('/stories/2024-06-03-editors-note-how-stories-are-organised')
    const heading = await screen.findByRole('heading', { level: 1 })
    expect(heading.closest('article')?.querySelectorAll('p').length).toBeGreaterThan(1)
    expect(screen.queryByRole('button', { name: 'Show all sections' })).not.toBeInTheDocument()
  })

  it('has a real not-found page for an unknown story', async () => {
    serveFeed()
    const { user } = renderApp('/stories/no-such-story')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Story not found' }),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Back to all stories' }))
    expect(await screen.findByRole('heading', { name: 'Latest stories' })).toBeInTheDocument()
  })

  it('looks for a story a long feed has not yet shown while the rest of the feed is checked', async () => {
    // A long feed shows its first stories while the worker checks the rest (FeedPage.partial):
    // a story not among them is not missing yet.
    let release = () => {}
    const whole = new Promise<void>((resolve) => (release = resolve))
    server.use(
      http.get(FEED_URL, async () => {
        await whole
        return HttpResponse.json(sampleFeed)
      }),
    )
    const queryClient = createQueryClient()
    // The feed's read has begun when its first stories are shown (feed-query.ts).
    void queryClient.prefetchInfiniteQuery(feedQueryOptions())
    const first = parseFeed({ ...sampleFeed, items: sampleFeed.items.slice(0, 2) }, FEED_URL)
    queryClient.setQueryData(feedQueryOptions().queryKey, {
      pages: [{ ...first, partial: true }],
      pageParams: [FEED_URL],
    })
    window.history.replaceState(null, '', SEED)
    render(<App queryClient={queryClient} />)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Looking for the story…' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('Reading the rest of the feed.')
    release()
    expect(await screen.findByRole('heading', { level: 1, name: SEED_TITLE })).toBeInTheDocument()
  })

  it('gives a story whose id is a URL a readable address, and opens it by its old one too', async () => {
    const id = 'https://example.com/posts/a.b:c'
    const title = 'An id with dots, slashes and colons'
    serveFeed({ ...sampleFeed, items: [{ id, title, content_text: 'Hi.' }] })
    const { user } = renderApp('/')
    await user.click(await screen.findByRole('link', { name: title }))
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    expect(window.location.pathname).toMatch(
      /^\/stories\/an-id-with-dots-slashes-and-colons-[0-9a-z]{7}$/,
    )
    cleanup()
    // A link made before slugs carries the id itself: it opens the story at its new address.
    renderApp('/stories/https%3A%2F%2Fexample%2Ecom%2Fposts%2Fa%2Eb%3Ac?topic=x#whats-happened')
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    await waitFor(() =>
      expect(window.location.pathname).toMatch(/^\/stories\/an-id-with-dots-[a-z-]+-[0-9a-z]{7}$/),
    )
    expect(window.location.hash).toBe('#whats-happened')
  })
})

describe('topics', () => {
  it('gathers every story on a topic on its page', async () => {
    serveFeed()
    renderApp('/topics/north-korea')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'North Korea' }),
    ).toBeInTheDocument()
    const expected = sampleFeed.items.filter((i) =>
      i._story?.topics.some((t) => t.id === 'north-korea'),
    )
    expect(screen.getAllByRole('article')).toHaveLength(expected.length)
  })

  it('has a not-found page for an unknown topic', async () => {
    serveFeed()
    renderApp('/topics/atlantis')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Topic not found' }),
    ).toBeInTheDocument()
  })
})
