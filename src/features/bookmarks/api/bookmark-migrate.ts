import { digestIdOfItem } from '@/types/content'
import { BOOKMARKS_VERSION, storedV1Schema, storedV2Schema, type Bookmark } from './bookmark-schema'

/** Why stored data could not be read; the page explains each one. */
export type CorruptReason = 'invalid-json' | 'wrong-shape' | 'future-version'

export type ParseResult =
  { ok: true; bookmarks: Bookmark[]; migratedFrom?: number } | { ok: false; reason: CorruptReason }

/** Parses stored (or imported) bookmark JSON of any known version into the current shape. */
export function parseStored(raw: string): ParseResult {
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'invalid-json' }
  }
  return parseStoredData(data)
}

/** Like `parseStored`, for data already parsed from JSON. */
export function parseStoredData(data: unknown): ParseResult {
  if (Array.isArray(data)) {
    const v1 = storedV1Schema.safeParse(data)
    return v1.success
      ? { ok: true, bookmarks: v1.data.map(migrateV1Entry), migratedFrom: 1 }
      : { ok: false, reason: 'wrong-shape' }
  }
  if (isObject(data) && typeof data.version === 'number' && data.version > BOOKMARKS_VERSION) {
    // Written by a newer app (another tab or a rollback): never guess, never overwrite.
    return { ok: false, reason: 'future-version' }
  }
  const v2 = storedV2Schema.safeParse(data)
  return v2.success
    ? { ok: true, bookmarks: v2.data.bookmarks }
    : { ok: false, reason: 'wrong-shape' }
}

function migrateV1Entry(entry: { id: string; title: string; savedAt: number }): Bookmark {
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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
