import type { Link, Nodes, PhrasingContent, RootContent } from 'mdast'
import type { InlineRun } from '../src/types/content.ts'
import { SummaryBuilder, plainText } from './inline.ts'
import type { Reporter } from './read-policy.ts'
import { cleanTitle, type Shape } from './shape-words.ts'
import { isHttpUrl } from './sources.ts'

export interface ParsedItem {
  title: string
  url?: string
  line: number
  /** The section heading the item sits under (`AI产品与功能更新`), if any. */
  section?: string
  summary: InlineRun[]
  text: string
  terms: string[]
}

/** An item being read: its title and link are known, its summary grows block by block. */
export interface Draft {
  title: string
  url?: string
  line: number
  section?: string
  builder: SummaryBuilder
  /** Opened by a paragraph: a list right after it holds its fields, not new items. */
  fromParagraph: boolean
  /** The labelled link (`[原文链接](url)`) the url came from: left out of the summary. */
  hidden?: Link
}

export interface OpenOptions {
  /** Where the item starts (its list entry, heading or paragraph). */
  line: number
  col?: number
  /** The link the item's url comes from; none for items without one. */
  link?: Link
  /** Set when `link` is a labelled link (`[原文](url)`) to keep out of the summary. */
  labelled?: boolean
  fromParagraph?: boolean
}

/**
 * Opens drafts and collects the finished items of one digest: drops empty titles and repeated
 * items, keeps bad links out, and reports each (an error in strict mode, a warning in lenient), so
 * every way of finding an item shares it.
 */
export class ItemCollector {
  readonly items: ParsedItem[] = []
  private readonly byKey = new Map<string, ParsedItem>()
  /** The section heading items opened now belong to. */
  section: string | undefined

  constructor(
    readonly reporter: Reporter,
    readonly shape: Shape,
  ) {}

  /** A new summary builder, reading tags after the shape's tag labels. */
  builder(): SummaryBuilder {
    return new SummaryBuilder(this.reporter.sink, { tagLabel: this.shape.tagLabel })
  }

  open(
    title: string,
    { line, col = 1, link, labelled = false, fromParagraph = false }: OpenOptions,
  ) {
    const clean = cleanTitle(title)
    if (!clean) {
      const notes = { strict: ': write [title](url)', lenient: ' (dropped)' }
      this.reporter.report('empty-title', 'item has an empty title', { line, col }, notes)
      return null
    }
    let url: string | undefined
    // `[t](<https://a b>)` keeps the space; encode it so the url is one token everywhere.
    if (link && isHttpUrl(link.url)) url = link.url.trim().replace(/ /g, '%20')
    else if (link) {
      const at = link.position?.start
      const message = `link is not http(s): "${link.url}"`
      const notes = {
        strict: '; only http:// and https:// links are allowed',
        lenient: ' (item kept without a link)',
      }
      const where = { line: at?.line ?? line, col: at?.column ?? col }
      if (this.reporter.report('bad-link', message, where, notes)) return null
    }
    const draft: Draft = {
      title: clean,
      url,
      line,
      section: this.section,
      builder: this.builder(),
      fromParagraph,
      hidden: url && labelled ? link : undefined,
    }
    return draft
  }

  finish(draft: Draft | null): void {
    if (!draft) return
    const { summary, text, terms: bold } = draft.builder.finish()
    // Field and meta labels (`**背景**`, `**重要性**`, `**⭐ 1,234 · Rust**`) are bold but no topic;
    // `6D`, `R1` and `5G` are.
    const terms = bold.filter(
      (t) => !this.shape.fieldLabel.test(t) && /^[\p{L}\p{N}]/u.test(t) && /\p{L}/u.test(t),
    )
    const { title, url, line, section } = draft
    const item: ParsedItem = { title, url, line, summary, text, terms }
    if (section) item.section = section
    const at = { line }
    const key = url ? `url:${url}` : `title:${title.toLowerCase()}`
    const earlier = this.byKey.get(key)
    if (earlier) {
      const message = `duplicate item: ${url ?? `"${title}"`} already appears at line ${earlier.line}`
      this.reporter.report('duplicate-item', message, at, { lenient: ' (dropped)' })
      return
    }
    this.byKey.set(key, item)
    if (!url) {
      const notes = { strict: ': an item starts with [title](url)', lenient: ' (kept without one)' }
      if (this.reporter.report('no-link', `item "${title}" has no http(s) link`, at, notes)) return
    }
    if (/(\.\.\.|…)$/.test(text)) {
      const message = `summary of "${title}" is cut short`
      this.reporter.report('truncated', message, at, { lenient: ' (kept as written)' })
    }
    this.items.push(item)
  }
}

export function addBody(draft: Draft | null, body: RootContent[]): void {
  if (draft) addBlocks(draft, untilBreak(body))
}

/** Adds blocks to a summary, leaving out a short line that only carries the item's own link. */
export function addBlocks(draft: Draft, blocks: RootContent[]): void {
  for (const block of blocks) {
    if (!isSourceLine(block, draft.hidden)) draft.builder.addBlock(block)
  }
}

/** Adds inline content to a summary without the item's own labelled link. */
export function addInline(draft: Draft, nodes: PhrasingContent[]): void {
  const hidden = draft.hidden
  draft.builder.addPhrasing(hidden ? nodes.filter((n) => !contains(n, hidden)) : nodes)
}

/** `> 📰 Blog | ⭐ 60/100 | 🔗 [原文链接](url)`: a meta line whose point is the item's link. */
function isSourceLine(block: RootContent, link: Link | undefined): boolean {
  if (!link || (block.type !== 'paragraph' && block.type !== 'blockquote')) return false
  if (!contains(block, link)) return false
  const rest = textOf(block).replace(plainText(link.children), '')
  return [...rest.trim()].length <= 60
}

export function contains(node: Nodes, target: Nodes): boolean {
  return node === target || ('children' in node && node.children.some((c) => contains(c, target)))
}

function textOf(node: Nodes): string {
  if (node.type === 'paragraph' || node.type === 'heading') return plainText(node.children)
  return 'children' in node ? node.children.map((c) => textOf(c)).join('\n') : ''
}

/** An item's body ends at a horizontal rule: what follows belongs to no item. */
export function untilBreak(body: RootContent[]): RootContent[] {
  const cut = body.findIndex((b) => b.type === 'thematicBreak')
  return cut < 0 ? body : body.slice(0, cut)
}
