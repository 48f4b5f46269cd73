import type * as z from 'zod/mini'
import {
  CONTENT_SCHEMA_VERSION,
  aggregatesSchema,
  chunkSchema,
  headSchema,
  monthPageSchema,
} from '../src/types/content.ts'
import {
  postingsShardSchema,
  searchRootSchema,
  segmentDocsSchema,
  segmentTermsSchema,
  textShardSchema,
  vocabSchema,
} from '../src/types/search-index.ts'

const SCHEMAS = {
  head: headSchema,
  'month page': monthPageSchema,
  chunk: chunkSchema,
  aggregates: aggregatesSchema,
  'search root': searchRootSchema,
  'segment docs': segmentDocsSchema,
  vocabulary: vocabSchema,
  'segment terms': segmentTermsSchema,
  'postings shard': postingsShardSchema,
  'text shard': textShardSchema,
} satisfies Record<string, z.ZodMiniType>

/** The kinds of file the compiler writes, each with the schema the app reads it with. */
export type OutputKind = keyof typeof SCHEMAS

/**
 * The app validates every file it loads against the shared schema and refuses a whole file on one
 * bad field, so the compiler checks the JSON it is about to write (as the app will read it: parsed
 * back from the text). Input problems are diagnostics long before this point: a mismatch here is a
 * bug in the compiler.
 */
export function checkOutput(kind: OutputKind, json: string): void {
  const value: unknown = JSON.parse(json)
  // Postings are most of the index's bytes and nothing but counts: the same check as the schema's,
  // written as a loop (a schema walk over millions of numbers was a tenth of a year's build).
  if (kind === 'postings shard' && isPostingsShard(value)) return
  const result = SCHEMAS[kind].safeParse(value)
  if (result.success) return
  const issue = result.error.issues[0]!
  throw new Error(
    `compiler bug: the ${kind} does not match the content schema (src/types/) at ` +
      `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  )
}

function isPostingsShard(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { schemaVersion, units, ...rest } = value as Record<string, unknown>
  if (schemaVersion !== CONTENT_SCHEMA_VERSION || Object.keys(rest).length > 0) return false
  if (typeof units !== 'object' || units === null || Array.isArray(units)) return false
  for (const list of Object.values(units)) {
    if (!Array.isArray(list)) return false
    for (const n of list) if (!Number.isSafeInteger(n) || n < 0) return false
  }
  return true
}
