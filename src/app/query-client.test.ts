import { onlineManager, QueryObserver } from '@tanstack/react-query'
import { afterEach, expect, it, vi } from 'vitest'
import { createQueryClient } from './query-client'

afterEach(() => {
  vi.restoreAllMocks()
  onlineManager.setOnline(true)
})

it('refreshes fresh data when a reader who opened the reader offline comes back online', async () => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  const client = createQueryClient()
  client.mount()
  const queryFn = vi.fn().mockResolvedValue('the copy kept offline')
  const observer = new QueryObserver(client, { queryKey: ['feed'], queryFn, staleTime: 60_000 })
  const unsubscribe = observer.subscribe(() => undefined)
  await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(1))

  window.dispatchEvent(new Event('online'))
  await vi.waitFor(() => expect(queryFn).toHaveBeenCalledTimes(2))
  unsubscribe()
  client.unmount()
})
