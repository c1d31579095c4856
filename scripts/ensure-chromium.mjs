/**
 * Makes sure the browser tests have a Chromium, before `playwright test` runs.
 * Playwright never downloads a browser here: it uses the system's, found as
 * scripts/chromium-path.mjs says ($CHROME_PATH, Debian's headless shell, then the full
 * browser). When there is none and we are root on Debian (CI, a fresh machine), Debian's own
 * "chromium" and "chromium-headless-shell" packages are installed with apt-get.
 */
import console from 'node:console'
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { HEADLESS_SHELL, findChromium, isExecutable } from './chromium-path.mjs'

const MISSING =
  'No Chromium found: install Debian\'s "chromium-headless-shell" or "chromium" package (apt-get install -y chromium-headless-shell) or set CHROME_PATH.'

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
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv && !isExecutable(fromEnv)) {
    console.warn(`CHROME_PATH=${fromEnv} is not an executable file; looking elsewhere.`)
  }
  let chromium = findChromium()
  if (!chromium && canInstallWithApt()) {
    console.log('No Chromium found: installing Debian\'s "chromium" and its headless shell.')
    if (aptGet('update')) aptGet('install', '-y', 'chromium', 'chromium-headless-shell')
    chromium = findChromium()
  }
  if (!chromium) {
    console.error(MISSING)
    process.exit(1)
  }
  console.log(`Using Chromium at ${chromium}`)
  if (chromium !== fromEnv && chromium !== HEADLESS_SHELL) {
    console.log(
      'Debian\'s "chromium-headless-shell" package would run the browser tests about a fifth faster.',
    )
  }
}

main()
