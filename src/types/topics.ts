/**
 * The schema of the topic, source and story files (docs/content-format.md, "Topics, sources and
 * stories"). Kept out of content.ts so the first bundle does not carry it: only the pages that
 * show topics import it. Rows are tuples, not objects: a topic at three years lists thousands of
 * items and the key names would be most of its bytes.
 */
import * as z from 'zod/mini'
import { CONTENT_SCHEMA_VERSION } from './content.ts'

const version = z.literal(CONTENT_SCHEMA_VERSION)
const count = () => z.int().check(z.nonnegative())
const dataFile = () => z.string().check(z.regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'not a data file'))

/**
 * One item as a list shows it: id, title, epoch ms and minutes east of UTC of its digest, source
 * label (`x.com · @dotey`, or `''`), and for a topic which of its forms the item wrote (0 is the
 * topic's name, 1… its aliases in order).
 */
export const itemRefSchema = z.tuple([
  z.string(),
  z.string(),
  z.number(),
  z.int(),
  z.string(),
  count(),
])
export type ItemRef = z.infer<typeof itemRefSchema>

/**
 * One topic in the index: name, aliases, items naming it, of those in the archive's last four
 * weeks, and its first appearance (item id, epoch ms, offset minutes).
 */
export const topicEntrySchema = z.tuple([
  z.string(),
  z.array(z.string()),
  count(),
  count(),
  z.string(),
  z.number(),
  z.int(),
])
export type TopicEntry = z.infer<typeof topicEntrySchema>

/** Every topic (most recent first) and where the per-topic, per-source and story files are. */
export const topicsIndexSchema = z.object({
  schemaVersion: version,
  /** The archive's newest week (see weekOf in src/lib/topics/topic-key.ts). */
  week: z.int(),
  topics: z.array(topicEntrySchema),
  /** Topic shards: a topic lives in `shardOf(topicKey(name), topicShards.length)`. */
  topicShards: z.array(dataFile()),
  /** Source shards, by `shardOf(sourceKey(source), …)`. */
  sourceShards: z.array(dataFile()),
  /** Story shards, by `shardOf(linkKey or titleKey, …)`. */
  storyShards: z.array(dataFile()),
})
export type TopicsIndex = z.infer<typeof topicsIndexSchema>

/** One topic's or source's items (newest first), and for a topic its weeks and neighbours. */
export const refListSchema = z.object({
  name: z.string(),
  /** Sparse: [week, items] for every week with any. */
  weeks: z.array(z.tuple([z.int(), count()])),
  /** The topics most often named in the same items: [name, items]. */
  beside: z.array(z.tuple([z.string(), count()])),
  /** The newest items; older ones are in `older`, one file per page, newest page first. */
  items: z.array(itemRefSchema),
  older: z.array(dataFile()),
  total: count(),
})
export type RefList = z.infer<typeof refListSchema>

/** A shard of topics or sources, by key. */
export const refShardSchema = z.object({
  schemaVersion: version,
  lists: z.record(z.string(), refListSchema),
})
export type RefShard = z.infer<typeof refShardSchema>

/** A page of older items of one list. */
export const refPageSchema = z.object({ schemaVersion: version, items: z.array(itemRefSchema) })
export type RefPage = z.infer<typeof refPageSchema>

/**
 * Stories: items of the same link or a near-identical title, oldest first, and each member's keys
 * (linkKey, titleKey) → its story in `groups`.
 */
export const storyShardSchema = z.object({
  schemaVersion: version,
  groups: z.array(z.array(itemRefSchema)),
  keys: z.record(z.string(), count()),
})
export type StoryShard = z.infer<typeof storyShardSchema>
