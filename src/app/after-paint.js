/*
 * Starts the app on a page built ahead of time once it has painted (3 s at the latest): the
 * page names the modules on this script's tag. Fetched at once, they shared a slow network
 * with the stylesheet the paint waits on; run at once, they held the paint back while React
 * hydrated. A deferred file, not inline, so that a host's CSP admitting our files admits it.
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
  // A hidden tab does not paint; on another route than index.html's the app renders it now.
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
