/**
 * `npm test`: every check, as CI runs it. The production build first (it type-checks), then
 * the browser tests against it while lint and the unit tests run beside them: the browser
 * tests leave part of two cores idle (they wait on pages), and the checks fit in that.
 * The browser tests' output streams; the others' is printed whole once each is done. Any
 * failure fails the command; a failed lint or unit run stops the browser tests at once.
 * Last, as a publisher would: scripts/feed-smoke.mjs builds the site from four feeds of
 * other shapes and smoke-tests each build.
 */
import { spawn } from 'node:child_process'

const running = new Set()

/**
 * Starts a command in a process group of its own, so that stopping it stops what it started
 * (browsers, the server); `done` resolves with its exit code and, when captured, its output.
 */
function start(command, args, capture = false) {
  const stdio = capture ? ['ignore', 'pipe', 'pipe'] : 'inherit'
  const child = spawn(command, args, { stdio, detached: true })
  running.add(child)
  let output = ''
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (c) => (output += c))
  const done = new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }))
    child.on('exit', (code, signal) => {
      running.delete(child)
      resolve({ code: code ?? (signal ? 1 : 0), output })
    })
  })
  return { child, done }
}

const npm = (script, capture = false, ...args) =>
  start('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], capture)

function report(name, { code, output }) {
  console.log(`\n── ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} ──`)
  if (output) console.log(output.trimEnd())
}

async function main() {
  const build = await npm('build:test').done
  if (build.code !== 0) return build.code
  const e2e = npm('test:e2e')
  const lint = await npm('lint', true).done
  report('lint', lint)
  // One Vitest worker: the second core is the browser tests'.
  const unit = lint.code === 0 ? await npm('test:unit', true, '--maxWorkers=1').done : lint
  if (lint.code === 0) report('unit tests', unit)
  if (unit.code !== 0) {
    process.kill(-e2e.child.pid, 'SIGINT')
    await e2e.done
    return unit.code
  }
  const { code } = await e2e.done
  if (code !== 0) return code
  return (await start(process.execPath, ['scripts/feed-smoke.mjs']).done).code
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
