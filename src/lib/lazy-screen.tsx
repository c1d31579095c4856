import { lazy, useState, type ComponentType } from 'react'

/**
 * A screen whose code loads on demand, as with React.lazy, but which renders at once when its
 * code is already here (loaded on a sign of intent, or before the app's first render).
 * React.lazy suspends for a moment even then: the fallback shows, and React then holds the
 * screen back until 300 ms after it (its throttle on revealing suspended content), which on
 * a repeat visit was most of the time to the first story.
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
