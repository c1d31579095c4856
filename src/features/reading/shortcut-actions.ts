// What each key does, to elements marked with data-shortcut: no screen has to know about them.

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
