import type { Digest } from '../src/types/content.ts'
import { DiagnosticSink, type Diagnostic } from './diagnostics.ts'
import { dateSlug, monthKey } from './dates.ts'
import { itemIdOf, shortHash } from './ids.ts'
import type { PublisherConfig, SourceFile } from './publishers.ts'
import { readDigestFile } from './read-digest.ts'
import { sourceOf } from './sources.ts'

/**
 * Everything the compiler learns from one file on its own: its digest (ids included) and its
 * diagnostics. It depends on nothing but the file's path and text, its publisher's config and the
 * mode, so it can be cached by those and computed in any worker thread.
 */
export interface FileResult {
  file: string
  publisher: string
  mode: 'strict' | 'lenient'
  /** Absent when the file was skipped (a draft, or errors). */
  digest?: Digest
  /** Line of the `date:` key: where a duplicate digest id is reported. */
  dateLine: number
  diagnostics: Diagnostic[]
}

/** Compiles one digest file; `lenient` reads every publisher leniently (the CLI's --lenient). */
export function compileFile(
  file: Omit<SourceFile, 'textHash'>,
  publisher: PublisherConfig,
  { lenient = false }: { lenient?: boolean } = {},
): FileResult {
  const mode = lenient ? 'lenient' : publisher.mode
  const sink = new DiagnosticSink(file.path)
  const parsed = readDigestFile(file.text, sink, { mode, publisher })
  // A lenient publisher's broken file is skipped with its errors reported as warnings.
  const diagnostics =
    mode === 'lenient'
      ? sink.list.map((d): Diagnostic => ({ ...d, severity: 'warning' }))
      : sink.list
  const result: FileResult = {
    file: file.path,
    publisher: publisher.id,
    mode,
    dateLine: parsed?.dateLine ?? 1,
    diagnostics,
  }
  if (!parsed || (mode === 'strict' && sink.hasErrors)) return result

  // A lenient publisher's digest id carries its own file name (`…-summary-en`), so a file that
  // appears beside it on the same day never renames it; strict ids stay the bare date slot. The
  // publisher's own mode decides, not --lenient: how a run is invoked never changes ids.
  const nameSuffix = publisher.mode === 'lenient' ? fileNameSlug(file.path) : ''
  const digestId = publisher.idPrefix + dateSlug(parsed.date) + nameSuffix
  const items = parsed.items.map((item, index) => ({
    id: itemIdOf(digestId, item),
    position: index + 1,
    title: item.title,
    ...(item.url && { url: item.url, source: sourceOf(item.url) }),
    ...(item.section && { section: item.section }),
    summary: item.summary,
    text: item.text,
    terms: item.terms,
  }))
  result.digest = {
    id: digestId,
    publisher: publisher.id,
    title: parsed.title,
    date: parsed.date.written,
    time: parsed.date.time,
    offsetMinutes: parsed.date.offsetMinutes,
    categories: parsed.categories,
    itemCount: items.length,
    // One chunk per publisher and month: opening one publisher's digest never downloads another
    // publisher's month with it. The assembler replaces the key with the chunk's file name.
    chunk: publisher.idPrefix + monthKey(parsed.date),
    items,
  }
  return result
}

/** File names that name no digest of their own (page bundles: `2026-01-13/index.md`). */
const GENERIC_NAME = /^(index|_index|readme)$/

/**
 * The part of a lenient file's name beyond its date, as an id suffix: `2026-05-02-summary-en.md`
 * gives `-summary-en`; `2026-05-02.md`, `2025-12-22-04.md` and `index.md` give nothing; a name
 * without ASCII letters (`日报.md`) gives a 6-hex hash of itself. Depends on nothing but the name.
 */
export function fileNameSlug(path: string): string {
  const stem = path.split('/').pop()!.replace(/\.md$/i, '')
  const rest = stem.replace(/\d{4}-\d{2}-\d{2}(?:[-_T ]\d{2}(?:[-:]?\d{2}){0,2})?/i, '')
  const slug = rest
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  // Letters the slug cannot spell (`周报`, `日报`) would otherwise vanish and make names meet.
  const foreign = /[\p{L}\p{N}]/u.test(rest.replace(/\p{ASCII}/gu, ''))
  const parts = [GENERIC_NAME.test(slug) ? '' : slug, foreign ? shortHash(rest, 6) : '']
  const suffix = parts.filter(Boolean).join('-')
  return suffix ? `-${suffix}` : ''
}
