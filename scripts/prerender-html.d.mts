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
export declare function storyPage(
  template: string,
  rendered: string,
  options: {
    path: string
    feedPath: string
    story: PrerenderStory
    feed: { title: string; description?: string }
    data?: unknown
    preload?: string[]
    afterPaint: string
    builtAt?: string
  },
): string
