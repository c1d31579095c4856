import { CheckIcon, PlusIcon } from '../../components/ui/icons'
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
      {following ? <CheckIcon className="size-4" /> : <PlusIcon className="size-4" />}
      {following ? 'Following' : 'Follow'}
      <span className="sr-only">
        {' '}
        {follow.kind === 'tag' ? '#' : ''}
        {follow.name}
      </span>
    </button>
  )
}
