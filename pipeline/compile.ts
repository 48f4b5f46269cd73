import type { Digest } from '../src/types/content.ts'
import { assemble, type CompiledContent } from './assemble.ts'
import { DiagnosticSink, type Diagnostic } from './diagnostics.ts'
import { dateSlug, monthKey } from './dates.ts'
import { itemIdOf, shortHash } from './ids.ts'
import { readDigestFile } from './read-digest.ts'
import type { ContentSource, PublisherConfig } from './publishers.ts'
import { sourceOf } from './sources.ts'

export interface CompileOptions {
  /** Treat every publisher as lenient (the CLI's --lenient). */
  lenient?: boolean
}

export type { CompiledContent }

export type CompileResult =
  | { ok: true; content: CompiledContent; diagnostics: Diagnostic[]; stats: PublisherStats[] }
  | { ok: false; diagnostics: Diagnostic[]; stats: PublisherStats[] }

export interface PublisherStats {
  publisher: string
  files: number
  digests: number
  items: number
  itemsWithLink: number
  warnings: Record<string, number>
  errors: number
}

interface Located {
  digest: Digest
  publisher: PublisherConfig
  dateLine: number
  /** The mode the file was read in (`--lenient` overrides the publisher's own). */
  mode: 'strict' | 'lenient'
}

/** Compiles every digest file into the manifest, month chunks and search data. Pure: no I/O. */
export function compileContent(source: ContentSource, options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [...source.diagnostics]
  const located: Located[] = []
  const stats = new Map<string, PublisherStats>()
  const statsOf = (id: string) => {
    let s = stats.get(id)
    if (!s) {
      s = {
        publisher: id,
        files: 0,
        digests: 0,
        items: 0,
        itemsWithLink: 0,
        warnings: {},
        errors: 0,
      }
      stats.set(id, s)
    }
    return s
  }

  for (const file of source.files) {
    const publisher = source.publishers.get(file.publisher)!
    const mode = options.lenient ? 'lenient' : publisher.mode
    const sink = new DiagnosticSink(file.path)
    const parsed = readDigestFile(file.text, sink, { mode, publisher })
    const s = statsOf(publisher.id)
    s.files += 1
    // A lenient publisher's broken file is skipped with its errors reported as warnings.
    const reported =
      mode === 'lenient'
        ? sink.list.map((d): Diagnostic => ({ ...d, severity: 'warning' }))
        : sink.list
    for (const d of reported) {
      if (d.severity === 'warning') s.warnings[d.kind] = (s.warnings[d.kind] ?? 0) + 1
      else s.errors += 1
    }
    diagnostics.push(...reported)
    if (!parsed || (mode === 'strict' && sink.hasErrors)) continue

    // A lenient publisher's digest id carries its own file name (`…-summary-en`), so a file that
    // appears beside it on the same day never renames it; strict ids stay the bare date slot. The
    // publisher's own mode decides, not --lenient: how a run is invoked never changes ids.
    const nameSuffix = publisher.mode === 'lenient' ? fileNameSlug(file.path) : ''
    const digestId = publisher.idPrefix + dateSlug(parsed.date) + nameSuffix
    const items = parsed.items.map((item, index) => ({
      id: itemIdOf(digestId, item),
      position: index + 1,
      title: item.title,
      url: item.url,
      source: item.url ? sourceOf(item.url) : undefined,
      section: item.section,
      summary: item.summary,
      text: item.text,
      terms: item.terms,
    }))
    located.push({
      publisher,
      mode,
      dateLine: parsed.dateLine,
      digest: {
        id: digestId,
        publisher: publisher.id,
        title: parsed.title,
        date: parsed.date.written,
        time: parsed.date.time,
        offsetMinutes: parsed.date.offsetMinutes,
        categories: parsed.categories,
        itemCount: items.length,
        // One chunk per publisher and month: opening one publisher's digest never downloads
        // another publisher's month with it.
        chunk: publisher.idPrefix + monthKey(parsed.date),
        file: file.path,
        items,
      },
    })
    s.digests += 1
    s.items += items.length
    s.itemsWithLink += items.filter((i) => i.url).length
  }

  diagnostics.push(...resolveDuplicateIds(located))
  const statList = [...stats.values()].sort((a, b) => a.publisher.localeCompare(b.publisher))
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: sortDiagnostics(diagnostics), stats: statList }
  }
  const digests = located.map((l) => l.digest)
  return {
    ok: true,
    content: assemble(digests, [...source.publishers.values()]),
    diagnostics: sortDiagnostics(diagnostics),
    stats: statList,
  }
}

/**
 * Strict publishers get an error naming both files. Lenient ids already carry the file name, so
 * only files of the same name and date (in two folders) can still meet: each of them gets a hash of
 * its own path, with a warning, since that is the one case where a new file changes an existing id.
 */
function resolveDuplicateIds(located: Located[]): Diagnostic[] {
  const out: Diagnostic[] = []
  const byId = new Map<string, Located[]>()
  for (const l of located) byId.set(l.digest.id, [...(byId.get(l.digest.id) ?? []), l])
  for (const [id, group] of byId) {
    if (group.length < 2) continue
    const strict = group.some((l) => l.mode === 'strict')
    for (const l of group) {
      const others = group.filter((o) => o !== l).map((o) => o.digest.file)
      out.push({
        file: l.digest.file,
        line: l.dateLine,
        col: 1,
        severity: strict ? 'error' : 'warning',
        kind: 'duplicate-id',
        message: strict
          ? `duplicate digest id "${id}": ${others.join(', ')} has the same date and hour`
          : `duplicate digest id "${id}": ${others.join(', ')} has the same name and date; ` +
            'a hash of the path keeps both (rename one to keep ids readable)',
      })
    }
    if (strict) continue
    for (const l of group) {
      const newId = `${id}-${shortHash(l.digest.file, 6)}`
      l.digest.id = newId
      l.digest.items = l.digest.items.map((item) => ({ ...item, id: itemIdOf(newId, item) }))
    }
  }
  return out
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

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
}
