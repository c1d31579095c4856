/*
 * What each shortcut key does. They act on elements that mark themselves with
 * data-shortcut, so no screen has to know about them:
 *   story       a story link in a list (j / k move between them, o opens)
 *   section     a section's heading button ([ / ] move between them)
 *   toggle-all  "Show all sections" (e)
 *   save        "Save" (s)
 */

function targets(kind: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-shortcut="${kind}"]`)]
}

function step(kind: string, direction: 1 | -1) {
  const list = targets(kind)
  if (list.length === 0) return
  const index = list.indexOf(document.activeElement as HTMLElement)
  const next = list[index === -1 ? (direction === 1 ? 0 : list.length - 1) : index + direction]
  if (!next) return
  next.focus()
  next.scrollIntoView({ block: 'nearest' })
}

const actions: Record<string, () => void> = {
  j: () => step('story', 1),
  k: () => step('story', -1),
  o: () => {
    const active = document.activeElement as HTMLElement | null
    ;(active?.dataset.shortcut === 'story' ? active : targets('story')[0])?.click()
  },
  ']': () => step('section', 1),
  '[': () => step('section', -1),
  e: () => targets('toggle-all')[0]?.click(),
  s: () => targets('save')[0]?.click(),
}

export function runShortcut(key: string): void {
  actions[key]?.()
}
