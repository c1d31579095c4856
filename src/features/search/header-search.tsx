import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { SearchIcon } from '../../components/ui/icons'
import { ReaderLink } from '../../components/ui/reader-link'
import { cn } from '../../lib/cn'

// The header's search field (on a phone, a link): out of the first load; the search code
// loads as the field takes focus.

/** The results page, /search (src/app/app.tsx routes to it). */
export const loadSearchScreen = () =>
  import('./search-screen').then((m) => ({ default: m.SearchScreen }))
const warm = () => void loadSearchScreen()

/** The words a result was opened with (?highlight=…) marked on its page as it renders. */
function useSearchHighlight(words: string | null) {
  useEffect(() => {
    const root = document.getElementById('content')
    if (!words || !root) return
    let undo: (() => void) | undefined
    let live = true
    let frame = 0
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(mark)
    })
    function mark() {
      void import('./highlight-words').then(
        (m) => {
          if (live) undo = m.highlightWords(root!, words!)
        },
        () => undefined,
      )
    }
    mark()
    observer.observe(root, { childList: true, subtree: true })
    return () => {
      live = false
      observer.disconnect()
      cancelAnimationFrame(frame)
      undo?.()
    }
  }, [words])
}

export default function HeaderSearch() {
  const navigate = useNavigate()
  const { pathname, search } = useLocation()
  useSearchHighlight(pathname === '/search' ? null : new URLSearchParams(search).get('highlight'))
  // `/` from anywhere but a text field: to the field (on a phone, to the results page).
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement
      if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey) return
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      const field = document.getElementById('search-q')
      if (field?.offsetParent) field.focus()
      else void navigate('/search')
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [navigate])
  return (
    <>
      {pathname !== '/search' && (
        <ReaderLink
          to="/search"
          className="inline-flex size-11 items-center justify-center rounded-full text-muted hover:bg-sunken hover:text-ink md:hidden"
        >
          <SearchIcon />
          <span className="sr-only">Search</span>
        </ReaderLink>
      )}
      <SearchField id="search-q" className="max-md:hidden" size="h-10 md:w-52 lg:w-64" />
    </>
  )
}

/** Sets one word of the results page's address; there already, replaces it. */
export function useSetSearchParam() {
  const navigate = useNavigate()
  const { pathname, search } = useLocation()
  const here = pathname === '/search'
  return (key: string, value: string) => {
    const params = new URLSearchParams(here ? search : '')
    if (value) params.set(key, value)
    else params.delete(key)
    void navigate(`/search${params.size ? `?${params}` : ''}`, { replace: here })
  }
}

/** The header's field, and the results page's on a phone: each letter replaces /search?q=…. */
export function SearchField({
  id,
  className,
  size,
}: {
  id?: string
  className: string
  size: string
}) {
  const { pathname, search } = useLocation()
  const q = pathname === '/search' ? (new URLSearchParams(search).get('q') ?? '') : ''
  const field = useRef<HTMLInputElement>(null)
  const set = useSetSearchParam()
  // Typed before the app took over a page built ahead of time: searched now.
  useEffect(() => {
    const typed = field.current?.value ?? ''
    if (typed && typed !== q) set('q', typed)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the page is taken over
  }, [])
  // Back, Forward or a link change ?q=; the field follows unless the reader is typing in it.
  useEffect(() => {
    const input = field.current
    if (input && input !== document.activeElement) input.value = q
  }, [q])
  return (
    <form
      role="search"
      action={`${import.meta.env.BASE_URL}search`}
      onSubmit={(e) => {
        e.preventDefault()
        set('q', field.current?.value ?? '')
      }}
      className={className}
    >
      <input
        ref={field}
        id={id}
        type="search"
        name="q"
        defaultValue={q}
        aria-label="Search all stories"
        placeholder="Search stories"
        autoComplete="off"
        onFocus={warm}
        onPointerEnter={warm}
        onChange={(e) => set('q', e.target.value)}
        className={cn(
          'w-full rounded-full border border-line bg-raised px-4 text-base text-ink placeholder:text-muted',
          size,
        )}
      />
    </form>
  )
}
