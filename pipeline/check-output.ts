import * as v from 'valibot'
import { shortHash } from './ids.ts'
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

/**
 * Outputs already checked, by the hash of their JSON: the same bytes pass the same check. A rebuild
 * after one new digest writes the same topic shards, month pages and aggregates as before, bar a
 * few; parsing 37 MB of them back to check them again was a tenth of the rebuild at three years.
 */
export interface OutputChecks {
  passed(hash: string): boolean
  add(hash: string): void
}

/**
 * Checks `json` as `kind` (unless `checks` saw these bytes pass) and returns its hash, which names
 * the file: `checkedHash(kind, json).slice(0, n)` is `shortHash(json, n)`.
 */
export function checkedHash(kind: OutputKind, json: string, checks?: OutputChecks): string {
  const hash = shortHash(json, 32)
  if (checks?.passed(hash)) return hash
  checkOutput(kind, json)
  checks?.add(hash)
  return hash
}

/** What an earlier run's checks are kept in: the compile cache's memo store. */
interface CheckStore {
  lookup<T>(kind: string, fingerprint: string): T | undefined
  store(kind: string, fingerprint: string, value: unknown): void
}

/**
 * The checks of the last finished run with the same compiler (schemas are part of its version),
 * and `keep` to store this run's: only the hashes it wrote, so the list does not grow.
 */
export function persistedChecks(cache: CheckStore, compilerVersion: string) {
  const fingerprint = shortHash(`checks-1\n${compilerVersion}`, 24)
  const before = new Set(cache.lookup<string[]>('checks', fingerprint) ?? [])
  const now = new Set<string>()
  const checks: OutputChecks = {
    passed: (hash) => {
      if (!before.has(hash)) return false
      now.add(hash)
      return true
    },
    add: (hash) => void now.add(hash),
  }
  return { checks, keep: () => cache.store('checks', fingerprint, [...now].sort()) }
}
