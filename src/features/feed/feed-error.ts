/** Why a feed could not be read; its own module, so the shell need not load the parser. */
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
