/**
 * The compiled-content schema: the one contract between the markdown compiler (`pipeline/`) and the
 * app. Both sides validate against it, so a change here is a format change: bump
 * CONTENT_SCHEMA_VERSION and describe it in docs/content-format.md.
 */
import { z } from 'zod'

/** Version of the JSON written by the compiler; the app refuses data of another version. */
export const CONTENT_SCHEMA_VERSION = 1

/** One run of inline text in a summary; rendered as React elements, never as HTML. */
export const inlineRunSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('strong'), text: z.string() }),
  z.object({ kind: z.literal('em'), text: z.string() }),
  z.object({ kind: z.literal('code'), text: z.string() }),
  z.object({
    kind: z.literal('link'),
    text: z.string(),
    href: z.string().regex(/^https?:\/\//i, 'only http(s) links are allowed'),
  }),
])
export type InlineRun = z.infer<typeof inlineRunSchema>

/** Where an item's link points: the host, and for x.com/twitter.com the account and status. */
export const itemSourceSchema = z.object({
  host: z.string(),
  handle: z.string().optional(),
  statusId: z.string().optional(),
})
export type ItemSource = z.infer<typeof itemSourceSchema>

export const itemSchema = z.object({
  /** Stable: derived from the digest id and the item's link (or title when it has none). */
  id: z.string(),
  /** 1-based position as published. */
  position: z.number().int().positive(),
  title: z.string().min(1),
  /** http(s) url of the original post; absent only for lenient publishers' link-less items. */
  url: z
    .string()
    .regex(/^https?:\/\//i)
    .optional(),
  source: itemSourceSchema.optional(),
  /** The section heading the item sits under in its digest (`AI产品与功能更新`), if any. */
  section: z.string().optional(),
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
  offsetMinutes: z.number().int(),
  categories: z.array(z.string()),
  itemCount: z.number().int().nonnegative(),
  /** Key of the chunk holding the full digest: publisher id prefix + month (`2025-12`, `horizon-2026-05`). */
  chunk: z.string(),
  /** Source file, relative to the content root. */
  file: z.string(),
})
export type DigestSummary = z.infer<typeof digestSummarySchema>

export const digestSchema = digestSummarySchema.extend({
  items: z.array(itemSchema),
})
export type Digest = z.infer<typeof digestSchema>

const countSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() })
export type NameCount = z.infer<typeof countSchema>

export const publisherSchema = z.object({
  id: z.string(),
  name: z.string(),
  digestCount: z.number().int().nonnegative(),
})
export type Publisher = z.infer<typeof publisherSchema>

/** The small first file the app loads: lists and counts, plus where everything else lives. */
export const manifestSchema = z.object({
  schemaVersion: z.literal(CONTENT_SCHEMA_VERSION),
  /** Hash of all compiled content; changes whenever any digest changes. */
  contentHash: z.string(),
  /** Newest first. */
  digests: z.array(digestSummarySchema),
  publishers: z.array(publisherSchema),
  categories: z.array(countSchema),
  terms: z.array(countSchema),
  sources: z.array(countSchema),
  /** Chunk key → file name (content-hashed) relative to the data directory. */
  chunks: z.record(z.string(), z.string()),
  /** Search data file (content-hashed) relative to the data directory. */
  search: z.string(),
  itemCount: z.number().int().nonnegative(),
})
export type Manifest = z.infer<typeof manifestSchema>

export const chunkSchema = z.object({
  schemaVersion: z.literal(CONTENT_SCHEMA_VERSION),
  key: z.string(),
  digests: z.array(digestSchema),
})
export type Chunk = z.infer<typeof chunkSchema>

/** One searchable item, flattened; the worker builds its indexes from these. */
export const searchDocSchema = z.object({
  id: z.string(),
  digestId: z.string(),
  publisher: z.string(),
  time: z.number(),
  title: z.string(),
  /** The original post, so results can link it and bookmarks made from results keep it. */
  url: z
    .string()
    .regex(/^https?:\/\//i)
    .optional(),
  text: z.string(),
  terms: z.array(z.string()),
  categories: z.array(z.string()),
  handle: z.string().optional(),
  host: z.string().optional(),
})
export type SearchDoc = z.infer<typeof searchDocSchema>

export const searchDataSchema = z.object({
  schemaVersion: z.literal(CONTENT_SCHEMA_VERSION),
  contentHash: z.string(),
  docs: z.array(searchDocSchema),
})
export type SearchData = z.infer<typeof searchDataSchema>

/** The digest id that an item id belongs to (item ids are `<digestId>-<hash>`). */
export function digestIdOfItem(itemId: string): string {
  const cut = itemId.lastIndexOf('-')
  return cut > 0 ? itemId.slice(0, cut) : itemId
}
