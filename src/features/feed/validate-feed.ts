import { isTopicKind } from './feed-format'
import { feedEnvelopeSchema, itemSchema, type RawItem } from './schema'
import { describeEnvelopeProblem, describeIssue, formatPath, parseFeed } from './parse-feed'
import type { FeedProblem } from './parse-feed'

export type Report = { errors: FeedProblem[]; warnings: FeedProblem[]; stories: number }

/** For publishers: errors (what the reader refuses) and warnings (what it repairs or drops). */
export function validateFeedDocument(json: unknown, feedUrl: string): Report {
  const envelope = feedEnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    const errors = [
      // What the reader says when it refuses the document.
      { path: '$', message: describeEnvelopeProblem(json) },
      ...envelope.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: describeIssue(issue, json),
      })),
    ]
    return { errors, warnings: [], stories: 0 }
  }
  const errors: FeedProblem[] = []
  const warnings: FeedProblem[] = []
  envelope.data.items.forEach((value, index) => {
    const result = itemSchema.safeParse(value)
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({
          path: formatPath(['items', index, ...issue.path]),
          message: describeIssue(issue, value),
        })
      }
      return
    }
    warnings.push(...itemWarnings(result.data, index))
  })
  const parsed = parseFeed(json, feedUrl)
  for (const problem of parsed.problems) {
    if (problem.message.startsWith('Duplicate')) errors.push(problem)
  }
  return { errors, warnings, stories: parsed.stories.length }
}

const urlKeys = ['url', 'external_url', 'image', 'banner_image'] as const

function itemWarnings(item: RawItem, index: number): FeedProblem[] {
  const at = (...parts: PropertyKey[]) => formatPath(['items', index, ...parts])
  const warnings: FeedProblem[] = []
  const warn = (path: string, message: string) => warnings.push({ path, message })
  const checkUrl = (value: string | undefined, path: string) => {
    if (value !== undefined && !/^https?:\/\//i.test(value.trim())) {
      warn(
        path,
        `Not an absolute http(s) URL: ${JSON.stringify(value)}. Only http(s) URLs are followed.`,
      )
    }
  }
  for (const key of urlKeys) checkUrl(item[key], at(key))
  const authorKey = item.authors ? 'authors' : 'author'
  ;(item.authors ?? (item.author ? [item.author] : [])).forEach((author, i) => {
    const where = item.authors ? [authorKey, i] : [authorKey]
    checkUrl(author.url, at(...where, 'url'))
    checkUrl(author.avatar, at(...where, 'avatar'))
  })
  item.attachments?.forEach((attachment, i) =>
    checkUrl(attachment.url, at('attachments', i, 'url')),
  )
  if (item._story && !item.content_text && !item.content_html) {
    warn(at('content_text'), 'No content_text: other feed readers will show an empty item.')
  }
  const sectionIds = new Set<string>()
  item._story?.sections?.forEach((section, i) => {
    const id = at('_story', 'sections', i, 'id')
    if (section.id === undefined) warn(id, 'No id: one is made from the title.')
    else if (sectionIds.has(String(section.id))) warn(id, 'Duplicate section id: the first wins.')
    else sectionIds.add(String(section.id))
    section.sources?.forEach((source, j) =>
      checkUrl(source.url, at('_story', 'sections', i, 'sources', j, 'url')),
    )
  })
  item._story?.topics?.forEach((topic, i) => {
    const where = (key: string) => at('_story', 'topics', i, key)
    if (topic.id === undefined) warn(where('id'), 'No id: one is made from the name.')
    if (topic.kind !== undefined && !isTopicKind(topic.kind)) {
      warn(where('kind'), `Unknown kind ${JSON.stringify(topic.kind)}: shown as "other".`)
    }
    checkUrl(topic.url, where('url'))
    checkUrl(topic.image, where('image'))
  })
  return warnings
}
