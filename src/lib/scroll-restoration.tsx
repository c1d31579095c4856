import { useEffect, useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigationType } from 'react-router'

const STORE_KEY = 'briefing:scroll:v1'
const KEPT = 50

function loadPositions(): Map<string, number> {
  try {
    const saved: unknown[] = JSON.parse(sessionStorage.getItem(STORE_KEY) ?? '[]')
    return new Map(
      saved.filter(
        (entry): entry is [string, number] =>
          Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
      ),
    )
  } catch {
    // Storage blocked or holding something else (not a list: no filter): in memory only.
    return new Map()
  }
}

let positions: Map<string, number> | undefined
const savedPositions = () => (positions ??= loadPositions())

export function savedScrollY(key: string): number | undefined {
  return savedPositions().get(key)
}

/**
 * A new page starts at the top; Back and Forward return to where the reader was (for the
 * tab's session). Changes within a page (a filter, ?topic=, a #fragment) leave the scroll.
 */
export function ScrollRestoration() {
  const location = useLocation()
  const navigation = useNavigationType()
  const current = useRef(location.key)
  const lastPath = useRef(location.pathname)

  useEffect(() => {
    if (!('scrollRestoration' in history)) return
    history.scrollRestoration = 'manual'
    const save = () => {
      try {
        sessionStorage.setItem(STORE_KEY, JSON.stringify([...savedPositions()]))
      } catch {
        // Nothing to do: the positions stay in memory.
      }
    }
    const remember = () => {
      const map = savedPositions()
      map.delete(current.current)
      map.set(current.current, window.scrollY)
      if (map.size > KEPT) map.delete(map.keys().next().value ?? '')
    }
    window.addEventListener('scroll', remember, { passive: true })
    window.addEventListener('pagehide', save)
    return () => {
      window.removeEventListener('scroll', remember)
      window.removeEventListener('pagehide', save)
      history.scrollRestoration = 'auto'
    }
  }, [])

  useLayoutEffect(() => {
    current.current = location.key
    const samePage = lastPath.current === location.pathname
    lastPath.current = location.pathname
    const saved = savedScrollY(location.key)
    if (navigation === 'POP' && saved !== undefined) {
      restore(saved)
    } else if (navigation === 'PUSH' && !samePage && !location.hash) {
      window.scrollTo(0, 0)
    }
  }, [location.key, location.pathname, location.hash, navigation])

  return null
}

/** Scrolls to `y`, trying again for a few frames while the page is still too short. */
function restore(y: number) {
  let frames = 0
  const attempt = () => {
    window.scrollTo(0, y)
    if (Math.abs(window.scrollY - y) > 1 && ++frames < 30) requestAnimationFrame(attempt)
  }
  attempt()
}
