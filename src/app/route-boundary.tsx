import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { Suspense, type ReactNode } from 'react'
import { useLocation } from 'react-router'
import { ErrorBoundary } from '../components/ui/error-boundary'
import { FeedErrorScreen, ListSkeleton } from './screens'

/** Every route gets its own loading state and its own error screen with a retry. */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { reset } = useQueryErrorResetBoundary()
  const { pathname } = useLocation()
  return (
    <ErrorBoundary
      onReset={reset}
      resetKey={pathname}
      fallback={({ error, reset: retry }) => <FeedErrorScreen error={error} onRetry={retry} />}
    >
      <Suspense fallback={<ListSkeleton />}>{children}</Suspense>
    </ErrorBoundary>
  )
}
