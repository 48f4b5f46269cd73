/** Helpers for the pipeline's tests: small digests as strings, parsed without touching the disk. */
import type { Aggregates, Chunk, Digest, DigestSummary, MonthPage } from '../src/types/content.ts'
import { feedOrder, type CompiledContent } from './assemble.ts'
import { compileContent, type CompileOptions } from './compile.ts'
import { DiagnosticSink, formatDiagnostic } from './diagnostics.ts'
import { parseDigest, type ParseMode, type ParseOptions } from './parse-digest.ts'
import type { ShapeHints } from './publisher-schema.ts'
import { groupContent } from './publishers.ts'
import { shapeOf } from './shape-words.ts'

export const FRONT = '---\ntitle: "测试摘要"\ndate: 2025-12-22T04:08:38+08:00\n---\n'

/** A digest file: the standard front matter, then `body`. */
export function digestFile(body: string, front = FRONT): string {
  return front + body
}

/** Parses one digest in strict mode; returns the result and its diagnostics as printed. */
export function parseText(text: string, file = 'd.md', options: ParseOptions = { mode: 'strict' }) {
  const sink = new DiagnosticSink(file)
  const parsed = parseDigest(text, sink, options)
  return { parsed, messages: sink.list.map((d) => formatDiagnostic(d)) }
}

export interface ReadTextOptions {
  file?: string
  mode?: ParseMode
  timeZone?: string
  /** A publisher's `shape` hints, as publisher.json would give them. */
  hints?: ShapeHints
}

/** Reads one digest (lenient unless told) as the compiler would; diagnostics as kinds and as printed. */
export function readText(text: string, options: ReadTextOptions = {}) {
  const { file = 'pub/2026-03-01-daily.md', mode = 'lenient', timeZone, hints } = options
  const sink = new DiagnosticSink(file)
  const parsed = parseDigest(text, sink, { mode, timeZone, shape: shapeOf(hints) })
  const kinds = sink.list.map((d) => d.kind)
  return { parsed, sink, kinds, messages: sink.list.map((d) => formatDiagnostic(d)) }
}

/** A content source with one strict default publisher at the root, from path → text. */
export function sourceOf(files: Record<string, string>) {
  return groupContent(Object.entries(files).map(([path, text]) => ({ path, text })))
}

/** Compiles files (path → text) and returns the content; throws with the diagnostics on errors. */
export async function compiled(files: Record<string, string>, options: CompileOptions = {}) {
  const result = await compileContent(sourceOf(files), options)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.content
}

/** A compiled file's JSON, by its path in the data folder. */
export function fileJson<T = unknown>(content: CompiledContent, name: string): T {
  const body = content.files.get(name)
  if (!body) throw new Error(`no compiled file ${name}`)
  return JSON.parse(body.text()) as T
}

/** Names of the compiled files matching a pattern, sorted. */
export function fileNames(content: CompiledContent, pattern: RegExp): string[] {
  return [...content.files.keys()].filter((n) => pattern.test(n)).sort()
}

/** Every compiled chunk. */
export function chunksOf(content: CompiledContent): Chunk[] {
  return fileNames(content, /^chunks\//).map((n) => fileJson<Chunk>(content, n))
}

/** Every compiled digest in full, in feed order (newest day first). */
export function digestsOf(content: CompiledContent): Digest[] {
  return chunksOf(content)
    .flatMap((c) => c.digests)
    .sort(feedOrder)
}

/** The digest summaries of every month page, in feed order. */
export function summariesOf(content: CompiledContent): DigestSummary[] {
  return content.head.months.flatMap((m) => fileJson<MonthPage>(content, m.file).digests)
}

/** The aggregates file. */
export function aggregatesOf(content: CompiledContent): Aggregates {
  return fileJson<Aggregates>(content, content.head.aggregates)
}
