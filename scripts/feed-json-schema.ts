import * as z from 'zod/mini'
import { feedSchema } from '../src/features/feed/schema'

/** The published JSON Schema of the feed format, made from the reader's own schema. */
export function feedJsonSchema() {
  return {
    ...z.toJSONSchema(feedSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://briefing.example/feed.schema.json',
    title: 'Briefing story feed (JSON Feed 1.1 with the _story extension)',
    description:
      'A JSON Feed 1.0 or 1.1 document. Items may carry a `_story` object with ordered sections and topics. Generated from src/features/feed/schema.ts by `npm run schema`.',
  }
}

export function feedJsonSchemaText(): string {
  return `${JSON.stringify(feedJsonSchema(), null, 2)}\n`
}
