/** The id of a topic's chip, so focus can return to it when its card closes. */
export function chipId(topicId: string): string {
  return `topic-chip-${topicId}`
}

export const TOPIC_PARAM = 'topic'
