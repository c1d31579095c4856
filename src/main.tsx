import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { createQueryClient } from './app/query-client'
import { feedQueryOptions } from './features/feed/feed-query'
import './index.css'

const queryClient = createQueryClient()
// Start reading the feed before React renders; every route shares this one request.
void queryClient.prefetchInfiniteQuery(feedQueryOptions())

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} basename={import.meta.env.BASE_URL.replace(/\/$/, '')} />
  </StrictMode>,
)
