import type { ComponentProps } from 'react'

const pill = 'inline-flex min-h-11 items-center rounded-full font-sans font-semibold'

/** Button classes by their part on the screen: strings, so each costs its users only a name. */
export const buttonClass = {
  /** The one thing to do in a dialog or a lazy screen: Copy, Close, Try again. */
  primary: `${pill} bg-accent px-5 text-paper hover:opacity-90`,
}

/** A round 44 px button showing only an icon; `label` is what it says to assistive technology. */
export function IconButton({
  label,
  className,
  children,
  ...props
}: ComponentProps<'button'> & { label: string }) {
  return (
    <button
      type="button"
      {...props}
      className={`inline-flex size-11 shrink-0 items-center justify-center rounded-full text-muted hover:bg-sunken hover:text-ink ${className ?? ''}`}
    >
      {children}
      <span className="sr-only">{label}</span>
    </button>
  )
}
