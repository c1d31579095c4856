import { useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { Outlet, useSearchParams } from 'react-router'
import { LinkModeProvider, type LinkMode } from '../components/ui/reader-link'

/**
 * The reader in a portal's iframe: no header, the host's look (?theme=, ?background=),
 * links out to the full reader (?target=top), and its height told to the host page.
 */
export default function EmbedLayout() {
  const [params] = useSearchParams()
  const theme = params.get('theme')
  const transparent = params.get('background') === 'transparent'
  const target = params.get('target') === 'top' ? '_top' : '_blank'
  const content = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const root = document.documentElement
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme
    else delete root.dataset.theme
    if (transparent) root.dataset.background = 'transparent'
    else delete root.dataset.background
  }, [theme, transparent])

  useEffect(() => {
    const element = content.current
    if (!element) return
    // The height protocol's code loads with the embed: no other page needs it.
    let stop: (() => void) | undefined
    void import('../features/embed/embed-protocol').then((m) => {
      if (element.isConnected) stop = m.reportHeight(element)
    })
    return () => stop?.()
  }, [])

  const base = `${location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`
  const mode = useMemo<LinkMode>(() => ({ kind: 'out', base, target }), [base, target])

  return (
    <LinkModeProvider value={mode}>
      <div ref={content} className="flow-root">
        <main id="content" className="px-4 py-4 sm:px-5">
          <Outlet />
        </main>
      </div>
    </LinkModeProvider>
  )
}
