import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkCjkFriendly from 'remark-cjk-friendly'
import type { Link, List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast'
import type { InlineRun } from '../src/types/content.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { readFrontMatter } from './front-matter.ts'
import { parseDigestDate, type DigestDate } from './dates.ts'
import { SummaryBuilder, plainText } from './inline.ts'
import { isHttpUrl } from './sources.ts'

export type ParseMode = 'strict' | 'lenient'

export interface ParsedItem {
  title: string
  url?: string
  line: number
  summary: InlineRun[]
  text: string
  terms: string[]
}

export interface ParsedDigest {
  title: string
  date: DigestDate
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
  const items = extractItems(tree, sink, options.mode)
  if (items.length === 0) {
    sink.error('empty-digest', 'empty digest: no items found', fm.lineCount + 1)
  }

  if (!title || !date || items.length === 0) return null
  return { title, date, categories, items }
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

interface Draft {
  title: string
  url?: string
  line: number
  builder: SummaryBuilder
}

/** Walks the top-level blocks and cuts them into items (list items or headings with a link). */
function extractItems(tree: Root, sink: DiagnosticSink, mode: ParseMode): ParsedItem[] {
  const items: ParsedItem[] = []
  const seenUrls = new Map<string, ParsedItem>()
  let current: Draft | null = null

  const close = () => {
    if (!current) return
    const { summary, text, terms } = current.builder.finish()
    const item: ParsedItem = {
      title: current.title,
      url: current.url,
      line: current.line,
      summary,
      text,
      terms,
    }
    current = null
    if (item.url) {
      const earlier = seenUrls.get(item.url)
      if (earlier) {
        const message = `duplicate item: ${item.url} is already the item at line ${earlier.line}`
        if (mode === 'strict') sink.error('duplicate-item', message, item.line)
        else sink.warn('duplicate-item', message, item.line)
        return
      }
      seenUrls.set(item.url, item)
    }
    items.push(item)
  }

  const open = (title: string, link: Link | undefined, line: number): Draft | null => {
    if (link && !isHttpUrl(link.url)) {
      const at = link.position?.start
      const message = `link is not http(s): "${link.url}"`
      if (mode === 'strict') {
        sink.error('bad-link', message, at?.line ?? line, at?.column ?? 1)
        return null
      }
      sink.warn(
        'bad-link',
        `${message} (item kept without a link)`,
        at?.line ?? line,
        at?.column ?? 1,
      )
      link = undefined
    }
    if (!title) {
      sink.error('empty-title', 'item has an empty title', line)
      return null
    }
    return { title, url: link?.url, line, builder: new SummaryBuilder(sink) }
  }

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1
    if (node.type === 'list' && (isItemList(node) || !current)) {
      close()
      for (const listItem of node.children) {
        const draft = openListItem(listItem, sink, mode, open)
        if (draft) {
          current = draft
          close()
        }
      }
    } else if (node.type === 'heading') {
      close()
      const link = leadingLink(node.children)
      if (link && node.depth >= 2) current = open(plainText(link.children).trim(), link, line)
    } else if (node.type === 'thematicBreak') {
      close()
    } else if (node.type === 'html') {
      ;(current?.builder ?? new SummaryBuilder(sink)).addBlock(node)
    } else if (current) {
      current.builder.addBlock(node)
    }
  }
  close()
  return items
}

type Opener = (title: string, link: Link | undefined, line: number) => Draft | null

function openListItem(
  listItem: ListItem,
  sink: DiagnosticSink,
  mode: ParseMode,
  open: Opener,
): Draft | null {
  const line = listItem.position?.start.line ?? 1
  const [first, ...rest] = listItem.children
  const link = first?.type === 'paragraph' ? leadingLink(first.children) : undefined
  if (!link || first?.type !== 'paragraph') {
    const message = 'list item without a link: an item starts with [title](url)'
    if (mode === 'strict')
      sink.error('no-link', message, line, listItem.position?.start.column ?? 1)
    else sink.warn('no-link', `${message} (item dropped)`, line)
    return null
  }
  const draft = open(plainText(link.children).trim(), link, line)
  if (!draft) return null
  // Text after the link on the title line opens the summary.
  const after = phrasingAfter(first as Paragraph, link)
  if (after.length) draft.builder.addPhrasing(stripLeadingSeparator(after))
  for (const block of rest) draft.builder.addBlock(block)
  return draft
}

/** A list is a list of items when any of its entries starts with a link. */
function isItemList(list: List): boolean {
  return list.children.some((li) => {
    const first = li.children[0]
    return first?.type === 'paragraph' && leadingLink(first.children) !== undefined
  })
}

/** The link that opens a line of inline content (possibly wrapped in bold), if any. */
function leadingLink(nodes: PhrasingContent[]): Link | undefined {
  for (const node of nodes) {
    if (node.type === 'text' && /^[\s\d.、:：#-]*$/.test(node.value)) continue
    if (node.type === 'link') return node
    if (node.type === 'strong' || node.type === 'emphasis') return leadingLink(node.children)
    return undefined
  }
  return undefined
}

function phrasingAfter(paragraph: Paragraph, link: Link): PhrasingContent[] {
  const index = paragraph.children.findIndex(
    (child) =>
      child === link || ('children' in child && (child.children as unknown[]).includes(link)),
  )
  return index < 0 ? [] : paragraph.children.slice(index + 1)
}

function stripLeadingSeparator(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes
  if (first?.type !== 'text') return nodes
  const value = first.value.replace(/^[\s\-–—:：|]+/, '')
  return value ? [{ ...first, value }, ...rest] : rest
}
