import type { Story } from '../src/features/feed/parse-feed'

export interface StoryRecord {
  doc: {
    u: string
    t: string
    d?: string
    p: string
    x: [id: string, title: string, text: string][]
  }
  strong: Set<string>
  all: Set<string>
  filters: { topic: string[]; tag: string[]; month?: string }
}

export declare function storyRecord(
  story: Story,
  tools: {
    storyPath: (story: Story) => string
    htmlToText: (html: string) => string
    words: (text: string) => string[]
  },
): StoryRecord

export declare function deltas(numbers: number[]): number[]
