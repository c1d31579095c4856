import { setupServer } from 'msw/node'

/** The network for component tests: each test declares the responses it needs. */
export const server = setupServer()
