import { createStore } from '../../lib/storage'

export const themes = ['system', 'light', 'dark'] as const
export const textSizes = ['small', 'medium', 'large', 'larger'] as const
export type Settings = { theme: (typeof themes)[number]; textSize: (typeof textSizes)[number] }

const defaults: Settings = { theme: 'system', textSize: 'medium' }

function parseSettings(value: unknown): Settings | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  return {
    theme: themes.find((t) => t === v.theme) ?? defaults.theme,
    textSize: textSizes.find((t) => t === v.textSize) ?? defaults.textSize,
  }
}

export const settingsStore = createStore('briefing:v1:settings', parseSettings, defaults)

/** Puts the reader's theme and text size on <html>, where the CSS reads them. */
export function applySettings(settings: Settings, root = document.documentElement) {
  if (settings.theme === 'system') delete root.dataset.theme
  else root.dataset.theme = settings.theme
  root.dataset.textSize = settings.textSize
}
