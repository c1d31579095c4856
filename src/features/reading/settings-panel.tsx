import { useStore } from '../../lib/storage'
import { settingsStore, textSizes, themes, type Settings } from './settings'

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

/** The settings panel's choices, loaded the first time the reader reaches for them. */
export default function SettingsPanel() {
  const settings = useStore(settingsStore)
  const update = (patch: Partial<Settings>) => settingsStore.set((s) => ({ ...s, ...patch }))
  return (
    <>
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
    </>
  )
}
