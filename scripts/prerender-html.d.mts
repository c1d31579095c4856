export declare function escapeHtml(text: unknown): string
export declare function findableSections(html: string): string
export declare function storyFolder(id: string): string | null
export interface PrerenderStory {
  title: string
  summary?: string
  image?: string
  bannerImage?: string
  published?: string
  modified?: string
  language?: string
}
export declare function storyHeadTags(story: PrerenderStory, feed: { title: string }): string
/** What a page built ahead of time is made from, beside index.html and the rendered route. */
export interface BuiltPageOptions {
  path: string
  feedPath: string
  feed: { title: string; description?: string }
  data?: unknown
  preload?: string[]
  afterPaint: string
  builtAt?: string
}
export declare function storyPage(
  template: string,
  rendered: string,
  options: BuiltPageOptions & { story: PrerenderStory },
): string
export declare function listPage(
  template: string,
  rendered: string,
  options: BuiltPageOptions & { builtFor: string },
): string
