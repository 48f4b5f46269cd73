import * as v from 'valibot'
import { BOOKMARKS_VERSION } from './bookmark-version'
import { storedV2Schema } from './bookmark-schema'
import { readEntries, type EntriesRead, type EntryFormat } from './bookmark-entries'

/** Why stored data could not be read as a whole; the page explains each one. */
export type CorruptReason = 'invalid-json' | 'wrong-shape' | 'future-version'

/** A readable document: its usable bookmarks and the entries that could not be used. */
export type ParseResult =
  ({ ok: true; migratedFrom?: number } & EntriesRead) | { ok: false; reason: CorruptReason }

/** A document of a known version, before its entries are read one by one. */
export type StoredShape =
  { ok: true; format: EntryFormat; entries: unknown[] } | { ok: false; reason: CorruptReason }

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
  const shape = storedShape(data)
  if (!shape.ok) return shape
  const read = readEntries(shape.format, shape.entries)
  return shape.format === 1 ? { ok: true, migratedFrom: 1, ...read } : { ok: true, ...read }
}

/**
 * Which version a document is. Version 1 was a bare array of objects; version 2 is
 * `{ version: 2, bookmarks: [...] }`. A document of a known version is read entry by entry, so
 * one bad entry costs that entry, not the whole list.
 */
export function storedShape(data: unknown): StoredShape {
  if (Array.isArray(data)) {
    return data.every(isRecord)
      ? { ok: true, format: 1, entries: data }
      : { ok: false, reason: 'wrong-shape' }
  }
  if (isRecord(data) && typeof data.version === 'number' && data.version > BOOKMARKS_VERSION) {
    // Written by a newer app (another tab or a rollback): never guess, never overwrite.
    return { ok: false, reason: 'future-version' }
  }
  const v2 = v.safeParse(storedV2Schema, data)
  return v2.success
    ? { ok: true, format: 2, entries: v2.output.bookmarks }
    : { ok: false, reason: 'wrong-shape' }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
