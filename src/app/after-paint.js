/*
 * Starts the app on a page built ahead of time (scripts/prerender-html.mjs) once the
 * page has painted. The page names the app's modules on this script's tag instead of loading
 * them, and it reads without them:
 *   - fetched at once, they shared a slow network with the stylesheet the first paint waits on;
 *   - run at once (cached, on a repeat visit), they held that paint back while React hydrated.
 * A hidden tab does not paint, so there they start at once, as on a route other than the one
 * index.html was built for; anywhere, after 3 s at the latest.
 *
 * A classic script loaded with `defer`, not inline: a host's Content-Security-Policy that
 * admits the app's own files admits it, and the page never stays inert for want of a hash.
 * The build emits it as assets/after-paint-<hash>.js (scripts/first-paint-plugin.ts).
 */
;(() => {
  const { dataset } = document.currentScript ?? {}
  // index.html built with the list answers every route: the list screen's modules
  // (data-page-modules) only on its own, where the first-paint script marked nothing.
  const own = document.documentElement.dataset.elsewhere === undefined
  const modules = `${dataset?.modules ?? ''} ${own ? (dataset?.pageModules ?? '') : ''}`
    .split(' ')
    .filter(Boolean)
  if (!modules.length) return
  let started = false
  const start = () => {
    if (started) return
    started = true
    for (const href of modules.slice(1)) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.crossOrigin = ''
      link.href = href
      document.head.append(link)
    }
    // A task of its own: started with the preloads, it held the main thread for some 70 ms
    // on a slow phone.
    setTimeout(() => import(modules[0]))
  }
  // A hidden tab does not paint; nor does index.html's placeholder count as content, on a
  // route other than the one it was built for: the app renders that one, so it starts now.
  if (
    !own ||
    document.visibilityState === 'hidden' ||
    !PerformanceObserver.supportedEntryTypes?.includes('paint')
  ) {
    start()
    return
  }
  new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length) start()
  }).observe({ type: 'paint', buffered: true })
  setTimeout(start, 3000)
})()
