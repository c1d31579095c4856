import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { registerServiceWorker } from './register-service-worker'

const register = vi.fn<(url: string, options: RegistrationOptions) => Promise<unknown>>()
const postMessage = vi.fn()

beforeEach(() => {
  vi.stubEnv('PROD', true)
  register.mockResolvedValue({})
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { register, controller: null, ready: Promise.resolve({ active: { postMessage } }) },
  })
})

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  register.mockReset()
  postMessage.mockReset()
  Reflect.deleteProperty(navigator, 'serviceWorker')
})

describe('registerServiceWorker', () => {
  it('registers sw.js for the app’s scope and asks it to keep the feed read so far', async () => {
    registerServiceWorker()
    await vi.waitFor(() => expect(postMessage).toHaveBeenCalled())
    expect(register).toHaveBeenCalledWith('/sw.js', { scope: '/' })
    expect(postMessage).toHaveBeenCalledWith({
      type: 'keep-feed',
      urls: [new URL('/feed.json', document.baseURI).href],
    })
  })

  it('waits for the load event when the page is still loading', () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    registerServiceWorker()
    expect(register).not.toHaveBeenCalled()
    window.dispatchEvent(new Event('load'))
    expect(register).toHaveBeenCalledOnce()
  })

  it('does nothing in a development build', () => {
    vi.stubEnv('PROD', false)
    registerServiceWorker()
    expect(register).not.toHaveBeenCalled()
  })

  it('does nothing on an embed route', () => {
    window.history.replaceState(null, '', '/embed/stories/a')
    registerServiceWorker()
    window.history.replaceState(null, '', '/embed')
    registerServiceWorker()
    expect(register).not.toHaveBeenCalled()
    window.history.replaceState(null, '', '/embedded-story')
    registerServiceWorker()
    expect(register).toHaveBeenCalledOnce()
  })

  it('does nothing inside a frame', () => {
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window)
    registerServiceWorker()
    expect(register).not.toHaveBeenCalled()
  })

  it('does nothing where the browser has no service workers', () => {
    Reflect.deleteProperty(navigator, 'serviceWorker')
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading')
    const listen = vi.spyOn(window, 'addEventListener')
    expect(() => registerServiceWorker()).not.toThrow()
    // Nothing waits for the load event to register a worker there is no way to register.
    expect(listen).not.toHaveBeenCalledWith('load', expect.anything(), expect.anything())
  })

  it('swallows a refused registration', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    register.mockRejectedValue(new DOMException('Storage is blocked', 'SecurityError'))
    registerServiceWorker()
    await vi.waitFor(() => expect(register).toHaveBeenCalled())
    await new Promise((resolve) => setTimeout(resolve, 0))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
    expect(postMessage).not.toHaveBeenCalled()
  })

  it('asks nothing more of a worker that already controls the page', async () => {
    Object.defineProperty(navigator.serviceWorker, 'controller', { value: {} })
    registerServiceWorker()
    await vi.waitFor(() => expect(register).toHaveBeenCalled())
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(postMessage).not.toHaveBeenCalled()
  })
})
