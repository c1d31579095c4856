/**
 * Makes sure the browser tests have a Chromium, before `playwright test` runs.
 * Playwright never downloads a browser here: it uses the system's, found in this order:
 * $CHROME_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome
 * (playwright.config.ts looks in the same places). When there is none and we are root on
 * Debian (CI, a fresh machine), Debian's own "chromium" package is installed with apt-get.
 */
import console from 'node:console'
import { accessSync, constants, existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import process from 'node:process'

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
]

const MISSING =
  'No Chromium found: install Debian\'s "chromium" package (apt-get install -y chromium) or set CHROME_PATH.'

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function findChromium() {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    console.warn(`CHROME_PATH=${fromEnv} is not an executable file; looking elsewhere.`)
  }
  return CHROMIUM_CANDIDATES.find(isExecutable)
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  return isRoot && existsSync('/etc/debian_version') && hasApt
}

function aptGet(...args) {
  console.log(`$ apt-get ${args.join(' ')}`)
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  return result.status === 0
}

function main() {
  let chromium = findChromium()
  if (!chromium && canInstallWithApt()) {
    console.log('No Chromium found: installing Debian\'s "chromium" package.')
    if (aptGet('update')) aptGet('install', '-y', 'chromium')
    chromium = findChromium()
  }
  if (!chromium) {
    console.error(MISSING)
    process.exit(1)
  }
  console.log(`Using Chromium at ${chromium}`)
}

main()
