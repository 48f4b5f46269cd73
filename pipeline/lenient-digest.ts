import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import type { Root } from 'mdast'
import type { DiagnosticSink } from './diagnostics.ts'
import { readFrontMatter } from './front-matter.ts'
import { parseDigestDate, type DigestDate } from './dates.ts'
import { plainText } from './inline.ts'
import { extractLenientItems } from './lenient-items.ts'
import type { ParsedDigest } from './parse-digest.ts'

export interface LenientOptions {
  /** IANA zone for dates written without an offset; default Asia/Shanghai. */
  timeZone?: string
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly)

/**
 * Parses a digest of a lenient publisher. Front matter is optional: the title falls back to the
 * first `#` heading, then the file name; the date to the file name (`YYYY-MM-DD`), read in the
 * publisher's zone. Returns null (after reporting why) for drafts, files without a date and files
 * without items; everything else it can read is kept, with a warning for what it had to drop.
 */
export function parseLenientDigest(
  rawSource: string,
  sink: DiagnosticSink,
  options: LenientOptions = {},
): ParsedDigest | null {
  const timeZone = options.timeZone ?? 'Asia/Shanghai'
  const source = rawSource.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  let data: Record<string, unknown> = {}
  let keyLines: Record<string, number> = {}
  let lineCount = 0
  if (source.split('\n', 1)[0]?.trim() === '---') {
    const fm = readFrontMatter(source, sink)
    if (!fm) return null
    ;({ data, keyLines, lineCount } = fm)
  } else {
    sink.warn('no-front-matter', 'no front matter: title and date taken from the file')
  }
  if (data.draft === true) return null

  // Blank out the front matter instead of cutting it, so mdast positions are file lines.
  const body = '\n'.repeat(lineCount) + source.split('\n').slice(lineCount).join('\n')
  const tree = markdown.parse(body) as Root

  const title = readTitle(data.title, tree, sink)
  const date = readDate(data.date, keyLines.date, sink, timeZone)
  const categories = readCategories(data.categories)
  const items = extractLenientItems(tree, sink)
  if (items.length === 0) {
    sink.error('empty-digest', 'no items found: file skipped', lineCount + 1)
  }
  if (!date || items.length === 0) return null
  return { title, date, dateLine: keyLines.date ?? 1, categories, items }
}

function readTitle(value: unknown, tree: Root, sink: DiagnosticSink): string {
  if (typeof value === 'string' && value.trim()) return value.trim()
  // Only a `#` heading that opens the document names it; later ones came with pasted text.
  const first = tree.children.find((n) => n.type === 'heading')
  const fromHeading =
    first?.type === 'heading' && first.depth === 1 ? plainText(first.children).trim() : ''
  if (fromHeading) return fromHeading
  const stem = fileStem(sink.file)
  const title = titleFromFileName(stem)
  sink.warn('no-title', `no title: using the file name "${stem}" as "${title}"`)
  return title
}

/** `2026-08-22-daily` reads as `Daily 2026-08-22`: the date alone would repeat the slot heading. */
export function titleFromFileName(stem: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[-_ ]*(.*)$/.exec(stem)
  if (!match) return stem
  const words = match[2]!.replace(/[-_]+/g, ' ').trim()
  return words ? `${words[0]!.toUpperCase()}${words.slice(1)} ${match[1]}` : match[1]!
}

function readDate(
  value: unknown,
  line: number | undefined,
  sink: DiagnosticSink,
  timeZone: string,
): DigestDate | null {
  if (value !== undefined && value !== null && value !== '') {
    const written = value instanceof Date ? value.toISOString() : String(value)
    const parsed = parseDigestDate(written, timeZone)
    if (parsed.ok) return parsed.date
    sink.warn('bad-date', `unreadable date "${written}": trying the file name`, line ?? 1)
  }
  const fromName = /(\d{4}-\d{2}-\d{2})/.exec(fileStem(sink.file))?.[1]
  const parsed = fromName ? parseDigestDate(fromName, timeZone) : undefined
  if (parsed?.ok) return parsed.date
  sink.error('missing-date', 'no date: neither front matter nor the file name (YYYY-MM-DD) has one')
  return null
}

function readCategories(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : []
  const names = list
    .filter((c) => typeof c === 'string' || typeof c === 'number')
    .map((c) => String(c).trim())
  return [...new Set(names.filter(Boolean))]
}

function fileStem(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '')
}
