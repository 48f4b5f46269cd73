import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import type { Root } from 'mdast'
import type { DiagnosticSink } from './diagnostics.ts'
import { readFrontMatter } from './front-matter.ts'
import { parseDigestDate, type DigestDate } from './dates.ts'
import { extractItems, type ParsedItem, type ParseMode } from './extract-items.ts'

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
  /** IANA zone for dates written without an offset (lenient publishers only). */
  timeZone?: string
}

const KNOWN_KEYS = new Set([
  'title',
  'date',
  'categories',
  'draft',
  'tags',
  'description',
  'summary',
  'author',
  'layout',
  'lang',
  'slug',
  'lastmod',
  'keywords',
])

const ITEM_PROBLEMS = new Set(['no-link', 'bad-link', 'empty-title', 'duplicate-item'])

// remark-cjk-friendly: CommonMark alone does not close `**粗体（RLVR）**成为`, which the seed writes.
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly)

/** Normalises line endings and a BOM so positions count lines the way editors do. */
export function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

/**
 * Parses one digest file. Returns null for drafts and for files too broken to use; every problem
 * is reported to `sink` with its file line.
 */
export function parseDigest(
  rawSource: string,
  sink: DiagnosticSink,
  options: ParseOptions,
): ParsedDigest | null {
  const source = normaliseSource(rawSource)
  const fm = readFrontMatter(source, sink)
  if (!fm) return null
  const { data, keyLines } = fm
  if (data.draft === true) return null

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      sink.warn('unknown-key', `unknown front-matter key "${key}" ignored`, keyLines[key] ?? 1)
    }
  }

  const title = typeof data.title === 'string' ? data.title.trim() : ''
  if (!title) {
    if (data.title === undefined) sink.error('missing-title', 'missing title in front matter')
    else sink.error('missing-title', 'title must be a non-empty string', keyLines.title ?? 1)
  }

  const date = readDate(data.date, keyLines.date, sink, options)
  const categories = readCategories(data.categories, keyLines.categories, sink)

  // Blank out the front matter instead of cutting it, so mdast positions are file lines.
  const body = '\n'.repeat(fm.lineCount) + source.split('\n').slice(fm.lineCount).join('\n')
  const tree = markdown.parse(body) as Root
  const itemProblems = () => sink.list.filter((d) => ITEM_PROBLEMS.has(d.kind)).length
  const before = itemProblems()
  const items = extractItems(tree, sink, options.mode)
  // Items that were found but broken are already reported; "empty" is for a body without any.
  if (items.length === 0 && itemProblems() === before) {
    sink.error(
      'empty-digest',
      'empty digest: no items found; an item starts with [title](url)',
      fm.lineCount + 1,
    )
  }

  if (!title || !date || items.length === 0) return null
  return { title, date, dateLine: keyLines.date ?? 1, categories, items }
}

function readDate(
  value: unknown,
  line: number | undefined,
  sink: DiagnosticSink,
  options: ParseOptions,
): DigestDate | null {
  if (value === undefined || value === null || value === '') {
    sink.error('missing-date', 'missing date in front matter', line ?? 1)
    return null
  }
  const written = value instanceof Date ? value.toISOString() : String(value)
  const zone = options.mode === 'lenient' ? options.timeZone : undefined
  const parsed = parseDigestDate(written, zone)
  if (parsed.ok) return parsed.date
  if (parsed.reason === 'no-offset') {
    sink.error(
      'bad-date',
      `date "${written}" has no UTC offset: write it as, e.g., 2025-12-22T04:08:38+08:00`,
      line ?? 1,
    )
  } else {
    sink.error(
      'bad-date',
      `unparseable date "${written}": expected ISO 8601 with an offset, e.g. 2025-12-22T04:08:38+08:00`,
      line ?? 1,
    )
  }
  return null
}

function readCategories(value: unknown, line: number | undefined, sink: DiagnosticSink): string[] {
  if (value === undefined || value === null) return []
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.some((c) => typeof c !== 'string' && typeof c !== 'number')) {
    sink.error('bad-categories', 'categories must be a list of strings', line ?? 1)
    return []
  }
  const seen = new Set<string>()
  for (const c of list) {
    const name = String(c).trim()
    if (name) seen.add(name)
  }
  return [...seen]
}
