/**
 * The system Chromium every browser the project starts runs in (browser tests, benchmarks,
 * icons); Playwright never downloads one. `node scripts/chromium.mjs`, before the browser
 * tests, says which it is or, when there is none and we are root on Debian (CI, a fresh
 * machine), installs Debian's "chromium" and "chromium-headless-shell" with apt-get.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/**
 * No sandbox (root in CI), no GPU, and none of the browser's own network traffic (updates,
 * sync, QUIC probes) on a machine that may be offline. Add `--headless` where the launcher
 * does not.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
])

// The same Chromium without the desktop browser around it, as Playwright's own headless runs
// use: the browser tests take a fifth less time in it on two cores.
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell'

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable of $CHROME_PATH, Debian's headless shell and the full browsers. */
export const findChromium = () =>
  [
    process.env.CHROME_PATH,
    HEADLESS_SHELL,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].find((file) => !!file && isExecutable(file))

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv && !isExecutable(fromEnv))
    console.warn(`CHROME_PATH=${fromEnv} is not an executable file; looking elsewhere.`)
  const aptGet = (...args) => {
    console.log(`$ apt-get ${args.join(' ')}`)
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    return spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0
  }
  if (!findChromium() && process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    console.log('No Chromium found: installing Debian\'s "chromium" and its headless shell.')
    if (aptGet('update')) aptGet('install', '-y', 'chromium', 'chromium-headless-shell')
  }
  const chromium = findChromium()
  if (!chromium) {
    console.error(
      'No Chromium found: install Debian\'s "chromium-headless-shell" or "chromium" package (apt-get install -y chromium-headless-shell) or set CHROME_PATH.',
    )
    process.exit(1)
  }
  console.log(`Using Chromium at ${chromium}`)
  if (chromium !== fromEnv && chromium !== HEADLESS_SHELL)
    console.log(
      'Debian\'s "chromium-headless-shell" package would run the browser tests about a fifth faster.',
    )
}
