/**
 * The system Chromium the browser tests run in, shared by playwright.config.ts and
 * scripts/ensure-chromium.mjs. Playwright never downloads one.
 *
 * In order: $CHROME_PATH; Debian's headless shell (package "chromium-headless-shell"), the
 * same Chromium without the desktop browser around it, as Playwright's own headless runs
 * use: the browser tests take a fifth less time in it on two cores; then the full browser
 * at its usual paths.
 */
import { accessSync, constants } from 'node:fs'
import process from 'node:process'

export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell'
const CHROMIUM_BROWSERS = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
])

export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable of $CHROME_PATH, the headless shell and the full browsers. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH
  return [fromEnv, HEADLESS_SHELL, ...CHROMIUM_BROWSERS].find(
    (file) => !!file && isExecutable(file),
  )
}
