import { lazyScreen } from '../../lib/lazy-screen'
import { loadOnce, runWhenIdle } from '../../lib/route-preload'

/*
 * The part of the story screen that reads a lean story's text from its page (whole-story.tsx,
 * lean-page.ts): loaded on demand, since only stories of long pages need it, and warmed ahead
 * (on a sign of intent, or once a list of lean stories is idle) so that opening such a story
 * never waits on React.lazy's reveal throttle (lazy-screen.tsx): 300 ms before its page was
 * even asked for.
 */
const { Screen, load } = lazyScreen(() => import('./whole-story'))

export const WholeStory = Screen

/** Loads WholeStory's code, once. */
export const loadWholeStory = loadOnce(load)

/** Loads it once the browser is idle, unless the reader saves data; returns a cancel. */
export const loadWholeStoryWhenIdle = () => runWhenIdle(() => void loadWholeStory())
