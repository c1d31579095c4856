import type { Story } from '../feed/parse-feed'
import { readingStore, type Follow, type ReadingState } from './reading-state'

/* The topics and tags the reader follows, and the stories on them (the Following page). */

export function followsOf(state: ReadingState): Follow[] {
  return Array.isArray(state.follows)
    ? state.follows.filter(
        (f: Partial<Follow> | null): f is Follow =>
          (f?.kind === 'topic' || f?.kind === 'tag') &&
          typeof f.id === 'string' &&
          typeof f.name === 'string',
      )
    : []
}

const same = (a: Follow, b: Pick<Follow, 'kind' | 'id'>) => a.kind === b.kind && a.id === b.id

export function isFollowing(state: ReadingState, follow: Pick<Follow, 'kind' | 'id'>): boolean {
  return followsOf(state).some((f) => same(f, follow))
}

/** Follows, or stops following; the newest follow comes first. */
export function toggleFollow(follow: Follow, following = !isFollowing(readingStore.get(), follow)) {
  readingStore.set((state) => {
    const rest = followsOf(state).filter((f) => !same(f, follow))
    return { ...state, follows: following ? [follow, ...rest] : rest }
  })
}

export type FollowedStory = { story: Story; because: Follow[] }

/** The stories on any followed topic or tag, newest first, each with what brought it. */
export function followedStories(stories: readonly Story[], follows: Follow[]): FollowedStory[] {
  if (follows.length === 0) return []
  const found: FollowedStory[] = []
  for (const story of stories) {
    const because = follows.filter((f) =>
      f.kind === 'topic' ? story.topics.some((t) => t.id === f.id) : story.tags.includes(f.id),
    )
    if (because.length > 0) found.push({ story, because })
  }
  const time = (s: Story) => Date.parse(s.published ?? '') || 0
  return found.sort((a, b) => time(b.story) - time(a.story))
}

/** How many of the followed stories the reader has not opened. */
export function unreadCount(followed: FollowedStory[], read: readonly string[]): number {
  const seen = new Set(read)
  return followed.filter(({ story }) => !seen.has(story.id)).length
}
