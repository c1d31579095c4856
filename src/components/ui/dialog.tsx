import { useLayoutEffect, useRef, type ComponentProps, type RefObject } from 'react'

type Props = Omit<ComponentProps<'dialog'>, 'ref'> & {
  ref?: RefObject<HTMLDialogElement | null>
  /** Escape: the owner closes it (unmounts it). Without it, the browser does. */
  onClose?: () => void
  /** Non-modal: opened in place, in the page's flow (an embed's card); Escape still closes it. */
  inline?: boolean
  returnFocus?: () => void
}

/** A <dialog>, opened when it mounts (modal unless `inline`) and closed when it unmounts. */
export function Dialog({ ref, onClose, inline = false, returnFocus, className, ...props }: Props) {
  const own = useRef<HTMLDialogElement>(null)
  const dialog = ref ?? own
  const focusBack = useRef(returnFocus)
  useLayoutEffect(() => {
    const element = dialog.current
    if (!element || element.open) return
    if (inline) {
      element.show()
      element.querySelector<HTMLElement>('button')?.focus()
    } else element.showModal()
    const back = focusBack.current
    return () => {
      element.close()
      back?.()
    }
  }, [dialog, inline])

  return (
    <dialog
      ref={dialog}
      {...props}
      onCancel={(event) => {
        if (!onClose) return
        event.preventDefault()
        onClose()
      }}
      // A non-modal dialog gets no cancel event from Escape.
      onKeyDown={(event) => inline && event.key === 'Escape' && onClose?.()}
      className={`border border-line bg-raised text-ink ${inline ? '' : 'shadow-2xl backdrop:bg-scrim'} ${className ?? ''}`}
    />
  )
}
