/*
 * Warming a screen's code before the reader asks for it: on a sign of intent (pointer,
 * finger, focus on a link) or when the browser is idle. The story's data is already in the
 * feed, so with its code loaded, opening it takes no network at all.
 */

type Loader = () => Promise<unknown>

/** `load`, run once, and again after a failure (offline, a deploy); the promise never rejects. */
export function loadOnce(load: Loader): () => Promise<void> {
  let loading: Promise<void> | undefined
  return () =>
    (loading ??= load().then(
      () => undefined,
      () => {
        loading = undefined
      },
    ))
}

const entries: { matches: (path: string) => boolean; load: () => Promise<void> }[] = []

export function registerRoutePreload(matches: (path: string) => boolean, load: Loader): void {
  entries.push({ matches, load: loadOnce(load) })
}

/** Loads the code of the screen at `path`; settles when it has loaded or failed. */
export function loadRoute(path: string): Promise<void> {
  const pathname = path.split(/[?#]/, 1)[0] ?? path
  return entries.find((entry) => entry.matches(pathname))?.load() ?? Promise.resolve()
}

export function preloadRoute(path: string): void {
  void loadRoute(path)
}

/** A reader who asked to save data, or on a 2G-class link, gets code only on intent. */
export function savingData(): boolean {
  const { connection } = navigator as {
    connection?: { saveData?: boolean; effectiveType?: string }
  }
  return Boolean(connection?.saveData) || /(^|-)2g$/.test(connection?.effectiveType ?? '')
}

/** Preloads the screens at `paths` once the browser is idle; returns a cancel. */
export function preloadWhenIdle(paths: readonly string[]): () => void {
  if (paths.length === 0) return () => {}
  return runWhenIdle(() => paths.forEach(preloadRoute))
}

/** Runs `run` (loading code ahead of need) when idle, unless the reader saves data; returns a cancel. */
export function runWhenIdle(run: () => void): () => void {
  if (savingData()) return () => {}
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: 3000 })
    return () => cancelIdleCallback(handle)
  }
  const timer = setTimeout(run, 1500)
  return () => clearTimeout(timer)
}

/** For tests: forgets every registration. */
export function resetRoutePreloads(): void {
  entries.length = 0
}
