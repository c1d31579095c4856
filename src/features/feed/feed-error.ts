/**
 * Why a feed could not be read. A module of its own so that the app shell can tell
 * failures apart without loading the parser and its schema.
 */
export type FeedErrorKind =
  'network' | 'timeout' | 'http' | 'too-large' | 'empty' | 'not-json' | 'html' | 'not-a-feed'

export class FeedError extends Error {
  readonly kind: FeedErrorKind
  readonly status?: number
  constructor(kind: FeedErrorKind, message: string, status?: number) {
    super(message)
    this.name = 'FeedError'
    this.kind = kind
    this.status = status
  }
}
