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

const base = isUrl ? target : pathToFileURL(resolve(target)).href
const report = validateFeedDocument(json, base)
for (const e of report.errors) console.log(`error    ${e.path}  ${e.message}`)
for (const w of report.warnings) console.log(`warning  ${w.path}  ${w.message}`)
console.log(
  `${report.errors.length} errors, ${report.warnings.length} warnings; ${report.stories} stories would be shown.`,
)
process.exit(report.errors.length > 0 ? 1 : 0)
