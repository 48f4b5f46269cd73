import * as v from 'valibot'
import type { SliceOptions } from '../utils/slices'
import { readEntriesInSlices, type EntriesRead, type RejectedEntry } from './bookmark-entries'
import { storedShape, type StoredShape } from './bookmark-migrate'
import { EXPORT_FORMAT, exportFileSchema, type Bookmark } from './bookmark-schema'
import { BOOKMARKS_VERSION } from './bookmark-version'

/**
 * Largest import accepted. Both are about twice what an export of this app can hold: a
 * browser keeps about 5 million characters per site, some 10,000 bookmarks, which export to
 * about 9 MB. Bigger files are refused with a message instead of freezing the page.
 */
export const IMPORT_LIMITS = { bytes: 20 * 1024 * 1024, bookmarks: 20_000 } as const

/** Why an imported file was refused; nothing is changed in any of these cases. */
export type ImportError =
  'invalid-json' | 'foreign' | 'invalid-entries' | 'future-version' | 'too-large' | 'too-many'

/** A usable file (with the entries it skipped), or why none of it was imported. */
export type ImportParse =
  | ({ ok: true } & EntriesRead)
  | { ok: false; error: ImportError; count?: number; rejected?: RejectedEntry[] }

const looksLikeExport = v.object({ format: v.literal(EXPORT_FORMAT) })

/**
 * Reads an imported file: our export format, or a raw stored document of a known version (what a
 * person copies out of devtools or a backup download). Anything else is foreign. Entries are read
 * one by one in slices that yield to the browser; an entry that cannot be used is skipped and
 * reported, and a file with nothing usable is refused. Never throws or rejects.
 */
export async function parseImportFile(
  text: string,
  options: SliceOptions = {},
): Promise<ImportParse> {
  if (text.length > IMPORT_LIMITS.bytes) return { ok: false, error: 'too-large' }
  const shape = importShape(text)
  if ('error' in shape) return { ok: false, error: shape.error }
  if (!shape.ok) return { ok: false, error: 'foreign' }
  if (shape.entries.length > IMPORT_LIMITS.bookmarks) {
    return { ok: false, error: 'too-many', count: shape.entries.length }
  }
  const read = await readEntriesInSlices(shape.format, shape.entries, options)
  if (read.bookmarks.length === 0 && read.rejected.length > 0) {
    return { ok: false, error: 'invalid-entries', rejected: read.rejected }
  }
  return { ok: true, ...read }
}

function importShape(text: string): StoredShape | { error: ImportError } {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { error: 'invalid-json' }
  }
  if (v.safeParse(looksLikeExport, data).success) {
    const file = v.safeParse(exportFileSchema, data)
    if (file.success) return { ok: true, format: 2, entries: file.output.bookmarks }
    const version = (data as { version?: unknown }).version
    return {
      error:
        typeof version === 'number' && version > BOOKMARKS_VERSION
          ? 'future-version'
          : 'invalid-entries',
    }
  }
  const stored = storedShape(data)
  if (!stored.ok && stored.reason === 'future-version') return { error: 'future-version' }
  return stored
}

/** The export document for a set of bookmarks. */
export function toExportFile(bookmarks: Bookmark[], now: Date): string {
  const file: v.InferOutput<typeof exportFileSchema> = {
    format: EXPORT_FORMAT,
    version: BOOKMARKS_VERSION,
    exportedAt: now.toISOString(),
    bookmarks,
  }
  return JSON.stringify(file, null, 2)
}

/** `digest-reader-bookmarks-YYYY-MM-DD.json` (or `.md`, `.html`), dated in the reader's time zone. */
export function exportFileName(now: Date, { extension = 'json' }: { extension?: string } = {}) {
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return `digest-reader-bookmarks-${day}.${extension}`
}
