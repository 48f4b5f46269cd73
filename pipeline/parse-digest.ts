import { parseMarkdown } from './markdown.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import type { DigestDate } from './dates.ts'
import { KNOWN_KEYS, readCategories, readDate, readTitle } from './digest-meta.ts'
import { extractItems, type ParsedItem } from './extract-items.ts'
import { readFrontMatter } from './front-matter.ts'
import { Reporter, type ParseMode } from './read-policy.ts'
import { DEFAULT_SHAPE, type Shape } from './shape-words.ts'

export type { ParsedItem, ParseMode }

export interface ParsedDigest {
  title: string
  date: DigestDate
  /** Line of the `date:` key: where a duplicate digest id is reported. */
  dateLine: number
  categories: string[]
  items: ParsedItem[]
}

export interface ParseOptions {
  mode: ParseMode
  /** IANA zone for dates written without an offset (lenient mode); default Asia/Shanghai. */
  timeZone?: string
  /** The publisher's shape: built-in words and heuristics plus its `publisher.json` hints. */
  shape?: Shape
}

/** Normalises line endings and a BOM so positions count lines the way editors do. */
export function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

/**
 * Reads one digest file, in either mode: the same reading, where strict refuses (errors) what
 * lenient repairs (warnings, read-policy.ts). Lenient mode takes a missing title from the first `#`
 * heading or the file name and a missing date from the file name. Returns null for drafts and for
 * files too broken to use; every problem is reported to `sink` with its file line.
 */
export function parseDigest(
  rawSource: string,
  sink: DiagnosticSink,
  options: ParseOptions,
): ParsedDigest | null {
  const reporter = new Reporter(sink, options.mode)
  const source = normaliseSource(rawSource)
  const fm = readFrontMatter(source, sink)
  if (!fm) return null
  const notes = {
    strict: ": a digest starts with a '---' block holding title and date",
    lenient: ': title and date taken from the file',
  }
  if (!fm.present && reporter.report('no-front-matter', 'no front matter', {}, notes)) return null
  const { data, keyLines, lineCount } = fm
  if (data.draft === true) return null
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      const message = `unknown front-matter key "${key}" ignored`
      reporter.report('unknown-key', message, { line: keyLines[key] ?? 1 })
    }
  }

  // Blank out the front matter instead of cutting it, so mdast positions are file lines.
  const body = '\n'.repeat(lineCount) + source.split('\n').slice(lineCount).join('\n')
  const tree = parseMarkdown(body)
  const title = readTitle(data.title, keyLines.title, tree, reporter)
  const date = readDate(data.date, keyLines.date, reporter, options.timeZone ?? 'Asia/Shanghai')
  const categories = readCategories(data.categories, keyLines.categories, reporter)
  const items = extractItems(tree, reporter, options.shape ?? DEFAULT_SHAPE)
  // Items that were found but refused are already reported; "empty" is for a body without any.
  if (items.length === 0 && !reporter.refusedAnyItem) {
    const emptyNotes = { strict: '; an item starts with [title](url)', lenient: ' (file skipped)' }
    reporter.report(
      'empty-digest',
      'empty digest: no items found',
      { line: lineCount + 1 },
      emptyNotes,
    )
  }
  if (title === null || !date || items.length === 0) return null
  return { title, date, dateLine: keyLines.date ?? 1, categories, items }
}
