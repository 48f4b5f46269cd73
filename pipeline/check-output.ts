import * as v from 'valibot'
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
} satisfies Record<string, v.GenericSchema>

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
  const result = v.safeParse(SCHEMAS[kind], value)
  if (result.success) return
  const issue = result.issues[0]
  throw new Error(
    `compiler bug: the ${kind} does not match the content schema (src/types/) at ` +
      `${issue.path?.map((p) => String(p.key)).join('.') || '(root)'}: ${issue.message}`,
  )
}

/** Checks what a run writes, each named file once (see `outputChecker`). */
export interface OutputChecker {
  /** Checks `json`, about to be written as `name` (a name that carries the hash of its bytes). */
  check(kind: OutputKind, json: string, name: string): void
  /** Every name this run checked or knew: what the next run may skip. */
  names(): string[]
}

/**
 * A checker that skips files an earlier run of the same compiler checked: their names carry the
 * hash of their bytes, so the same name is the same bytes, already found to match. At three years
 * a rebuild writes a hundred MB of JSON again, nearly all of it under last run's names.
 */
export function outputChecker(checkedBefore: Iterable<string> = []): OutputChecker {
  const before = new Set(checkedBefore)
  const seen = new Set<string>()
  return {
    check(kind, json, name) {
      if (!before.has(name)) checkOutput(kind, json)
      seen.add(name)
    },
    names: () => [...seen],
  }
}
