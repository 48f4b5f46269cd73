import * as v from 'valibot'
import { BOOKMARKS_VERSION } from './bookmark-version'

/** Marks an exported file as ours, so a foreign JSON file is refused instead of half-read. */
export const EXPORT_FORMAT = 'digest-reader-bookmarks'

/**
 * Bounds on what a stored or imported bookmark may hold, so no stored value can make a page
 * throw or balloon. Generous: real ids are under 100 characters, titles under a few hundred.
 */
export const LIMITS = {
  /** Item and digest ids (UTF-16 code units). */
  id: 512,
  /** Title, digest title, excerpt and note. */
  text: 1000,
  url: 4096,
  /** The digest date as the content wrote it. */
  digestDate: 64,
} as const

/** A lone surrogate makes `encodeURIComponent` throw, and ids go into every link. */
export const isWellFormed = (text: string) => !/[\uD800-\uDFFF]/u.test(text)

const ES_DATE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/

/**
 * A time every browser parses the same way: ECMAScript's own date-time string format (what
 * `toISOString` writes, or an explicit `±HH:mm` offset; years 0000–9999, at most milliseconds),
 * naming a day that exists. Wider ISO forms (`+0800`, nanoseconds, `+275760-…`) are parsed
 * differently or not at all by some engines, and an Invalid Date makes date formatting throw.
 */
export function isStoredTime(text: string): boolean {
  const m = ES_DATE.exec(text)
  if (!m) return false
  // Within these ranges every such string is a time a Date holds (years 0000–9999).
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    Number(m[4]) <= 23 &&
    Number(m[5]) <= 59 &&
    Number(m[6] ?? 0) <= 59 &&
    Number(m[8] ?? 0) <= 23 &&
    Number(m[9] ?? 0) <= 59
  )
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

const id = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.id),
  v.check(isWellFormed, 'lone surrogate'),
)
const text = v.pipe(v.string(), v.maxLength(LIMITS.text))
/** Only http(s) links are ever rendered; anything else in stored data is refused at read time. */
const httpUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.regex(/^https?:\/\//i),
  v.check(isWellFormed, 'lone surrogate'),
)
const time = v.pipe(v.string(), v.check(isStoredTime, 'not a date-time in ECMAScript format'))

/**
 * One bookmark: the item id it points to plus a snapshot of what it showed when saved, so it can
 * still be shown after the item leaves the archive.
 */
export const bookmarkSchema = v.object({
  itemId: id,
  title: text,
  url: v.optional(httpUrl),
  /** Empty only for a v1 item id without a digest part. */
  digestId: v.union([id, v.literal('')]),
  /** The digest date as written (ISO 8601 with offset); empty when migrated from v1. */
  digestDate: v.pipe(v.string(), v.maxLength(LIMITS.digestDate)),
  digestTitle: text,
  /** Start of the summary as plain text (~160 characters). */
  excerpt: text,
  savedAt: time,
  note: text,
  updatedAt: time,
})
export type Bookmark = v.InferOutput<typeof bookmarkSchema>

/** The latest time a v1 `savedAt` may hold: the last millisecond of year 9999 (UTC). */
export const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

/**
 * One entry of version 1, the first shape shipped (a bare array of these): an item id, a title
 * and an epoch-ms save time. It carried no digest data, so migrated bookmarks get it back when
 * the item resolves. The time is bounded so that it converts to a `savedAt` of the current shape.
 */
export const storedV1EntrySchema = v.object({
  id,
  title: text,
  savedAt: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_EPOCH_MS)),
})

/** The document stored in localStorage (version 2); entries are read one by one. */
export const storedV2Schema = v.object({
  version: v.literal(2),
  bookmarks: v.array(v.unknown()),
})

/** A file written by "Export"; entries are read one by one. */
export const exportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(BOOKMARKS_VERSION),
  exportedAt: v.string(),
  bookmarks: v.array(v.unknown()),
})
