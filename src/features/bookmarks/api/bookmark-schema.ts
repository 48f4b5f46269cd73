import { z } from 'zod'

/** Current version of the stored bookmarks document; bump it together with a migration. */
export const BOOKMARKS_VERSION = 2

/** Marks an exported file as ours, so a foreign JSON file is refused instead of half-read. */
export const EXPORT_FORMAT = 'digest-reader-bookmarks'

/** Only http(s) links are ever rendered; anything else in stored data is dropped at read time. */
const httpUrl = z.string().regex(/^https?:\/\//i)

/**
 * One bookmark: the item id it points to plus a snapshot of what it showed when saved, so it can
 * still be shown after the item leaves the archive.
 */
export const bookmarkSchema = z.object({
  itemId: z.string().min(1),
  title: z.string(),
  url: httpUrl.optional(),
  digestId: z.string(),
  /** The digest date as written (ISO 8601 with offset); empty when migrated from v1. */
  digestDate: z.string(),
  digestTitle: z.string(),
  /** Start of the summary as plain text (~160 characters). */
  excerpt: z.string(),
  /** ISO timestamps. */
  savedAt: z.iso.datetime({ offset: true }),
  note: z.string(),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type Bookmark = z.infer<typeof bookmarkSchema>

/** The document stored in localStorage (version 2). */
export const storedV2Schema = z.object({
  version: z.literal(2),
  bookmarks: z.array(bookmarkSchema),
})

/**
 * Version 1, the first shape shipped: a bare array of item ids with titles and an epoch-ms save
 * time. It carried no digest data, so migrated bookmarks get it back when the item resolves.
 */
export const storedV1Schema = z.array(
  z.object({
    id: z.string().min(1),
    title: z.string(),
    savedAt: z.number().int().nonnegative(),
  }),
)

/** A file written by "Export". */
export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(BOOKMARKS_VERSION),
  exportedAt: z.string(),
  bookmarks: z.array(bookmarkSchema),
})
