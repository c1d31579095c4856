import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { lazy } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppLayout } from './layout'
import { RouteBoundary } from './route-boundary'
import ListRoute from './routes/list-route'
import { NotFoundScreen } from './screens'

// The list is the first screen; a story or a topic page loads its code when opened.
const StoryRoute = lazy(() => import('./routes/story-route'))
const TopicRoute = lazy(() => import('./routes/topic-route'))

export function App({ queryClient, basename }: { queryClient: QueryClient; basename?: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={basename}>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route
          index
          element={
            <RouteBoundary>
              <ListRoute />
            </RouteBoundary>
          }
        />
        <Route
          path="stories/:id"
          element={
            <RouteBoundary>
              <StoryRoute />
            </RouteBoundary>
          }
        />
        <Route
          path="topics/:topicId"
          element={
            <RouteBoundary>
              <TopicRoute />
            </RouteBoundary>
          }
        />
        <Route
          path="*"
          element={
            <NotFoundScreen title="Page not found">
              <p>There is nothing at this address.</p>
            </NotFoundScreen>
          }
        />
      </Route>
    </Routes>
  )
}
