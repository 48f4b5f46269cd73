import type { Digest } from '../src/types/content.ts'
import {
  assemble,
  type CompiledContent,
  type DigestRecord,
  type SegmentBuilder,
} from './assemble.ts'
import { metaOf, type CompileCache, type FileMeta } from './compile-cache.ts'
import { compileFile, type FileResult } from './compile-file.ts'
import type { Diagnostic } from './diagnostics.ts'
import { itemIdOf, shortHash } from './ids.ts'
import type { ContentSource, SourceFile } from './publishers.ts'

export { fileNameSlug } from './compile-file.ts'
export type { CompiledContent }

/** Compiles many files at once (worker threads); the same results as `compileFile` one by one. */
export type FileCompiler = (
  jobs: { file: SourceFile; key: string }[],
  onDone: (result: FileResult) => void,
) => Promise<FileResult[]>

export interface CompileOptions {
  /** Treat every publisher as lenient (the CLI's --lenient). */
  lenient?: boolean
  cache?: CompileCache
  /** How files not in the cache are compiled; one by one on this thread by default. */
  compileFiles?: FileCompiler
  /** How search segments not in the cache are built; here, one by one, by default. */
  buildSegments?: SegmentBuilder
  /** Called as files finish (cached ones at once), for progress display. */
  onProgress?: (progress: { done: number; total: number; warnings: number }) => void
  /** Identifies the compiler's code in cache keys (see compiler-version.ts). */
  compilerVersion?: string
}

/** Where a run's time went, in milliseconds: reading files is the caller's. */
export interface CompileTimings {
  files: number
  assemble: number
}

/** A result before its timings are added. */
type Untimed =
  | { ok: true; content: CompiledContent; diagnostics: Diagnostic[]; stats: PublisherStats[] }
  | { ok: false; diagnostics: Diagnostic[]; stats: PublisherStats[] }

export type CompileResult =
  | {
      ok: true
      content: CompiledContent
      diagnostics: Diagnostic[]
      stats: PublisherStats[]
      timings: CompileTimings
    }
  | { ok: false; diagnostics: Diagnostic[]; stats: PublisherStats[]; timings: CompileTimings }

export interface PublisherStats {
  publisher: string
  files: number
  digests: number
  items: number
  itemsWithLink: number
  warnings: Record<string, number>
  errors: number
}

/** The cache key of one file's result: everything `compileFile` depends on. */
export function fileKey(
  file: SourceFile,
  source: ContentSource,
  { lenient = false, compilerVersion = '' }: CompileOptions,
): string {
  const publisher = source.publishers.get(file.publisher)!
  return shortHash(
    JSON.stringify([compilerVersion, lenient, publisher, file.path, file.textHash]),
    32,
  )
}

/**
 * Compiles every digest file into the head, month pages, chunks, aggregates and search index.
 * No I/O of its own: files come in, content goes out; the cache and the worker pool are injected.
 */
export async function compileContent(
  source: ContentSource,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const { cache, onProgress } = options
  const started = performance.now()
  const total = source.files.length
  const entries: Entry[] = new Array(total)
  let done = 0
  let warnings = 0
  const finished = (index: number, entry: Entry) => {
    entries[index] = entry
    done++
    warnings += entry.meta.diagnostics.filter((d) => d.severity === 'warning').length
    onProgress?.({ done, total, warnings })
  }
  const jobs: { file: SourceFile; key: string; index: number }[] = []
  source.files.forEach((file, index) => {
    const key = fileKey(file, source, options)
    const hit = cache?.file(key)
    if (hit) finished(index, { key, ...hit })
    else jobs.push({ file, key, index })
  })
  // Results are matched back by path (unique within a run): worker threads finish in any order.
  const byPath = new Map(jobs.map((j) => [j.file.path, j]))
  const compileFiles = options.compileFiles ?? serialCompiler(source, options)
  await compileFiles(jobs, (result) => {
    const job = byPath.get(result.file)!
    cache?.remember(job.key, result)
    finished(job.index, { key: job.key, meta: metaOf(result), load: () => result.digest! })
  })
  const filesMs = performance.now() - started
  const result = await finish(source, entries, options)
  return { ...result, timings: { files: filesMs, assemble: performance.now() - started - filesMs } }
}

/** One file's outcome, fresh or cached: its meta, and its full digest on demand. */
interface Entry {
  key: string
  meta: FileMeta
  load(): Digest
}

/** Compiles jobs one by one on this thread. */
export function serialCompiler(source: ContentSource, { lenient }: CompileOptions): FileCompiler {
  return async (jobs, onDone) =>
    jobs.map(({ file }) => {
      const result = compileFile(file, source.publishers.get(file.publisher)!, { lenient })
      onDone(result)
      return result
    })
}

async function finish(
  source: ContentSource,
  entries: Entry[],
  { cache, buildSegments, compilerVersion }: CompileOptions,
): Promise<Untimed> {
  const diagnostics: Diagnostic[] = [...source.diagnostics]
  const stats = new Map<string, PublisherStats>()
  const located: Located[] = []
  for (const entry of entries) {
    const { meta } = entry
    const s = statsOf(stats, meta.publisher)
    s.files += 1
    for (const d of meta.diagnostics) {
      if (d.severity === 'warning') s.warnings[d.kind] = (s.warnings[d.kind] ?? 0) + 1
      else s.errors += 1
    }
    diagnostics.push(...meta.diagnostics)
    if (!meta.digest) continue
    located.push({ entry, id: meta.digest.id })
    s.digests += 1
    s.items += meta.digest.itemCount
    s.itemsWithLink += meta.linked
  }
  diagnostics.push(...resolveDuplicateIds(located))
  const statList = [...stats.values()].sort((a, b) => (a.publisher < b.publisher ? -1 : 1))
  if (diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: sortDiagnostics(diagnostics), stats: statList }
  }
  return {
    ok: true,
    content: await assemble(located.map(recordOf), [...source.publishers.values()], {
      cache,
      aliases: source.aliases,
      buildSegments,
      compilerVersion,
    }),
    diagnostics: sortDiagnostics(diagnostics),
    stats: statList,
  }
}

interface Located {
  entry: Entry
  /** The digest's final id: a duplicate is renamed, never the cached result itself. */
  id: string
}

/** What the assembler gets of a located digest, its rename applied. */
function recordOf({ entry, id }: Located): DigestRecord {
  const renamed = id !== entry.meta.digest!.id
  return {
    summary: { ...entry.meta.digest!, id },
    fingerprint: `${entry.key}:${id}`,
    load: () => {
      const digest = entry.load()
      if (!renamed) return digest
      return { ...digest, id, items: digest.items.map((i) => ({ ...i, id: itemIdOf(id, i) })) }
    },
  }
}

function statsOf(stats: Map<string, PublisherStats>, id: string): PublisherStats {
  let s = stats.get(id)
  if (!s) {
    s = { publisher: id, files: 0, digests: 0, items: 0, itemsWithLink: 0, warnings: {}, errors: 0 }
    stats.set(id, s)
  }
  return s
}

/**
 * Strict publishers get an error naming both files. Lenient ids already carry the file name, so
 * only files of the same name and date (in two folders) can still meet: each of them gets a hash of
 * its own path, with a warning, since that is the one case where a new file changes an existing id.
 */
function resolveDuplicateIds(located: Located[]): Diagnostic[] {
  const out: Diagnostic[] = []
  const byId = new Map<string, Located[]>()
  for (const l of located) byId.set(l.id, [...(byId.get(l.id) ?? []), l])
  for (const [id, group] of byId) {
    if (group.length < 2) continue
    const strict = group.some((l) => l.entry.meta.mode === 'strict')
    for (const l of group) {
      const others = group.filter((o) => o !== l).map((o) => o.entry.meta.file)
      out.push({
        file: l.entry.meta.file,
        line: l.entry.meta.dateLine,
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
    for (const l of group) l.id = `${id}-${shortHash(l.entry.meta.file, 6)}`
  }
  return out
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col,
  )
}
