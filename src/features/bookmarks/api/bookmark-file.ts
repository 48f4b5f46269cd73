import { z } from 'zod'
import {
  BOOKMARKS_VERSION,
  EXPORT_FORMAT,
  exportFileSchema,
  type Bookmark,
} from './bookmark-schema'
import { parseStoredData } from './bookmark-migrate'

/** Why an imported file was refused; nothing is changed in any of these cases. */
export type ImportError = 'invalid-json' | 'foreign' | 'invalid-entries' | 'future-version'

export type ImportParse = { ok: true; bookmarks: Bookmark[] } | { ok: false; error: ImportError }

const looksLikeExport = z.object({ format: z.literal(EXPORT_FORMAT) })

/**
 * Reads an imported file: our export format, or a raw stored document of a known version (what a
 * person copies out of devtools or a backup download). Anything else is foreign.
 */
export function parseImportFile(text: string): ImportParse {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return { ok: false, error: 'invalid-json' }
  }
  if (looksLikeExport.safeParse(data).success) {
    const file = exportFileSchema.safeParse(data)
    if (file.success) return { ok: true, bookmarks: file.data.bookmarks }
    const version = (data as { version?: unknown }).version
    return {
      ok: false,
      error:
        typeof version === 'number' && version > BOOKMARKS_VERSION
          ? 'future-version'
          : 'invalid-entries',
    }
  }
  const stored = parseStoredData(data)
  if (stored.ok) return { ok: true, bookmarks: stored.bookmarks }
  return { ok: false, error: stored.reason === 'future-version' ? 'future-version' : 'foreign' }
}

/** The export document for a set of bookmarks. */
export function toExportFile(bookmarks: Bookmark[], now: Date): string {
  const file: z.infer<typeof exportFileSchema> = {
    format: EXPORT_FORMAT,
    version: BOOKMARKS_VERSION,
    exportedAt: now.toISOString(),
    bookmarks,
  }
  return JSON.stringify(file, null, 2)
}

/** `digest-reader-bookmarks-YYYY-MM-DD.json`, dated in the reader's own time zone. */
export function exportFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
  return `digest-reader-bookmarks-${day}.json`
}
