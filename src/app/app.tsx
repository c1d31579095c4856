import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppLayout } from './layout'
import { RouteBoundary } from './route-boundary'
import { lazyScreen } from '../lib/lazy-screen'
import { registerRoutePreload } from '../lib/route-preload'

// Each screen loads its own code, while the feed downloads: a story page does not wait
// for the list's code, nor the list for a story's.
const { Screen: ListRoute, load: loadList } = lazyScreen(() => import('./routes/list-route'))
const { Screen: StoryRoute, load: loadStory } = lazyScreen(() => import('./routes/story-route'))
const { Screen: TopicRoute, load: loadTopic } = lazyScreen(() => import('./routes/topic-route'))
const { Screen: TagRoute, load: loadTag } = lazyScreen(() => import('./routes/tag-route'))
const { Screen: SavedRoute, load: loadSaved } = lazyScreen(() => import('./routes/saved-route'))
// Reached through the header's search field, which loads the screen as it takes focus
// (one module name fewer in the first load than a route module of its own).
const { Screen: SearchRoute } = lazyScreen<object>(() =>
  import('../features/search/header-search').then((m) => m.loadSearchScreen()),
)
// Any other address: the Following screen, or "Page not found" (following-route.tsx). One
// screen's code for both, so that Following adds no route to the entry, in every first load.
const { Screen: OtherRoute } = lazyScreen(() => import('./routes/following-route'))

// Links warm these on intent (src/lib/route-preload.ts); paths are the app's, without a base.
registerRoutePreload((path) => path === '/', loadList)
registerRoutePreload((path) => path.startsWith('/stories/'), loadStory)
registerRoutePreload((path) => path.startsWith('/topics/'), loadTopic)
registerRoutePreload((path) => path.startsWith('/tags/'), loadTag)
registerRoutePreload((path) => path === '/saved', loadSaved)
// An embed's frame and screens, which no other page needs.
const { Screen: EmbedLayout, load: loadEmbedLayout } = lazyScreen(() => import('./embed-layout'))
const embedScreen = (name: 'EmbedListRoute' | 'EmbedStoryRoute' | 'EmbedTopicRoute') =>
  lazyScreen<object>(() =>
    import('./routes/embed-routes').then((m) => ({ default: m[name] as ComponentType })),
  )
const { Screen: EmbedListRoute, load: loadEmbedList } = embedScreen('EmbedListRoute')
const { Screen: EmbedStoryRoute, load: loadEmbedStory } = embedScreen('EmbedStoryRoute')
const { Screen: EmbedTopicRoute, load: loadEmbedTopic } = embedScreen('EmbedTopicRoute')
registerRoutePreload(
  (path) => path === '/embed' || path.startsWith('/embed/'),
  () => Promise.all([loadEmbedLayout(), loadEmbedList(), loadEmbedStory(), loadEmbedTopic()]),
)

export function App({ queryClient, basename }: { queryClient: QueryClient; basename?: string }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={basename}>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  )
}

const bounded = (Screen: ComponentType) => (
  <RouteBoundary>
    <Screen />
  </RouteBoundary>
)

export function AppRoutes() {
  return (
    <Routes>
      <Route path="embed" element={<EmbedLayout />}>
        <Route index element={bounded(EmbedListRoute)} />
        <Route path="stories/:id" element={bounded(EmbedStoryRoute)} />
        <Route path="topics/:topicId" element={bounded(EmbedTopicRoute)} />
      </Route>
      <Route element={<AppLayout />}>
        <Route index element={bounded(ListRoute)} />
        <Route path="stories/:id" element={bounded(StoryRoute)} />
        <Route path="topics/:topicId" element={bounded(TopicRoute)} />
        <Route path="saved" element={bounded(SavedRoute)} />
        <Route path="search" element={bounded(SearchRoute)} />
        <Route path="tags/:tag" element={bounded(TagRoute)} />
        <Route path="*" element={bounded(OtherRoute)} />
      </Route>
    </Routes>
  )
}
