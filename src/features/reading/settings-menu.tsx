import { useLayoutEffect } from 'react'
import { useStore } from '../../lib/storage'
import { applySettings, settingsStore, textSizes, themes, type Settings } from './settings'

const themeLabels: Record<Settings['theme'], string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
}
const sizeLabels: Record<Settings['textSize'], string> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  larger: 'Larger',
}

/** Theme and text size, tucked behind one button; the browser's popover handles dismissal. */
export function SettingsMenu() {
  const settings = useStore(settingsStore)

  useLayoutEffect(() => applySettings(settings), [settings])

  const update = (patch: Partial<Settings>) => settingsStore.set((s) => ({ ...s, ...patch }))

  return (
    <>
      <button
        type="button"
        popoverTarget="settings-panel"
        className="inline-flex size-11 items-center justify-center rounded-full text-muted hover:bg-sunken hover:text-ink"
      >
        <svg
          viewBox="0 0 24 24"
          width="20"
          height="20"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M4 7h10M18 7h2M4 17h4M12 17h8" strokeLinecap="round" />
          <circle cx="16" cy="7" r="2" />
          <circle cx="10" cy="17" r="2" />
        </svg>
        <span className="sr-only">Settings</span>
      </button>
      <div
        id="settings-panel"
        popover="auto"
        role="group"
        aria-label="Settings"
        className="fixed inset-auto top-14 right-3 m-0 w-72 rounded-2xl border border-line bg-raised p-4 text-ink shadow-xl"
      >
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">Theme</legend>
          <div className="grid grid-cols-3 gap-1 rounded-full bg-sunken p-1">
            {themes.map((theme) => (
              <label
                key={theme}
                className="flex min-h-11 cursor-pointer items-center justify-center rounded-full text-sm has-checked:bg-raised has-checked:font-semibold has-checked:shadow-sm has-focus-visible:outline-3 has-focus-visible:outline-accent"
              >
                <input
                  type="radio"
                  name="theme"
                  className="sr-only"
                  checked={settings.theme === theme}
                  onChange={() => update({ theme })}
                />
                {themeLabels[theme]}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="mt-4">
          <legend className="mb-2 text-sm font-semibold">Text size</legend>
          <div className="grid grid-cols-4 gap-1 rounded-full bg-sunken p-1">
            {textSizes.map((size, i) => (
              <label
                key={size}
                className="flex min-h-11 cursor-pointer items-center justify-center rounded-full font-serif has-checked:bg-raised has-checked:font-semibold has-checked:shadow-sm has-focus-visible:outline-3 has-focus-visible:outline-accent"
                style={{ fontSize: `${0.85 + i * 0.15}rem` }}
              >
                <input
                  type="radio"
                  name="text-size"
                  className="sr-only"
                  checked={settings.textSize === size}
                  onChange={() => update({ textSize: size })}
                />
                <span aria-hidden="true">A</span>
                <span className="sr-only">{sizeLabels[size]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {settingsStore.mode() === 'memory' && (
          <p className="mt-3 text-xs text-muted">
            This browser is not keeping settings, so they last until the tab closes.
          </p>
        )}
      </div>
    </>
  )
}
