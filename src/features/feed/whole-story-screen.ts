import { lazyScreen } from '../../lib/lazy-screen'
import { loadOnce, runWhenIdle } from '../../lib/route-preload'

// Reading a lean story's text (whole-story.tsx): loaded on demand, and warmed ahead so that
// opening one never waits on React.lazy's 300 ms reveal throttle before its page is asked for.
const { Screen, load } = lazyScreen(() => import('./whole-story'))

export const WholeStory = Screen

export const loadWholeStory = loadOnce(load)

/** Loads it once the browser is idle, unless the reader saves data; returns a cancel. */
export const loadWholeStoryWhenIdle = () => runWhenIdle(() => void loadWholeStory())
