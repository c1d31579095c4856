import { render, screen } from '@testing-library/react'
import { Suspense } from 'react'
import { describe, expect, it } from 'vitest'
import { lazyScreen } from './lazy-screen'

function Greeting({ name }: { name: string }) {
  return <p>Hello, {name}</p>
}

const inSuspense = (element: React.ReactNode) => (
  <Suspense fallback={<p>Loading…</p>}>{element}</Suspense>
)

describe('lazyScreen', () => {
  it('loads its code when first rendered, showing the fallback meanwhile', async () => {
    const { Screen } = lazyScreen(() => Promise.resolve({ default: Greeting }))
    render(inSuspense(<Screen name="reader" />))
    expect(screen.getByText('Loading…')).toBeInTheDocument()
    expect(await screen.findByText('Hello, reader')).toBeInTheDocument()
  })

  it('renders at once, with no fallback, once its code has been loaded', async () => {
    let loads = 0
    const { Screen, load } = lazyScreen(() => {
      loads += 1
      return Promise.resolve({ default: Greeting })
    })
    await load()
    render(inSuspense(<Screen name="reader" />))
    expect(screen.getByText('Hello, reader')).toBeInTheDocument()
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument()
    expect(loads).toBe(1)
  })
})
