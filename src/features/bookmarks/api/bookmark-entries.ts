import * as v from 'valibot'
import { digestIdOfItem } from '@/types/content'
import { forEachInSlices, type SliceOptions } from '../utils/slices'
import { bookmarkSchema, storedV1EntrySchema, type Bookmark } from './bookmark-schema'
import { clipText } from './bookmark-snapshot'

/**
 * An entry of stored or imported data that cannot be used. It is never dropped silently: stored
 * ones stay in a backup and are reported; imported ones stay in the file and are reported.
 */
export interface RejectedEntry {
  /** Position in its list, from 0. */
  index: number
  /** Its title when it has one, cut short, so the reader can tell which bookmark it was. */
  title: string | null
  /** Top-level fields that failed; empty when the entry is not an object at all. */
  fields: string[]
}

/** Entry shapes: 1 is the first stored shape (migrated on read), 2 the current bookmark. */
export type EntryFormat = 1 | 2

export interface EntriesRead {
  bookmarks: Bookmark[]
  rejected: RejectedEntry[]
}

type EntryResult = { bookmark: Bookmark } | { rejected: RejectedEntry }

/** Reads one entry of a list; never throws, whatever the entry holds. */
export function readEntry(format: EntryFormat, raw: unknown, index: number): EntryResult {
  const schema = format === 1 ? storedV1EntrySchema : bookmarkSchema
  const parsed = v.safeParse(schema, raw)
  if (parsed.success) {
    const data = parsed.output
    return { bookmark: 'id' in data ? migrateV1Entry(data) : data }
  }
  return { rejected: { index, title: titleOf(raw), fields: fieldsOf(parsed.issues) } }
}

/** Reads every entry at once (stored data: localStorage is read synchronously). */
export function readEntries(format: EntryFormat, list: readonly unknown[]): EntriesRead {
  const out: EntriesRead = { bookmarks: [], rejected: [] }
  list.forEach((raw, index) => collect(out, readEntry(format, raw, index)))
  return out
}

/** Reads every entry in slices that yield to the browser (imports of thousands of bookmarks). */
export async function readEntriesInSlices(
  format: EntryFormat,
  list: readonly unknown[],
  options: SliceOptions = {},
): Promise<EntriesRead> {
  const out: EntriesRead = { bookmarks: [], rejected: [] }
  await forEachInSlices(list, (raw, index) => collect(out, readEntry(format, raw, index)), options)
  return out
}

function collect(out: EntriesRead, result: EntryResult): void {
  if ('bookmark' in result) out.bookmarks.push(result.bookmark)
  else out.rejected.push(result.rejected)
}

/** v1 → current shape; the digest id comes back from the item id, the rest from the content. */
function migrateV1Entry(entry: v.InferOutput<typeof storedV1EntrySchema>): Bookmark {
  // In range by the schema (0 … year 9999), so this neither throws nor leaves the ES format.
  const savedAt = new Date(entry.savedAt).toISOString()
  return {
    itemId: entry.id,
    title: entry.title,
    digestId: digestIdOfItem(entry.id),
    digestDate: '',
    digestTitle: '',
    excerpt: '',
    savedAt,
    note: '',
    updatedAt: savedAt,
  }
}

function titleOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || !('title' in raw)) return null
  return typeof raw.title === 'string' && raw.title.trim() ? clipText(raw.title.trim(), 80) : null
}

function fieldsOf(issues: readonly v.BaseIssue<unknown>[]): string[] {
  const names = issues.flatMap((issue) => {
    const first = issue.path?.[0]?.key
    return typeof first === 'string' ? [first] : []
  })
  return [...new Set(names)]
}
