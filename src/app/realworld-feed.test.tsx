import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import bret from '../../tests/fixtures/jsonfeed-1.0-bret-io.json'
import { renderApp, serveFeed } from '../test/render-app'
import { server } from '../test/server'

// A JSON Feed 1.0 published by someone else (tests/fixtures/jsonfeed-1.0-bret-io.json), kept byte for byte.
describe('a real JSON Feed 1.0 without _story', () => {
  it('shows all eight items newest first, and a next page that fails ends the list quietly', async () => {
    serveFeed(bret)
    server.use(http.get('https://bret.io/2017.json', () => HttpResponse.error()))
    const { user } = renderApp('/')
    const list = (await screen.findAllByRole('list'))[0]!
    const titles = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent)
    expect(titles).toEqual(bret.items.map((i) => i.title))
    await user.click(screen.getByRole('button', { name: 'Load more stories' }))
    expect(
      await screen.findByText('The next page of stories could not be loaded.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    expect(within(list).getAllByRole('link')).toHaveLength(8)
  })

  it('shows an item with its tags and the feed author', async () => {
    serveFeed(bret)
    const { user } = renderApp(
      `/stories/${encodeURIComponent('https://example.com/tags-2018-04-12T22:06:43.000Z')}`,
    )
    expect(
      await screen.findByRole('heading', { level: 1, name: 'A post with some tags' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Bret Comnes' })).toHaveAttribute(
      'href',
      'https://bret.io/',
    )
    const tags = screen.getByRole('navigation', { name: 'Tags' })
    await user.click(within(tags).getByRole('link', { name: 'foo' }))
    expect(await screen.findByRole('heading', { level: 1, name: '#foo' })).toBeInTheDocument()
  })

  it('lists attachments as links with their type, size and duration', async () => {
    serveFeed(bret)
    renderApp(
      `/stories/${encodeURIComponent('https://example.com/empty-attatchments-2018-04-11T22:06:43.000Z')}`,
    )
    const link = await screen.findByRole('link', { name: 'Hey this is a podcast' })
    expect(link).toHaveAttribute('href', 'https://example.com/attatchments.mp4')
    expect(link.parentElement).toHaveTextContent(
      /audio\/mpeg · 1\.2 kB · 3 hours 25 minutes 45 seconds/,
    )
    expect(await screen.findByText('Attachments & Escapes')).toBeInTheDocument()
  })
})
