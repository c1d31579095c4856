import { act, render, screen } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { LoadingStatus, SLOW_LOADING_MS } from './loading-status'

afterEach(() => {
  vi.useRealTimers()
})

it('says it is loading to screen readers, then, once slow, that it is still loading, to everyone', () => {
  vi.useFakeTimers()
  render(<LoadingStatus what="the stories" />)
  const status = screen.getByRole('status')
  expect(status).toHaveTextContent('Loading the stories…')
  expect(status).toHaveClass('sr-only')

  act(() => vi.advanceTimersByTime(SLOW_LOADING_MS - 1))
  expect(status).toHaveTextContent('Loading the stories…')
  act(() => vi.advanceTimersByTime(1))
  // The same live region, so that the change is announced.
  expect(screen.getByRole('status')).toBe(status)
  expect(status).toHaveTextContent('Still loading the stories…')
  expect(status).not.toHaveClass('sr-only')
})
