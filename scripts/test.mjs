/**
 * `npm test`: every check, as CI runs it. The production build first (it type-checks), then
 * the browser tests against it while lint and the unit tests run beside them: the browser
 * tests leave part of two cores idle (they wait on pages), and the checks fit in that.
 * The browser tests' output streams; the others' is printed whole once each is done. Any
 * failure fails the command; a failed lint or unit run stops the browser tests at once.
 * Then scripts/feed-smoke.mjs builds the site from four feeds of other shapes, each as
 * public/feed.json of a copy of the project, and smoke-tests each build.
 *
 *   node scripts/test.mjs
 */
import { spawn } from 'node:child_process'

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const running = new Set()

/** Runs `npm run <script>`; resolves with its exit code and, when captured, its output. */
function npmRun(script, { capture = false, args = [] } = {}) {
  const child = spawn(NPM, ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], {
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    // A group of its own, so that stopping it stops what it started (browsers, the server).
    detached: true,
  })
  running.add(child)
  child.on('exit', () => running.delete(child))
  let output = ''
  if (capture) {
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
  }
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }))
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
  return { child, done }
}

function report(name, { code, output }) {
  console.log(`\n── ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} ──`)
  if (output) console.log(output.trimEnd())
}

async function main() {
  const build = await npmRun('build:test').done
  if (build.code !== 0) return build.code
  const e2e = npmRun('test:e2e')
  // One Vitest worker: the second core is the browser tests'.
  const checks = (async () => {
    const lint = await npmRun('lint', { capture: true }).done
    report('lint', lint)
    if (lint.code !== 0) return lint.code
    const unit = await npmRun('test:unit', { capture: true, args: ['--maxWorkers=1'] }).done
    report('unit tests', unit)
    return unit.code
  })()
  const checksCode = await checks
  if (checksCode !== 0) {
    process.kill(-e2e.child.pid, 'SIGINT')
    await e2e.done
    return checksCode
  }
  const { code } = await e2e.done
  if (code !== 0) return code
  // Last, as a publisher would: the site built from feeds of other shapes, and smoke-tested.
  const smoke = spawn(process.execPath, ['scripts/feed-smoke.mjs'], {
    stdio: 'inherit',
    detached: true,
  })
  running.add(smoke)
  return new Promise((resolve) =>
    smoke.on('exit', (exit, signal) => resolve(exit ?? (signal ? 1 : 0))),
  )
}

// Stopped (Ctrl-C), it stops the browser tests' group too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) {
      try {
        process.kill(-child.pid, signal)
      } catch {
        // Already gone.
      }
    }
    process.exit(1)
  })
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
