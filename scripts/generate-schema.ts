import { writeFileSync } from 'node:fs'
import { feedJsonSchemaText } from './feed-json-schema'

const target = new URL('../public/feed.schema.json', import.meta.url)
writeFileSync(target, feedJsonSchemaText())
console.log(`Wrote ${target.pathname}`)
