import type { Root } from 'mdast'
import { parseDigestDate, type DigestDate } from './dates.ts'
import { plainText } from './inline.ts'
import type { Reporter } from './read-policy.ts'

/** Front-matter keys digests of any publisher carry; others are warned about in strict mode. */
export const KNOWN_KEYS = new Set([
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

/**
 * The digest's title: front matter `title`; lenient mode falls back to a `#` heading opening the
 * body, then the file name. Null when strict mode refused it.
 */
export function readTitle(
  value: unknown,
  line: number | undefined,
  tree: Root,
  reporter: Reporter,
): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim()
  // Only a `#` heading that opens the document names it; later ones came with pasted text.
  const first = tree.children.find((n) => n.type === 'heading')
  const fromHeading =
    reporter.repairs && first?.type === 'heading' && first.depth === 1
      ? plainText(first.children).trim()
      : ''
  if (fromHeading) return fromHeading
  const stem = fileStem(reporter.sink.file)
  const title = titleFromFileName(stem)
  const notes = { lenient: ` (using the file name "${stem}" as "${title}")` }
  const refused =
    value === undefined
      ? reporter.report('missing-title', 'missing title in front matter', {}, notes)
      : reporter.report('missing-title', 'title must be a non-empty string', { line }, notes)
  return refused ? null : title
}

/** `2026-08-22-daily` reads as `Daily 2026-08-22`: the date alone would repeat the slot heading. */
export function titleFromFileName(stem: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[-_ ]*(.*)$/.exec(stem)
  if (!match) return stem
  const words = match[2]!.replace(/[-_]+/g, ' ').trim()
  return words ? `${words[0]!.toUpperCase()}${words.slice(1)} ${match[1]}` : match[1]!
}

/**
 * The digest's date: front matter `date`, ISO 8601 with an offset; lenient mode reads one without
 * an offset in `timeZone`, and falls back to the file name's `YYYY-MM-DD`.
 */
export function readDate(
  value: unknown,
  line: number | undefined,
  reporter: Reporter,
  timeZone: string,
): DigestDate | null {
  const at = { line: line ?? 1 }
  if (value === undefined || value === null || value === '') {
    if (reporter.report('no-date-key', 'missing date in front matter', at)) return null
    return dateFromFileName(reporter, timeZone)
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    // A list or a map is no date, and String() of one may throw (a `toString` key).
    const message = `date must be a string such as 2025-12-22T04:08:38+08:00, not a ${Array.isArray(value) ? 'list' : 'map'}`
    if (reporter.report('bad-date', message, at, { lenient: ' (trying the file name)' }))
      return null
    return dateFromFileName(reporter, timeZone)
  }
  const written = value instanceof Date ? value.toISOString() : String(value)
  let parsed = parseDigestDate(written)
  if (!parsed.ok && parsed.reason === 'no-offset') {
    const message = `date "${written}" has no UTC offset: write it as, e.g., 2025-12-22T04:08:38+08:00`
    if (reporter.report('no-offset', message, at)) return null
    parsed = parseDigestDate(written, timeZone)
  }
  if (parsed.ok) return parsed.date
  const message = `unparseable date "${written}": expected ISO 8601 with an offset, e.g. 2025-12-22T04:08:38+08:00`
  if (reporter.report('bad-date', message, at, { lenient: ' (trying the file name)' })) return null
  return dateFromFileName(reporter, timeZone)
}

function dateFromFileName(reporter: Reporter, timeZone: string): DigestDate | null {
  const fromName = /(\d{4}-\d{2}-\d{2})/.exec(fileStem(reporter.sink.file))?.[1]
  const parsed = fromName ? parseDigestDate(fromName, timeZone) : undefined
  if (parsed?.ok) return parsed.date
  const message = 'no date: neither front matter nor the file name (YYYY-MM-DD) has one'
  reporter.report('missing-date', message)
  return null
}

/** Front matter `categories`: a list of strings (or one string), trimmed, without repeats. */
export function readCategories(
  value: unknown,
  line: number | undefined,
  reporter: Reporter,
): string[] {
  if (value === undefined || value === null) return []
  const list: unknown[] = Array.isArray(value) ? value : [value]
  const usable = list.filter((c) => typeof c === 'string' || typeof c === 'number')
  if (usable.length !== list.length) {
    const message = 'categories must be a list of strings'
    const notes = { lenient: ' (only the strings among them kept)' }
    if (reporter.report('bad-categories', message, { line: line ?? 1 }, notes)) return []
  }
  return [...new Set(usable.map((c) => String(c).trim()).filter(Boolean))]
}

/** The file's name without its folder and `.md`. */
export function fileStem(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.md$/i, '')
}
