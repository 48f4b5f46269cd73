/**
 * The compiled-content schema: the one contract between the markdown compiler (`pipeline/`) and the
 * app. Both sides validate against it, so a change here is a format change: bump
 * CONTENT_SCHEMA_VERSION and describe it in docs/content-format.md. Written with valibot, whose
 * functions are tree-shaken one by one: the first bundle carries only the checks used here
 * (decision 008).
 */
import * as v from 'valibot'

/** Version of the JSON written by the compiler; the app refuses data of another version. */
export const CONTENT_SCHEMA_VERSION = 2

const httpUrl = () => v.pipe(v.string(), v.regex(/^https?:\/\//i, 'only http(s) links are allowed'))
const count = () => v.pipe(v.number(), v.integer(), v.minValue(0))
const version = v.literal(CONTENT_SCHEMA_VERSION)
/** A path relative to the data directory, as the compiler names files (never absolute, no `..`). */
const dataFile = () => v.pipe(v.string(), v.regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'not a data file'))

/** One run of inline text in a summary; rendered as React elements, never as HTML. */
export const inlineRunSchema = v.variant('kind', [
  v.object({ kind: v.literal('text'), text: v.string() }),
  v.object({ kind: v.literal('strong'), text: v.string() }),
  v.object({ kind: v.literal('em'), text: v.string() }),
  v.object({ kind: v.literal('code'), text: v.string() }),
  v.object({ kind: v.literal('link'), text: v.string(), href: httpUrl() }),
])
export type InlineRun = v.InferOutput<typeof inlineRunSchema>

/** Where an item's link points: the host, and for x.com/twitter.com the account and status. */
export const itemSourceSchema = v.object({
  host: v.string(),
  handle: v.optional(v.string()),
  statusId: v.optional(v.string()),
})
export type ItemSource = v.InferOutput<typeof itemSourceSchema>

export const itemSchema = v.object({
  /** Stable: derived from the digest id and the item's link (or title when it has none). */
  id: v.string(),
  /** 1-based position as published. */
  position: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: v.pipe(v.string(), v.minLength(1)),
  /** http(s) url of the original post; absent only for lenient publishers' link-less items. */
  url: v.optional(httpUrl()),
  source: v.optional(itemSourceSchema),
  /** The section heading the item sits under in its digest (`AI产品与功能更新`), if any. */
  section: v.optional(v.string()),
  summary: v.array(inlineRunSchema),
  /** The summary as plain text, for search and excerpts. */
  text: v.string(),
  /** Normalised bold phrases; `A（B）` yields both A and B. */
  terms: v.array(v.string()),
})
export type Item = v.InferOutput<typeof itemSchema>

export const digestSummarySchema = v.object({
  id: v.string(),
  publisher: v.string(),
  title: v.string(),
  /** The date exactly as the file wrote it (ISO 8601 with offset). */
  date: v.string(),
  /** Epoch milliseconds of `date`. */
  time: v.number(),
  /** Minutes east of UTC the date was written in; the app shows dates in this offset. */
  offsetMinutes: v.pipe(v.number(), v.integer()),
  categories: v.array(v.string()),
  itemCount: count(),
  /** The chunk file (content-hashed, relative to the data directory) holding the full digest. */
  chunk: dataFile(),
})
export type DigestSummary = v.InferOutput<typeof digestSummarySchema>

export const digestSchema = v.object({ ...digestSummarySchema.entries, items: v.array(itemSchema) })
export type Digest = v.InferOutput<typeof digestSchema>

const nameCountSchema = v.object({ name: v.string(), count: count() })
export type NameCount = v.InferOutput<typeof nameCountSchema>

export const publisherSchema = v.object({
  id: v.string(),
  name: v.string(),
  /** Prepended to the publisher's digest ids (`horizon-`); empty for the default publisher. */
  idPrefix: v.string(),
  digestCount: count(),
  itemCount: count(),
})
export type Publisher = v.InferOutput<typeof publisherSchema>

/** Per publisher id, how many digests (of some month, category …). */
const publisherCountsSchema = v.record(v.string(), count())
export type PublisherCounts = v.InferOutput<typeof publisherCountsSchema>

/** One page of the digest list: a calendar month (in each digest's own offset). */
export const monthEntrySchema = v.object({
  /** `YYYY-MM`. */
  month: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}$/)),
  file: dataFile(),
  digestCount: count(),
  itemCount: count(),
  publishers: publisherCountsSchema,
})
export type MonthEntry = v.InferOutput<typeof monthEntrySchema>

/**
 * The head: the one file the first screen needs, named by index.html. It holds the newest digests
 * in full and where everything else lives; its size does not grow with the archive (months are
 * one short entry each).
 */
export const headSchema = v.object({
  schemaVersion: version,
  /** Hash of all compiled content; changes whenever any digest changes. */
  contentHash: v.string(),
  publishers: v.array(publisherSchema),
  digestCount: count(),
  itemCount: count(),
  /** Every month that has digests, newest first. */
  months: v.array(monthEntrySchema),
  /** The newest digests of the archive, in full, newest first (the first screen's). */
  newest: v.array(digestSchema),
  /** Categories, terms and sources with counts. */
  aggregates: dataFile(),
  /** The search index's root file. */
  search: dataFile(),
  /** The topics index (topics, and where topic, source and story files are); see topics.ts. */
  topics: v.optional(dataFile()),
})
export type Head = v.InferOutput<typeof headSchema>

/** One month's digest summaries (every publisher), newest first. */
export const monthPageSchema = v.object({
  schemaVersion: version,
  month: v.string(),
  digests: v.array(digestSummarySchema),
})
export type MonthPage = v.InferOutput<typeof monthPageSchema>

/** Full digests of one publisher, a run of consecutive digests within one month. */
export const chunkSchema = v.object({
  schemaVersion: version,
  key: v.string(),
  digests: v.array(digestSchema),
})
export type Chunk = v.InferOutput<typeof chunkSchema>

export const categoryAggregateSchema = v.object({
  name: v.string(),
  /** Digests filed under the category. */
  count: count(),
  /** Month → publisher → digests, so a category's feed knows its length before loading it. */
  months: v.record(v.string(), publisherCountsSchema),
})
export type CategoryAggregate = v.InferOutput<typeof categoryAggregateSchema>

/** Counts across the whole archive, for the category, search and filter pages. */
export const aggregatesSchema = v.object({
  schemaVersion: version,
  categories: v.array(categoryAggregateSchema),
  /** The most frequent terms (items naming each), most frequent first. */
  terms: v.array(nameCountSchema),
  /** Accounts (`@handle`) and hosts with item counts, most frequent first. */
  sources: v.array(nameCountSchema),
  /** Distinct terms of the newest items, newest first, overall and per publisher. */
  recentTerms: v.array(v.string()),
  recentTermsByPublisher: v.record(v.string(), v.array(v.string())),
})
export type Aggregates = v.InferOutput<typeof aggregatesSchema>

/** One searchable item, flattened: what the engine matches and a result shows. */
export interface SearchDoc {
  id: string
  digestId: string
  publisher: string
  time: number
  title: string
  /** The original post, so results can link it and bookmarks made from results keep it. */
  url?: string
  text: string
  terms: string[]
  categories: string[]
  handle?: string
  host?: string
}

/** The digest id that an item id belongs to (item ids are `<digestId>-<hash>`). */
export function digestIdOfItem(itemId: string): string {
  const cut = itemId.lastIndexOf('-')
  return cut > 0 ? itemId.slice(0, cut) : itemId
}
