import { useMemo } from 'react'
import { ReaderLink } from '../../components/ui/reader-link'
import type { Story } from '../feed/parse-feed'
import { followedStories, followsOf, unreadCount } from './follows'
import { useReadingState } from './reading-state'

/**
 * "Following", with the unread count of what the reader follows. That lives in this browser,
 * so both load after the first paint (layout.tsx keeps their room); no first load has them.
 */
export default function FollowingLink({ stories }: { stories: readonly Story[] | undefined }) {
  const state = useReadingState()
  const follows = followsOf(state)
  const count = useMemo(
    () => unreadCount(followedStories(stories ?? [], follows), state.read),
    [stories, follows, state.read],
  )
  return (
    <ReaderLink
      to="/following"
      className="relative inline-flex min-h-11 w-20 items-center justify-center rounded-full text-sm font-semibold text-muted no-underline hover:bg-sunken hover:text-ink sm:w-24"
    >
      Following
      {count > 0 && (
        <span className="absolute -top-1.5 -right-2 min-w-5 rounded-full bg-accent px-1.5 text-center text-xs leading-5 font-bold text-paper">
          <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span className="sr-only">, {count} unread</span>
        </span>
      )}
    </ReaderLink>
  )
}
