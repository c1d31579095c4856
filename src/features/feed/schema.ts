import * as z from 'zod/mini'
import { JSON_FEED_VERSION } from './feed-format'

/*
 * The feed contract (docs/feed-format.md), shape and types only: odd but well-typed values
 * are parse-feed.ts's, so one bad field never costs a whole story. `npm run schema` makes
 * public/feed.schema.json from it.
 */

const text = z.string()
const id = z.union([z.string().check(z.minLength(1)), z.number()])

const authorSchema = z.looseObject({
  name: z.optional(text),
  url: z.optional(text),
  avatar: z.optional(text),
})

const sectionSchema = z.looseObject({
  id: z.optional(id),
  title: text,
  text: z.optional(text),
  sources: z.optional(z.array(z.looseObject({ name: text, url: z.optional(text) }))),
})

const topicSchema = z.looseObject({
  id: z.optional(id),
  name: text,
  kind: z.optional(text),
  summary: z.optional(text),
  url: z.optional(text),
  image: z.optional(text),
  as_of: z.optional(text),
})

const attachmentSchema = z.looseObject({
  url: text,
  mime_type: z.optional(text),
  title: z.optional(text),
  size_in_bytes: z.optional(z.number()),
  duration_in_seconds: z.optional(z.number()),
})

export const itemSchema = z.looseObject({
  id,
  url: z.optional(text),
  external_url: z.optional(text),
  title: z.optional(text),
  summary: z.optional(text),
  content_text: z.optional(text),
  content_html: z.optional(text),
  image: z.optional(text),
  banner_image: z.optional(text),
  date_published: z.optional(text),
  date_modified: z.optional(text),
  author: z.optional(authorSchema),
  authors: z.optional(z.array(authorSchema)),
  tags: z.optional(z.array(text)),
  language: z.optional(text),
  attachments: z.optional(z.array(attachmentSchema)),
  _story: z.optional(
    z.looseObject({
      about: z.optional(text),
      sections: z.optional(z.array(sectionSchema)),
      topics: z.optional(z.array(topicSchema)),
    }),
  ),
})

const feedFields = {
  version: text.check(z.regex(JSON_FEED_VERSION)),
  title: text,
  home_page_url: z.optional(text),
  feed_url: z.optional(text),
  description: z.optional(text),
  icon: z.optional(text),
  favicon: z.optional(text),
  language: z.optional(text),
  next_url: z.optional(text),
  expired: z.optional(z.boolean()),
  author: z.optional(authorSchema),
  authors: z.optional(z.array(authorSchema)),
}

/** The whole document, items included: what publishers validate against. */
export const feedSchema = z.looseObject({ ...feedFields, items: z.array(itemSchema) })

/** The document with items unread, so that each item can pass or fail on its own. */
export const feedEnvelopeSchema = z.looseObject({ ...feedFields, items: z.array(z.unknown()) })

export type RawItem = z.infer<typeof itemSchema>
export type RawFeed = z.infer<typeof feedEnvelopeSchema>
export type RawAuthor = z.infer<typeof authorSchema>
export type RawTopic = z.infer<typeof topicSchema>
export type RawSection = z.infer<typeof sectionSchema>
export type RawAttachment = z.infer<typeof attachmentSchema>
