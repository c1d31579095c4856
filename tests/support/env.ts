import { accessSync, constants } from 'node:fs'

/**
 * Where `node scripts/serve.mjs` serves the build during the browser tests: 4173, or
 * E2E_PORT when that port is taken (another checkout's test run, `npm run preview`).
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 4173)
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`

/**
 * The system Chromium: $CHROME_PATH, then Debian's and others' usual paths.
 * Keep in step with scripts/ensure-chromium.mjs, which installs one when there is none.
 */
export function chromiumPath(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]
  return candidates.find((file): file is string => {
    if (!file) return false
    try {
      accessSync(file, constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}
