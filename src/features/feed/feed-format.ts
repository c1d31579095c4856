// The fixed words of the feed contract (docs/feed-format.md); no zod: first loads import this.

/** The JSON Feed versions this reader understands: 1 and 1.1. */
export const JSON_FEED_VERSION = /^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/

/** Every JSON Feed version starts so (a later one is a JSON Feed this reader does not read). */
export const JSON_FEED_VERSION_PREFIX = 'https://jsonfeed.org/version/'

/** A topic's `kind`; any other is read as "other". */
export const topicKinds = ['person', 'place', 'country', 'organisation', 'event', 'other'] as const

export type TopicKind = (typeof topicKinds)[number]

export const isTopicKind = (kind: unknown): kind is TopicKind =>
  (topicKinds as readonly unknown[]).includes(kind)
