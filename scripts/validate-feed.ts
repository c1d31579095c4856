import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { validateFeedDocument } from '../src/features/feed/validate-feed'

/*
 * npm run validate-feed -- <file or URL>
 * Prints every problem with its JSON path; exits 1 on errors, 2 when it cannot read.
 */
const target = process.argv[2]
if (!target) {
  console.error('Usage: npm run validate-feed -- <file or URL>')
  process.exit(2)
}

const isUrl = /^https?:\/\//i.test(target)
let text: string
try {
  if (isUrl) {
    const response = await fetch(target, { signal: AbortSignal.timeout(15_000) })
    if (!response.ok) throw new Error(`the server answered ${response.status}`)
    text = await response.text()
  } else {
    text = await readFile(target, 'utf8')
  }
} catch (error) {
  console.error(
    `Could not read ${target}: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(2)
}

let json: unknown
try {
  json = JSON.parse(text)
} catch (error) {
  console.error(
    `error  $  Not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exit(1)
}

// A feed's text reaches the publisher's terminal: escape sequences in it must not drive it.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const printable = (text: string) =>
  text.replace(unprintable, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)

const base = isUrl ? target : pathToFileURL(resolve(target)).href
const report = validateFeedDocument(json, base)
for (const e of report.errors) console.log(printable(`error    ${e.path}  ${e.message}`))
for (const w of report.warnings) console.log(printable(`warning  ${w.path}  ${w.message}`))
console.log(
  `${report.errors.length} errors, ${report.warnings.length} warnings; ${report.stories} stories would be shown.`,
)
process.exit(report.errors.length > 0 ? 1 : 0)
