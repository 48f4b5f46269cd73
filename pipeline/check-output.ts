import type * as z from 'zod/mini'
import { aggregatesSchema, chunkSchema, headSchema, monthPageSchema } from '../src/types/content.ts'
import {
  postingsShardSchema,
  searchRootSchema,
  segmentDocsSchema,
  segmentTermsSchema,
  textShardSchema,
  vocabSchema,
} from '../src/types/search-index.ts'
import {
  refPageSchema,
  refShardSchema,
  storyShardSchema,
  topicsIndexSchema,
} from '../src/types/topics.ts'

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
  'topics index': topicsIndexSchema,
  'topic shard': refShardSchema,
  'ref page': refPageSchema,
  'story shard': storyShardSchema,
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
  const result = SCHEMAS[kind].safeParse(value)
  if (result.success) return
  const issue = result.error.issues[0]!
  throw new Error(
    `compiler bug: the ${kind} does not match the content schema (src/types/) at ` +
      `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  )
}
