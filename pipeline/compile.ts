import {
  CONTENT_SCHEMA_VERSION,
  type Chunk,
  type Digest,
  type DigestSummary,
  type Manifest,
  type NameCount,
  type SearchData,
} from '../src/types/content.ts'
import { DiagnosticSink, type Diagnostic } from './diagnostics.ts'
import { dateSlug, monthKey } from './dates.ts'
import { itemIdOf, shortHash } from './ids.ts'
import { parseDigest } from './parse-digest.ts'
import type { ContentSource, PublisherConfig } from './publishers.ts'
import { sourceOf } from './sources.ts'

/** The manifest's term list keeps the most frequent terms only; search covers the rest. */
export const MANIFEST_TERM_LIMIT = 400

export interface CompileOptions {
  /** Treat every publisher as lenient (the CLI's --lenient). */
  lenient?: boolean
}

export interface CompiledContent {
  manifest: Manifest
  manifestJson: string
  /** Content-hashed data files (chunks, search data) by path relative to the data directory. */
  files: Map<string, string>
}

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
    const parsed = parseDigest(file.text, sink, { mode, timeZone: publisher.timeZone })
    const s = statsOf(publisher.id)
    s.files += 1
    for (const d of sink.list) {
      if (d.severity === 'warning') s.warnings[d.kind] = (s.warnings[d.kind] ?? 0) + 1
      else s.errors += 1
    }
    // A lenient publisher's broken file is skipped with its errors reported as warnings.
    if (mode === 'lenient') {
      for (const d of sink.list) diagnostics.push({ ...d, severity: 'warning' })
    } else {
      diagnostics.push(...sink.list)
    }
    if (!parsed || (mode === 'strict' && sink.hasErrors)) continue

    const digestId = publisher.idPrefix + dateSlug(parsed.date)
    const items = parsed.items.map((item, index) => ({
      id: itemIdOf(digestId, item),
      position: index + 1,
      title: item.title,
      url: item.url,
      source: item.url ? sourceOf(item.url) : undefined,
      summary: item.summary,
      text: item.text,
      terms: item.terms,
    }))
    located.push({
      publisher,
      digest: {
        id: digestId,
        publisher: publisher.id,
        title: parsed.title,
        date: parsed.date.written,
        time: parsed.date.time,
        offsetMinutes: parsed.date.offsetMinutes,
        categories: parsed.categories,
        itemCount: items.length,
        chunk: monthKey(parsed.date),
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
    content: assemble(digests, source),
    diagnostics: sortDiagnostics(diagnostics),
    stats: statList,
  }
}

/** Strict publishers get an error naming both files; lenient ones get a suffix from the file name. */
function resolveDuplicateIds(located: Located[]): Diagnostic[] {
  const out: Diagnostic[] = []
  const byId = new Map<string, Located[]>()
  for (const l of located) byId.set(l.digest.id, [...(byId.get(l.digest.id) ?? []), l])
  for (const [id, group] of byId) {
    if (group.length < 2) continue
    const strict = group.filter((l) => l.publisher.mode === 'strict')
    if (strict.length > 0) {
      for (const l of group) {
        const others = group.filter((o) => o !== l).map((o) => o.digest.file)
        out.push({
          file: l.digest.file,
          line: 1,
          col: 1,
          severity: 'error',
          kind: 'duplicate-id',
          message: `duplicate digest id "${id}": also produced by ${others.join(', ')}`,
        })
      }
      continue
    }
    for (const l of group) {
      const newId = `${id}-${fileSlug(l.digest.file)}`
      l.digest.id = newId
      l.digest.items = l.digest.items.map((item) => ({ ...item, id: itemIdOf(newId, item) }))
    }
  }
  return out
}

function fileSlug(path: string): string {
  const stem = path.split('/').pop()!.replace(/\.md$/i, '')
  const ascii = stem
    .toLowerCase()
    .replace(/\d{4}-\d{2}-\d{2}/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return ascii || shortHash(path, 6)
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)
}

function assemble(digests: Digest[], source: ContentSource): CompiledContent {
  digests.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id))
  const chunkDigests = new Map<string, Digest[]>()
  for (const d of digests) chunkDigests.set(d.chunk, [...(chunkDigests.get(d.chunk) ?? []), d])

  const files = new Map<string, string>()
  const chunks: Record<string, string> = {}
  for (const [key, list] of chunkDigests) {
    const chunk: Chunk = { schemaVersion: CONTENT_SCHEMA_VERSION, key, digests: list }
    const json = JSON.stringify(chunk)
    const name = `chunks/${key}.${shortHash(json, 10)}.json`
    chunks[key] = name
    files.set(name, json)
  }

  const contentHash = shortHash([...files.keys()].sort().join('\n'), 12)
  const search: SearchData = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    contentHash,
    docs: digests.flatMap((d) =>
      d.items.map((item) => ({
        id: item.id,
        digestId: d.id,
        publisher: d.publisher,
        time: d.time,
        title: item.title,
        text: item.text,
        terms: item.terms,
        categories: d.categories,
        handle: item.source?.handle,
        host: item.source?.host,
      })),
    ),
  }
  const searchJson = JSON.stringify(search)
  const searchName = `search.${shortHash(searchJson, 10)}.json`
  files.set(searchName, searchJson)

  const summaries: DigestSummary[] = digests.map(({ items: _items, ...summary }) => summary)
  const publisherCounts = countBy(digests.map((d) => d.publisher))
  const manifest: Manifest = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    contentHash,
    digests: summaries,
    publishers: [...source.publishers.values()]
      .filter((p) => publisherCounts.has(p.id))
      .map((p) => ({ id: p.id, name: p.name, digestCount: publisherCounts.get(p.id) ?? 0 })),
    categories: toNameCounts(countBy(digests.flatMap((d) => d.categories))),
    terms: toNameCounts(countBy(digests.flatMap((d) => d.items.flatMap((i) => i.terms)))).slice(
      0,
      MANIFEST_TERM_LIMIT,
    ),
    sources: toNameCounts(
      countBy(
        digests.flatMap((d) =>
          d.items.flatMap((i) =>
            i.source ? [i.source.handle ? `@${i.source.handle}` : i.source.host] : [],
          ),
        ),
      ),
    ),
    chunks,
    search: searchName,
    itemCount: search.docs.length,
  }
  return { manifest, manifestJson: JSON.stringify(manifest), files }
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

function toNameCounts(counts: Map<string, number>): NameCount[] {
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}
