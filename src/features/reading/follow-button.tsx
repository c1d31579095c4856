import type { Follow } from './reading-state'
import { isFollowing, toggleFollow } from './follows'
import { useReadingState } from './reading-state'

/** "Follow" / "Following": a toggle on a topic's card and page, and on a tag's page. */
export function FollowButton({ follow }: { follow: Follow }) {
  const state = useReadingState()
  const following = isFollowing(state, follow)
  return (
    <button
      type="button"
      aria-pressed={following}
      onClick={() => toggleFollow(follow, !following)}
      className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-4 font-sans text-sm font-semibold text-ink hover:border-accent hover:text-accent aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent"
    >
      <svg
        viewBox="0 0 24 24"
        width="16"
        height="16"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path
          d={following ? 'M5 12l5 5 9-10' : 'M12 5v14M5 12h14'}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {following ? 'Following' : 'Follow'}
      <span className="sr-only">
        {' '}
        {follow.kind === 'tag' ? '#' : ''}
        {follow.name}
      </span>
    </button>
  )
}
