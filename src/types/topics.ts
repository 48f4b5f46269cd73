/**
 * The schema of the topic, source and story files (docs/content-format.md, "Topics, sources and
 * stories"). Kept out of content.ts so the first bundle does not carry it: only the pages that
 * show topics import it. Rows are tuples, not objects: a topic at three years lists thousands of
 * items and the key names would be most of its bytes.
 */
import * as v from 'valibot'
import { CONTENT_SCHEMA_VERSION } from './content.ts'

const version = v.literal(CONTENT_SCHEMA_VERSION)
const count = () => v.pipe(v.number(), v.integer(), v.minValue(0))
const dataFile = () => v.pipe(v.string(), v.regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'not a data file'))

/**
 * One item as a list shows it: id, title, epoch ms and minutes east of UTC of its digest, source
 * label (`x.com · @dotey`, or `''`), and for a topic which of its forms the item wrote (0 is the
 * topic's name, 1… its aliases in order).
 */
export const itemRefSchema = v.tuple([
  v.string(),
  v.string(),
  v.number(),
  v.pipe(v.number(), v.integer()),
  v.string(),
  count(),
])
export type ItemRef = v.InferOutput<typeof itemRefSchema>

/**
 * One topic in the index: name, aliases, items naming it, of those in the archive's last four
 * weeks, and its first appearance (item id, epoch ms, offset minutes).
 */
export const topicEntrySchema = v.tuple([
  v.string(),
  v.array(v.string()),
  count(),
  count(),
  v.string(),
  v.number(),
  v.pipe(v.number(), v.integer()),
])
export type TopicEntry = v.InferOutput<typeof topicEntrySchema>

/** Every topic (most recent first) and where the per-topic, per-source and story files are. */
export const topicsIndexSchema = v.object({
  schemaVersion: version,
  /** The archive's newest week (see weekOf in src/lib/topics/topic-key.ts). */
  week: v.pipe(v.number(), v.integer()),
  topics: v.array(topicEntrySchema),
  /** Topic shards: a topic lives in `shardOf(topicKey(name), topicShards.length)`. */
  topicShards: v.array(dataFile()),
  /** Source shards, by `shardOf(sourceKey(source), …)`. */
  sourceShards: v.array(dataFile()),
  /** Story shards, by `shardOf(linkKey or titleKey, …)`. */
  storyShards: v.array(dataFile()),
})
export type TopicsIndex = v.InferOutput<typeof topicsIndexSchema>

/** One topic's or source's items (newest first), and for a topic its weeks and neighbours. */
export const refListSchema = v.object({
  name: v.string(),
  /** Sparse: [week, items] for every week with any. */
  weeks: v.array(v.tuple([v.pipe(v.number(), v.integer()), count()])),
  /** The topics most often named in the same items: [name, items]. */
  beside: v.array(v.tuple([v.string(), count()])),
  /** The newest items; older ones are in `older`, one file per page, newest page first. */
  items: v.array(itemRefSchema),
  older: v.array(dataFile()),
  total: count(),
})
export type RefList = v.InferOutput<typeof refListSchema>

/** A shard of topics or sources, by key. */
export const refShardSchema = v.object({
  schemaVersion: version,
  lists: v.record(v.string(), refListSchema),
})
export type RefShard = v.InferOutput<typeof refShardSchema>

/** A page of older items of one list. */
export const refPageSchema = v.object({ schemaVersion: version, items: v.array(itemRefSchema) })
export type RefPage = v.InferOutput<typeof refPageSchema>

/**
 * Stories: items of the same link or a near-identical title, oldest first, and each member's keys
 * (linkKey, titleKey) → its story in `groups`.
 */
export const storyShardSchema = v.object({
  schemaVersion: version,
  groups: v.array(v.array(itemRefSchema)),
  keys: v.record(v.string(), count()),
})
export type StoryShard = v.InferOutput<typeof storyShardSchema>
