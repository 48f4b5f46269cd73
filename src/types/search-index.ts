/**
 * The search index's file format, shared by the compiler (which writes it) and the search worker
 * (which fetches it piece by piece). Layout and reasons: docs/decisions/014-sharded-search-index.md.
 *
 * An archive is cut into segments (one per year, newest first), each self-contained so that a
 * finished year never changes again. A segment's files live in one content-hashed folder:
 * `docs.json` (what filters and ranking need per item), `vocab.json` (its Latin words),
 * `p<N>.json` (postings shards: unit → items and positions) and `t<N>.json` (the text of a few
 * items, fetched only for results on screen).
 */
import * as v from 'valibot'
import { CONTENT_SCHEMA_VERSION } from './content'

const version = v.literal(CONTENT_SCHEMA_VERSION)
const count = () => v.pipe(v.number(), v.integer(), v.minValue(0))
const dataFile = () => v.pipe(v.string(), v.regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'not a data file'))

export const segmentEntrySchema = v.object({
  /** `2025`: the local year of the segment's digests. */
  key: v.string(),
  /** Folder of the segment's files, relative to the data directory, named by their hash. */
  dir: dataFile(),
  docCount: count(),
  /** Number of postings shards (`p0.json` …): a unit's shard is `shardOf(unit, shardCount)`. */
  shardCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** Number of text shards (`t0.json` …), each holding TEXT_SHARD_DOCS items in doc order. */
  textCount: count(),
})
export type SegmentEntry = v.InferOutput<typeof segmentEntrySchema>

/** The root: named by the head, lists the segments newest first. */
export const searchRootSchema = v.object({
  schemaVersion: version,
  contentHash: v.string(),
  segments: v.array(segmentEntrySchema),
})
export type SearchRoot = v.InferOutput<typeof searchRootSchema>

export const segmentDigestSchema = v.object({
  id: v.string(),
  title: v.string(),
  date: v.string(),
  time: v.number(),
  offsetMinutes: v.pipe(v.number(), v.integer()),
  publisher: v.string(),
  /** Indexes into the segment's `categories`. */
  categories: v.array(count()),
  /** How many items (consecutive docs) the digest has. */
  items: count(),
})
export type SegmentDigest = v.InferOutput<typeof segmentDigestSchema>

/**
 * What the engine needs of every item before any text: its digest (docs are numbered digest by
 * digest, newest first, so `items` counts place them) and its source (for the source filter).
 */
export const segmentDocsSchema = v.object({
  schemaVersion: version,
  key: v.string(),
  categories: v.array(v.string()),
  sources: v.array(v.string()),
  digests: v.array(segmentDigestSchema),
  /** Per doc: index into `sources`, or -1 when the item has no link. */
  docSources: v.array(v.pipe(v.number(), v.integer(), v.minValue(-1))),
})
export type SegmentDocs = v.InferOutput<typeof segmentDocsSchema>

/** The segment's Latin words (runs of word characters), with how many items hold each. */
export const vocabSchema = v.object({
  schemaVersion: version,
  tokens: v.array(v.string()),
  df: v.array(count()),
})
export type Vocab = v.InferOutput<typeof vocabSchema>

/**
 * Postings of the units hashed to one shard. A unit is a Latin word or any other single character
 * (a Chinese character, a punctuation mark). Each list is flat: for every item holding the unit,
 * `doc − previous doc, n, first position, then n − 1 gaps`, in doc order.
 */
export interface PostingsShard {
  schemaVersion: typeof CONTENT_SCHEMA_VERSION
  units: Record<string, number[]>
}

/**
 * The schema's check written as one loop: postings are most of the index's bytes and nothing but
 * counts, and a schema walk over tens of thousands of numbers per shard was most of a cold query.
 */
export function isPostingsShard(value: unknown): value is PostingsShard {
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

export const postingsShardSchema = v.custom<PostingsShard>(isPostingsShard, 'not a postings shard')

export const textDocSchema = v.object({
  id: v.string(),
  title: v.string(),
  url: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\//i))),
  text: v.string(),
  terms: v.array(v.string()),
  handle: v.optional(v.string()),
  host: v.optional(v.string()),
})
export type TextDoc = v.InferOutput<typeof textDocSchema>

/** The text of TEXT_SHARD_DOCS consecutive docs: fetched only for the results on screen. */
export const textShardSchema = v.object({
  schemaVersion: version,
  docs: v.array(textDocSchema),
})
export type TextShard = v.InferOutput<typeof textShardSchema>

/** Every term of a segment with the number of items naming it: for "did you mean". */
export const segmentTermsSchema = v.object({
  schemaVersion: version,
  terms: v.array(v.tuple([v.string(), count()])),
})
export type SegmentTerms = v.InferOutput<typeof segmentTermsSchema>
