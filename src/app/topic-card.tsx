import type { ComponentProps } from 'react'
import { FollowButton } from '../features/reading/follow-button'
import { EntityDialog } from '../features/topics/entity-dialog'

/** The entity card with its Follow button (an embed's card has none: it has no Following). */
export default function TopicCard(props: ComponentProps<typeof EntityDialog>) {
  const { topic } = props.entry
  return (
    <EntityDialog
      {...props}
      actions={
        props.inline ? undefined : (
          <FollowButton follow={{ kind: 'topic', id: topic.id, name: topic.name }} />
        )
      }
    />
  )
}
