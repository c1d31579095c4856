import { useEffect, type ReactNode } from 'react'
import { Link } from 'react-router'
import { ArrowLeftIcon } from '../components/ui/icons'
import { SkeletonRows } from '../components/ui/skeleton-rows'
import { FeedError } from '../features/feed/feed-error'
import { preloadRoute } from '../lib/route-preload'

const warmList = () => preloadRoute('/')

export function BackHome({ children = 'Back to all stories' }: { children?: ReactNode }) {
  return (
    <Link
      to="/"
      onPointerEnter={warmList}
      onTouchStart={warmList}
      onFocus={warmList}
      className="inline-flex min-h-11 items-center gap-2 font-semibold text-accent underline"
    >
      <ArrowLeftIcon className="size-4" />
      {children}
    </Link>
  )
}

export function NotFoundScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto measure py-10">
      <title>{title}</title>
      <p className="font-sans text-sm font-semibold tracking-wider text-muted uppercase">
        Not found
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{title}</h1>
      <div className="mt-4 reading text-muted">{children}</div>
      <div className="mt-6">
        <BackHome />
      </div>
    </div>
  )
}

const hints: Record<FeedError['kind'], string> = {
  network: 'Check your connection, then try again.',
  timeout: 'The server may be busy. Try again in a moment.',
  http: 'The server had a problem. Try again in a moment.',
  'too-large': 'The publisher should split it into pages with next_url.',
  empty: 'The publisher may be updating it. Try again in a moment.',
  'not-json': 'The publisher needs to fix the feed.',
  html: 'The feed address may be wrong, or the server showed an error page.',
  'not-a-feed': 'The publisher needs to fix the feed.',
}

export function FeedErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const feedError = error instanceof FeedError ? error : undefined
  useEffect(() => {
    window.addEventListener('online', onRetry)
    return () => window.removeEventListener('online', onRetry)
  }, [onRetry])
  return (
    <div className="mx-auto measure py-10" role="alert" aria-live="assertive">
      <title>The stories could not be loaded</title>
      <h1 className="font-serif text-3xl font-bold">The stories could not be loaded</h1>
      <p className="mt-4 reading">
        {feedError?.message ?? 'Something went wrong while showing this page.'}
      </p>
      {feedError && <p className="mt-2 text-muted">{hints[feedError.kind]}</p>}
      <button
        type="button"
        onClick={onRetry}
        className="mt-6 inline-flex min-h-11 items-center rounded-full bg-accent px-6 font-semibold text-paper hover:opacity-90"
      >
        Try again
      </button>
    </div>
  )
}

/** Stands in for a list of stories while the feed loads, at the size of what it replaces. */
export function ListSkeleton() {
  return (
    <div aria-busy="true" aria-live="polite" className="animate-pulse motion-reduce:animate-none">
      <span className="sr-only">Loading stories…</span>
      <div className="mb-6 h-8 w-48 rounded bg-sunken" />
      <SkeletonRows count={5} />
    </div>
  )
}
