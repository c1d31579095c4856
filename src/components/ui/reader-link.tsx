import { createContext, use, type ComponentProps } from 'react'
import { Link } from 'react-router'
import { preloadRoute } from '../../lib/route-preload'

/** Links to the reader's pages: in the app, navigations; in an embed, out to the full reader. */
export type LinkMode = { kind: 'app' } | { kind: 'out'; base: string; target: '_blank' | '_top' }

const LinkModeContext = createContext<LinkMode>({ kind: 'app' })

export const LinkModeProvider = LinkModeContext.Provider

type Props = Omit<ComponentProps<'a'>, 'href'> & { to: string }

export function ReaderLink({ to, children, ...props }: Props) {
  const mode = use(LinkModeContext)
  if (mode.kind === 'app') {
    // The screen's code starts loading at the first sign the reader means to open it.
    const warm =
      <E,>(handler?: (event: E) => void) =>
      (event: E) => {
        preloadRoute(to)
        handler?.(event)
      }
    return (
      <Link
        to={to}
        {...props}
        onPointerEnter={warm(props.onPointerEnter)}
        onTouchStart={warm(props.onTouchStart)}
        onFocus={warm(props.onFocus)}
      >
        {children}
      </Link>
    )
  }
  return (
    <a
      href={`${mode.base}${to}`}
      target={mode.target}
      rel={mode.target === '_blank' ? 'noopener' : undefined}
      {...props}
    >
      {children}
      {mode.target === '_blank' && <span className="sr-only"> (opens in a new tab)</span>}
    </a>
  )
}
