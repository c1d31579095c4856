import { screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readingStore } from '../features/reading/reading-state'
import { settingsStore } from '../features/reading/settings'
import { renderApp, sampleFeed, serveFeed } from '../test/render-app'

const SEED = '/stories/2024-10-30-north-korea-troops-kursk'
const SEED_TITLE = "North Korean troops deployed to Russia's Kursk region"

afterEach(() => {
  readingStore.set({ read: [], saved: [] })
  settingsStore.set({ theme: 'system', textSize: 'medium' })
})

describe('reading state', () => {
  it('marks an opened story read in the list, and unread on request', async () => {
    serveFeed()
    const { user } = renderApp(SEED)
    await user.click(await screen.findByRole('button', { name: 'Mark as unread' }))
    expect(readingStore.get().read).not.toContain('2024-10-30-north-korea-troops-kursk')
    await user.click(screen.getByRole('link', { name: 'All stories' }))
    const item = (await screen.findByRole('link', { name: SEED_TITLE })).closest('li')!
    expect(within(item).queryByText('Read')).not.toBeInTheDocument()
  })

  it('saves a story and lists it on /saved, newest saved first', async () => {
    serveFeed()
    const { user } = renderApp(SEED)
    await user.click(await screen.findByRole('button', { name: 'Save' }))
    expect(screen.getByRole('button', { name: 'Saved' })).toHaveAttribute('aria-pressed', 'true')
    await user.click(screen.getByRole('link', { name: 'Saved' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Saved stories' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: SEED_TITLE })).toBeInTheDocument()
    expect(JSON.parse(localStorage.getItem('briefing:v1:reading') ?? '{}').saved[0].id).toBe(
      '2024-10-30-north-korea-troops-kursk',
    )
  })

  it('keeps reading when storage throws', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    serveFeed()
    const { user } = renderApp(SEED)
    await user.click(await screen.findByRole('button', { name: 'Save' }))
    expect(screen.getByRole('button', { name: 'Saved' })).toBeInTheDocument()
    vi.restoreAllMocks()
  })
})

describe('settings', () => {
  it('applies the chosen theme and text size to the page and keeps them', async () => {
    serveFeed()
    const { user } = renderApp('/')
    await screen.findByRole('heading', { name: 'Latest stories' })
    // The choices load as the reader reaches for the button.
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.click(await screen.findByRole('radio', { name: 'Dark', hidden: true }))
    await user.click(screen.getByRole('radio', { name: 'Larger', hidden: true }))
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(document.documentElement.dataset.textSize).toBe('larger')
    expect(JSON.parse(localStorage.getItem('briefing:v1:settings') ?? '{}')).toEqual({
      theme: 'dark',
      textSize: 'larger',
    })
  })
})

describe('filtering the list', () => {
  it('filters by words and by topic, in the URL', async () => {
    serveFeed()
    const { user } = renderApp('/')
    await user.type(
      await screen.findByRole('searchbox', { name: 'Filter stories by words' }),
      'kursk',
    )
    expect(new URLSearchParams(window.location.search).get('q')).toBe('kursk')
    const list = screen.getAllByRole('list')[0]!
    const titles = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent)
    const mentionsKursk = sampleFeed.items.filter((i) =>
      [i.title, i.summary, ...(i._story?.topics.map((t) => t.name) ?? []), ...(i.tags ?? [])]
        .join(' ')
        .toLowerCase()
        .includes('kursk'),
    )
    expect(titles).toContain(SEED_TITLE)
    expect(titles).toEqual(mentionsKursk.map((i) => i.title))
    await user.clear(screen.getByRole('searchbox', { name: 'Filter stories by words' }))
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Filter by topic' }),
      'mark-rutte',
    )
    const byTopic = within(screen.getAllByRole('list')[0]!).getAllByRole('link')
    const expected = sampleFeed.items.filter((i) =>
      i._story?.topics.some((t) => t.id === 'mark-rutte'),
    )
    expect(byTopic).toHaveLength(expected.length)
    expect(screen.getByRole('status')).toHaveTextContent(
      `${expected.length} of ${sampleFeed.items.length} stories`,
    )
  })
})
