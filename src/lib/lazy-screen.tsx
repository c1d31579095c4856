import { lazy, useState, type ComponentType } from 'react'

/**
 * React.lazy, but rendering at once when the code is already here: React.lazy suspends even
 * then, and React's 300 ms reveal throttle was most of a repeat visit's time to a story.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): { Screen: ComponentType<P>; load: () => Promise<unknown> } {
  let loaded: ComponentType<P> | undefined
  const loadAndKeep = () =>
    load().then((module) => {
      loaded = module.default
      return module
    })
  const Lazy = lazy(loadAndKeep)
  function Screen(props: P) {
    // Chosen once per mount: switching later would mount the screen afresh.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy)
    return <Component {...props} />
  }
  return { Screen, load: loadAndKeep }
}
