import type { FeedPage, Story, Topic } from './parse-feed'

/*
 * What the reader keeps of a feed page. A feed in one document is kept whole (the byte limit
 * bounds it). A paged feed has no bound: a long page of it keeps of each story only what
 * lists, filters and topic cards show; its text is read again when it opens (story-body.ts).
 * 100,000 stories then take a fifth of the memory they would whole.
 */

/** Pages of a paged feed with more stories than this keep them lean. */
export const LEAN_PAGE_OVER = 200

const none: never[] = []

/** `only`: just the story with this id, whole. `later`: the page was reached by a `next_url`. */
export type Keep = { only?: string; later?: boolean }

export function pageForReader(page: FeedPage, url: string, { only, later }: Keep = {}): FeedPage {
  if (only !== undefined) return { ...page, stories: page.stories.filter((s) => s.id === only) }
  const paged = later || page.nextUrl !== undefined
  if (!paged || page.stories.length <= LEAN_PAGE_OVER) return page
  // Many stories of a page share their topics, and their lists of topics and of tags: one
  // object for each, not one per story (a worker's message keeps them shared).
  const shared = sharing<Topic>()
  const topicLists = sharing<Topic[]>()
  const tagLists = sharing<string[]>()
  const stories = page.stories.map((story) =>
    lean(
      story,
      story.tags.length === 0 ? none : tagLists(story.tags),
      story.topics.length === 0 ? none : topicLists(story.topics.map(shared)),
      url,
    ),
  )
  return { ...page, stories }
}

/** A page with every story but `id` lean, their text to be read from `feedUrl`. */
export function leanExcept(page: FeedPage, id: string, feedUrl: string): FeedPage {
  return {
    ...page,
    stories: page.stories.map((s) => (s.id === id ? s : lean(s, s.tags, s.topics, feedUrl))),
  }
}

/** What a story's built page carries of a long feed: it and a few on its topics (cards). */
export function aroundStory(page: FeedPage, story: Story, others = 12): FeedPage {
  const topics = new Set(story.topics.map((topic) => topic.id))
  const stories = page.stories.filter((s) => {
    if (s === story) return true
    if (others === 0 || !s.topics.some((topic) => topics.has(topic.id))) return false
    others--
    return true
  })
  return { ...page, stories }
}

function lean(story: Story, tags: string[], topics: Topic[], bodyFrom: string): Story {
  return {
    id: story.id,
    slug: story.slug,
    title: story.title,
    hasTitle: story.hasTitle,
    summary: story.summary,
    published: story.published,
    modified: story.modified,
    language: story.language,
    tags,
    topics,
    isStory: story.isStory,
    authors: none,
    attachments: none,
    sections: none,
    bodyFrom,
  }
}

/** One object for each distinct value (by `key`), remembering at most `limit` of them. */
function sharing<T>(key: (value: T) => string = JSON.stringify, limit = Infinity): (value: T) => T {
  const known = new Map<string, T>()
  return (value) => {
    const name = key(value)
    const first = known.get(name)
    if (first !== undefined) return first
    if (known.size < limit) known.set(name, value)
    return value
  }
}

// Tags, topics and lists of them that pages of one feed repeat; bounded, for a feed whose
// every story has its own.
const seenAcrossPages = sharing<unknown>(JSON.stringify, 20_000)
const seen = <T>(value: T): T => seenAcrossPages(value) as T

/**
 * Makes a worker's lean stories share what they repeat, with each other and earlier pages
 * (a message carries a copy for every place). Each is made again as an object V8 lays out
 * in one block (one a message delivers keeps most of its fields in a second).
 */
export function shareStrings(page: FeedPage): FeedPage {
  const one = sharing<string>((value) => value)
  // Lists the page shares arrive as one object each: each is looked up once.
  const lists = new Map<unknown[], unknown[]>()
  const shared = <T>(list: T[], make: () => T[]): T[] => {
    if (list.length === 0) return none
    let known = lists.get(list) as T[] | undefined
    if (!known) lists.set(list, (known = seen(make())))
    return known
  }
  const stories = page.stories.map((story): Story => {
    if (story.bodyFrom === undefined) return story
    const tags = shared(story.tags, () => story.tags.map(one))
    const topics = shared(story.topics, () => story.topics.map(seen))
    return new LeanStory(story, tags, topics, one(story.bodyFrom), one)
  })
  return { ...page, stories }
}

/**
 * A lean story as the main thread keeps it: what most have alike is on the prototype, not
 * in each of 100,000 objects (24 bytes a story). Never serialised: JSON would leave out
 * what the prototype holds (built pages carry plain objects from lean()).
 */
class LeanStory {
  declare authors: Story['authors']
  declare attachments: Story['attachments']
  declare sections: Story['sections']
  declare hasTitle: boolean
  declare isStory: boolean
  declare modified?: string
  declare language?: string
  id: string
  slug: string
  title: string
  summary: string | undefined
  published: string | undefined
  tags: string[]
  topics: Topic[]
  bodyFrom: string

  constructor(
    story: Story,
    tags: string[],
    topics: Topic[],
    bodyFrom: string,
    share: (value: string) => string,
  ) {
    this.id = story.id
    // The id's own string for a slug that is the id: a worker's copy is 5 MB in 100,000.
    this.slug = story.slug === story.id ? story.id : story.slug
    this.title = story.title
    this.summary = story.summary
    this.published = story.published
    this.tags = tags
    this.topics = topics
    this.bodyFrom = bodyFrom
    if (!story.hasTitle) this.hasTitle = false
    if (!story.isStory) this.isStory = false
    if (story.modified !== undefined) this.modified = story.modified
    if (story.language !== undefined) this.language = share(story.language)
  }
}
Object.assign(LeanStory.prototype, {
  authors: none,
  attachments: none,
  sections: none,
  hasTitle: true,
  isStory: true,
  modified: undefined,
  language: undefined,
})
