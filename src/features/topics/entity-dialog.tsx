import { useId, useRef, type PointerEvent, type ReactNode, type RefObject } from 'react'
import { CloseIcon } from '../../components/ui/icons'
import { ErrorBoundary } from '../../components/ui/error-boundary'
import type { TopicEntry } from '../feed/feed-query'
import { EntityCardBody, KindBadge } from './entity-card'
import { chipId } from './topic-links'
import { IconButton } from '../../components/ui/button'
import { Dialog } from '../../components/ui/dialog'

type Props = {
  entry: TopicEntry
  currentStoryId?: string
  onClose: () => void
  /** In place under the chips, non-modal: an embed's frame may be a few hundred pixels high. */
  inline?: boolean
  /** Under the topic's name: the app's Follow button. */
  actions?: ReactNode
}

/**
 * The entity card: a bottom sheet on phones, a side panel on wider screens. The URL owns
 * whether it is open: closing asks the parent to change it, and focus goes back to the chip.
 */
export function EntityDialog({ entry, currentStoryId, onClose, inline = false, actions }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const topicId = entry.topic.id
  const drag = useDragToClose(ref, onClose)

  return (
    // A card of another topic is a new dialog, and closing one returns focus to its chip.
    <Dialog
      key={topicId}
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      inline={inline}
      returnFocus={() => document.getElementById(chipId(topicId))?.focus()}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (!inline && event.target === event.currentTarget) onClose()
      }}
      className={inline ? inlineClasses : modalClasses}
    >
      <div
        className={inline ? 'flex flex-col' : 'flex max-h-[85dvh] flex-col sm:h-full sm:max-h-none'}
      >
        {!inline && (
          <div
            onPointerDown={drag.start}
            onPointerMove={drag.move}
            onPointerUp={drag.end}
            onPointerCancel={drag.cancel}
            className="flex h-6 shrink-0 cursor-grab touch-none items-center justify-center sm:hidden"
            aria-hidden="true"
          >
            <div className="h-1.5 w-10 rounded-full bg-line" />
          </div>
        )}
        <header className="flex items-start justify-between gap-3 px-5 pt-3 pb-2 sm:px-6 sm:pt-6">
          <div className="min-w-0">
            <KindBadge kind={entry.topic.kind} />
            <h2
              id={titleId}
              className="mt-1 font-serif text-2xl leading-tight font-semibold"
              dir="auto"
            >
              {entry.topic.name}
            </h2>
            {actions && <div className="mt-3">{actions}</div>}
          </div>
          <IconButton label="Close" onClick={onClose} className="-mr-2">
            <CloseIcon className="size-5" />
          </IconButton>
        </header>
        <div
          className={
            inline ? 'px-5 pb-5 sm:px-6' : 'overflow-y-auto overscroll-contain px-5 pb-8 sm:px-6'
          }
        >
          <ErrorBoundary fallback={() => <p role="alert">This card could not be shown.</p>}>
            <EntityCardBody entry={entry} currentStoryId={currentStoryId} />
          </ErrorBoundary>
        </div>
      </div>
    </Dialog>
  )
}

const modalClasses =
  'm-0 mt-auto max-h-[85dvh] w-full max-w-none overflow-hidden rounded-t-2xl p-0 motion-safe:animate-[sheet-in_200ms_ease-out] sm:mt-0 sm:mr-0 sm:ml-auto sm:h-dvh sm:max-h-none sm:w-[26rem] sm:rounded-none sm:rounded-l-2xl sm:motion-safe:animate-[panel-in_180ms_ease-out] lg:backdrop:bg-transparent'

const inlineClasses =
  'relative mt-4 w-full rounded-2xl p-0 shadow-sm motion-safe:animate-[fade-in_150ms_ease-out]'

/** On a phone the sheet follows a downward drag of its handle and closes past a threshold. */
function useDragToClose(ref: RefObject<HTMLDialogElement | null>, onClose: () => void) {
  const startY = useRef<number | null>(null)
  const offset = (dy: number) => {
    if (ref.current) ref.current.style.transform = dy > 0 ? `translateY(${dy}px)` : ''
  }
  const stop = (dy = 0) => {
    startY.current = null
    offset(0)
    if (dy > 80) onClose()
  }
  return {
    start(event: PointerEvent) {
      startY.current = event.clientY
      event.currentTarget.setPointerCapture(event.pointerId)
    },
    move(event: PointerEvent) {
      if (startY.current !== null) offset(event.clientY - startY.current)
    },
    end(event: PointerEvent) {
      if (startY.current !== null) stop(event.clientY - startY.current)
    },
    cancel: () => stop(),
  }
}
