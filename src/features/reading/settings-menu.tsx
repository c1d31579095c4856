import { lazy, Suspense, useLayoutEffect, useState } from 'react'
import { ErrorBoundary } from '../../components/ui/error-boundary'
import { SettingsIcon } from '../../components/ui/icons'
import { useStore } from '../../lib/storage'
import { applySettings, settingsStore } from './settings'

const SettingsPanel = lazy(() => import('./settings-panel'))

/** Theme and text size, tucked behind one button; the browser's popover handles dismissal. */
export function SettingsMenu() {
  const settings = useStore(settingsStore)
  // The choices load when the reader reaches for the button, before the panel opens.
  const [wanted, setWanted] = useState(false)
  const want = () => setWanted(true)

  useLayoutEffect(() => applySettings(settings), [settings])

  return (
    <>
      <button
        type="button"
        popoverTarget="settings-panel"
        onPointerEnter={want}
        onPointerDown={want}
        onFocus={want}
        className="inline-flex size-11 items-center justify-center rounded-full text-muted hover:bg-sunken hover:text-ink"
      >
        <SettingsIcon />
        <span className="sr-only">Settings</span>
      </button>
      <div
        id="settings-panel"
        popover="auto"
        role="group"
        aria-label="Settings"
        onToggle={want}
        className="fixed inset-auto top-14 right-3 m-0 w-72 rounded-2xl border border-line bg-raised p-4 text-ink shadow-xl"
      >
        {wanted && (
          <ErrorBoundary
            fallback={() => <p role="alert">The settings could not be loaded. Try again online.</p>}
          >
            {/* As tall as the two rows of choices, so the panel does not grow as they arrive. */}
            <Suspense fallback={<div className="h-44" />}>
              <SettingsPanel />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
    </>
  )
}
