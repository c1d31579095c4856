/** Joins class names, skipping falsy ones; `className` from props goes last. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(' ')
}
