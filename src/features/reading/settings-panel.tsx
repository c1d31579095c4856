import { useState } from 'react'
import { useStore } from '../../lib/storage'
import { readingStore } from './reading-state'
import { settingsStore, textSizes, themes, type Settings } from './settings'
import { exportReading, importReading } from './transfer'

// The choices' names are their values, capitalised: "Dark", "Larger".
const named = (value: string) => value.charAt(0).toUpperCase() + value.slice(1)

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
              {named(theme)}
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
              <span className="sr-only">{named(size)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {settingsStore.mode() === 'memory' && (
        <p className="mt-3 text-xs text-muted">
          This browser is not keeping settings, so they last until the tab closes.
        </p>
      )}
      <ReadingTransfer />
    </>
  )
}

const transferClass =
  'inline-flex min-h-11 flex-1 cursor-pointer items-center justify-center rounded-full border border-line bg-raised px-3 text-sm font-semibold text-ink hover:border-accent hover:text-accent has-focus-visible:outline-3 has-focus-visible:outline-accent'

/** What the reader follows, read and saved, to a file and back (merged, nothing lost). */
function ReadingTransfer() {
  const [message, setMessage] = useState<{ text: string; error?: boolean }>()
  function download() {
    const url = URL.createObjectURL(
      new Blob([exportReading(readingStore.get())], { type: 'application/json' }),
    )
    const link = document.createElement('a')
    link.href = url
    link.download = 'briefing-reading.json'
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  async function upload(file: File | undefined) {
    if (!file) return
    try {
      const merged = importReading(await file.text(), readingStore.get())
      readingStore.set(merged)
      setMessage({
        text: `Imported: you follow ${merged.follows?.length ?? 0}, have read ${merged.read.length} and saved ${merged.saved.length}.`,
      })
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    }
  }
  return (
    <fieldset className="mt-4">
      <legend className="mb-2 text-sm font-semibold">What you follow, read and save</legend>
      <div className="flex gap-2">
        <button type="button" onClick={download} className={transferClass}>
          Export
        </button>
        <label className={transferClass}>
          Import…
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            onChange={(event) => {
              void upload(event.target.files?.[0])
              event.target.value = ''
            }}
          />
        </label>
      </div>
      <p
        role="status"
        className={`mt-2 text-xs empty:hidden ${message?.error ? 'text-warn' : 'text-muted'}`}
      >
        {message?.text}
      </p>
      {readingStore.mode() === 'memory' && (
        <p className="mt-2 text-xs text-muted">
          This browser is not keeping them: they last until the tab closes. Export them to keep
          them.
        </p>
      )}
    </fieldset>
  )
}
