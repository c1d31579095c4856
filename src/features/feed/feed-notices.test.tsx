import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { FeedError } from './feed-error'
import { formatTime, RefreshNotice, SkippedNotice, storyCount } from './feed-notices'
import { parseFeed } from './parse-feed'

const FEED_URL = 'https://news.example/feed.json'

function skippedFrom(items: unknown[]) {
  return parseFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items }, FEED_URL)
}

describe('SkippedNotice', () => {
  it('says how many stories could not be shown, and on request each reason with its path', async () => {
    const page = skippedFrom([
      { id: 'ok', title: 'Fine' },
      { title: 'No id' },
      { id: 'x', title: 3 },
    ])
    render(<SkippedNotice skipped={page.skipped} problems={page.problems} />)
    const summary = screen.getByText('2 stories could not be shown')
    const details = summary.closest('details')
    expect(details).not.toHaveAttribute('open')
    await userEvent.click(summary)
    expect(details).toHaveAttribute('open')
    const reasons = screen.getAllByRole('listitem').map((li) => li.textContent)
    expect(reasons).toEqual([
      '$.items[1].id Missing: it is required.',
      '$.items[2].title Expected string.',
    ])
  })

  it('lists the first 50 reasons of a feed of broken items and points to the validator', async () => {
    const page = skippedFrom(Array.from({ length: 120 }, () => ({ title: 'No id' })))
    render(<SkippedNotice skipped={page.skipped} problems={page.problems} />)
    await userEvent.click(screen.getByText('120 stories could not be shown'))
    expect(screen.getAllByRole('listitem')).toHaveLength(50)
    expect(screen.getByText(/And 70 more/)).toHaveTextContent(
      'And 70 more: npm run validate-feed lists them all.',
    )
  })

  it('says nothing when nothing was left out', () => {
    const { container } = render(<SkippedNotice skipped={0} problems={[]} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('RefreshNotice', () => {
  it('says the stories on screen are from the last read, or a long feed’s first ones and why', async () => {
    let retried = 0
    const { rerender } = render(
      <RefreshNotice updatedAt={Date.now()} onRetry={() => (retried += 1)} />,
    )
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Couldn’t refresh the stories; showing those from \d\d:\d\d\./,
    )
    const error = new FeedError('not-json', 'The feed is not valid JSON.')
    rerender(
      <RefreshNotice
        updatedAt={Date.now()}
        onRetry={() => (retried += 1)}
        partial={{ shown: 20, error }}
      />,
    )
    expect(screen.getByRole('status')).toHaveTextContent(
      'Only the first 20 stories of this feed could be read. The feed is not valid JSON.',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(retried).toBe(1)
  })
})

describe('formatTime', () => {
  // As Intl (which the app does not load) writes it in this machine's time zone.
  const local = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', options).format(Date.parse(iso))

  it('is the clock today, with the date on another day', () => {
    const now = Date.parse('2024-11-05T12:00:00Z')
    const earlier = now - 2 * 3_600_000
    const clock = local(new Date(earlier).toISOString(), { timeStyle: 'short' })
    expect(formatTime(earlier, now)).toBe(clock)
    const lastWeek = earlier - 7 * 86_400_000
    const lastWeekIso = new Date(lastWeek).toISOString()
    expect(formatTime(lastWeek, now)).toBe(
      `${local(lastWeekIso, { dateStyle: 'medium' })}, ${local(lastWeekIso, { timeStyle: 'short' })}`,
    )
  })
})

describe('storyCount', () => {
  it('says one story, and any other number of stories', () => {
    expect([0, 1, 2, 21].map(storyCount)).toEqual([
      '0 stories',
      '1 story',
      '2 stories',
      '21 stories',
    ])
  })
})
