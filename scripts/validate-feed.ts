/*
 * npm run validate-feed -- <file or URL>
 * Prints every problem with its JSON path; exits 1 on errors, 2 when it cannot read.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { validateFeedDocument } from '../src/features/feed/validate-feed'

const target = process.argv[2]
if (!target) {
  console.error('Usage: npm run validate-feed -- <file or URL>')
  process.exit(2)
}
const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
const isUrl = /^https?:\/\//i.test(target)
const text = await (async () => {
  if (!isUrl) return readFile(target, 'utf8')
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000) })
  if (!response.ok) throw new Error(`the server answered ${response.status}`)
  return response.text()
})().catch((error: unknown) => {
  console.error(`Could not read ${target}: ${message(error)}`)
  process.exit(2)
})

let json: unknown
try {
  json = JSON.parse(text)
} catch (error) {
  console.error(`error  $  Not valid JSON: ${message(error)}`)
  process.exit(1)
}

// A feed's text reaches the publisher's terminal: escape sequences in it must not drive it.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const print = (line: string) =>
  console.log(
    line.replace(unprintable, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`),
  )

const report = validateFeedDocument(json, isUrl ? target : pathToFileURL(resolve(target)).href)
for (const e of report.errors) print(`error    ${e.path}  ${e.message}`)
for (const w of report.warnings) print(`warning  ${w.path}  ${w.message}`)
console.log(
  `${report.errors.length} errors, ${report.warnings.length} warnings; ${report.stories} stories would be shown.`,
)
process.exit(report.errors.length > 0 ? 1 : 0)
