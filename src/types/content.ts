/**
 * The compiled-content schema: the one contract between the markdown compiler (`pipeline/`) and the
 * app. Both sides validate against it, so a change here is a format change: bump
 * CONTENT_SCHEMA_VERSION and describe it in docs/content-format.md. Written with `zod/mini` so the
 * app's first bundle carries a few KB of validator rather than all of zod.
 */
import * as z from 'zod/mini'

/** Version of the JSON written by the compiler; the app refuses data of another version. */
export const CONTENT_SCHEMA_VERSION = 2

const httpUrl = () => z.string().check(z.regex(/^https?:\/\//i, 'only http(s) links are allowed'))
const count = () => z.int().check(z.nonnegative())
const version = z.literal(CONTENT_SCHEMA_VERSION)
/** A path relative to the data directory, as the compiler names files (never absolute, no `..`). */
const dataFile = () => z.string().check(z.regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'not a data file'))

/** One run of inline text in a summary; rendered as React elements, never as HTML. */
export const inlineRunSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('strong'), text: z.string() }),
  z.object({ kind: z.literal('em'), text: z.string() }),
  z.object({ kind: z.literal('code'), text: z.string() }),
  z.object({ kind: z.literal('link'), text: z.string(), href: httpUrl() }),
])
export type InlineRun = z.infer<typeof inlineRunSchema>

/** Where an item's link points: the host, and for x.com/twitter.com the account and status. */
export const itemSourceSchema = z.object({
  host: z.string(),
  handle: z.optional(z.string()),
  statusId: z.optional(z.string()),
})
export type ItemSource = z.infer<typeof itemSourceSchema>

export const itemSchema = z.object({
  /** Stable: derived from the digest id and the item's link (or title when it has none). */
  id: z.string(),
  /** 1-based position as published. */
  position: z.int().check(z.positive()),
  title: z.string().check(z.minLength(1)),
  /** http(s) url of the original post; absent only for lenient publishers' link-less items. */
  url: z.optional(httpUrl()),
  source: z.optional(itemSourceSchema),
  /** The section heading the item sits under in its digest (`AI产品与功能更新`), if any. */
  section: z.optional(z.string()),
  summary: z.array(inlineRunSchema),
  /** The summary as plain text, for search and excerpts. */
  text: z.string(),
  /** Normalised bold phrases; `A（B）` yields both A and B. */
  terms: z.array(z.string()),
})
export type Item = z.infer<typeof itemSchema>

export const digestSummarySchema = z.object({
  id: z.string(),
  publisher: z.string(),
  title: z.string(),
  /** The date exactly as the file wrote it (ISO 8601 with offset). */
  date: z.string(),
  /** Epoch milliseconds of `date`. */
  time: z.number(),
  /** Minutes east of UTC the date was written in; the app shows dates in this offset. */
  offsetMinutes: z.int(),
  categories: z.array(z.string()),
  itemCount: count(),
  /** The chunk file (content-hashed, relative to the data directory) holding the full digest. */
  chunk: dataFile(),
})
export type DigestSummary = z.infer<typeof digestSummarySchema>

export const digestSchema = z.extend(digestSummarySchema, { items: z.array(itemSchema) })
export type Digest = z.infer<typeof digestSchema>

const nameCountSchema = z.object({ name: z.string(), count: count() })
export type NameCount = z.infer<typeof nameCountSchema>

export const publisherSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Prepended to the publisher's digest ids (`horizon-`); empty for the default publisher. */
  idPrefix: z.string(),
  digestCount: count(),
  itemCount: count(),
})
export type Publisher = z.infer<typeof publisherSchema>

/** Per publisher id, how many digests (of some month, category …). */
const publisherCountsSchema = z.record(z.string(), count())
export type PublisherCounts = z.infer<typeof publisherCountsSchema>

/** One page of the digest list: a calendar month (in each digest's own offset). */
export const monthEntrySchema = z.object({
  /** `YYYY-MM`. */
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  file: dataFile(),
  digestCount: count(),
  itemCount: count(),
  publishers: publisherCountsSchema,
})
export type MonthEntry = z.infer<typeof monthEntrySchema>

/**
 * The head: the one file the first screen needs, named by index.html. It holds the newest digests
 * in full and where everything else lives; its size does not grow with the archive (months are
 * one short entry each).
 */
export const headSchema = z.object({
  schemaVersion: version,
  /** Hash of all compiled content; changes whenever any digest changes. */
  contentHash: z.string(),
  publishers: z.array(publisherSchema),
  digestCount: count(),
  itemCount: count(),
  /** Every month that has digests, newest first. */
  months: z.array(monthEntrySchema),
  /** The newest digests of the archive, in full, newest first (the first screen's). */
  newest: z.array(digestSchema),
  /** Categories, terms and sources with counts. */
  aggregates: dataFile(),
  /** The search index's root file. */
  search: dataFile(),
  /** The topics index (topics, and where topic, source and story files are); see topics.ts. */
  topics: z.optional(dataFile()),
})
export type Head = z.infer<typeof headSchema>

/** One month's digest summaries (every publisher), newest first. */
export const monthPageSchema = z.object({
  schemaVersion: version,
  month: z.string(),
  digests: z.array(digestSummarySchema),
})
export type MonthPage = z.infer<typeof monthPageSchema>

/** Full digests of one publisher, a run of consecutive digests within one month. */
export const chunkSchema = z.object({
  schemaVersion: version,
  key: z.string(),
  digests: z.array(digestSchema),
})
export type Chunk = z.infer<typeof chunkSchema>

export const categoryAggregateSchema = z.object({
  name: z.string(),
  /** Digests filed under the category. */
  count: count(),
  /** Month → publisher → digests, so a category's feed knows its length before loading it. */
  months: z.record(z.string(), publisherCountsSchema),
})
export type CategoryAggregate = z.infer<typeof categoryAggregateSchema>

/** Counts across the whole archive, for the category, search and filter pages. */
export const aggregatesSchema = z.object({
  schemaVersion: version,
  categories: z.array(categoryAggregateSchema),
  /** The most frequent terms (items naming each), most frequent first. */
  terms: z.array(nameCountSchema),
  /** Accounts (`@handle`) and hosts with item counts, most frequent first. */
  sources: z.array(nameCountSchema),
  /** Distinct terms of the newest items, newest first, overall and per publisher. */
  recentTerms: z.array(z.string()),
  recentTermsByPublisher: z.record(z.string(), z.array(z.string())),
})
export type Aggregates = z.infer<typeof aggregatesSchema>

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
