import type { Link, Nodes, PhrasingContent, RootContent } from 'mdast'
import type { DiagnosticSink } from './diagnostics.ts'
import type { ParsedItem } from './extract-items.ts'
import { SummaryBuilder, plainText } from './inline.ts'
import { cleanTitle, FIELD_LABEL } from './lenient-patterns.ts'
import { isHttpUrl } from './sources.ts'

/** An item being read: its title and link are known, its summary grows block by block. */
export interface Draft {
  title: string
  url?: string
  line: number
  builder: SummaryBuilder
  /** Opened by a paragraph: a list right after it holds its fields, not new items. */
  fromParagraph: boolean
  /** The labelled link (`[原文链接](url)`) the url came from: left out of the summary. */
  hidden?: Link
}

/**
 * Opens drafts and collects the finished items of one digest: drops empty titles and repeated
 * items, keeps bad links out, and warns about each, so every way of finding an item shares it.
 */
export class ItemCollector {
  readonly items: ParsedItem[] = []
  private readonly byKey = new Map<string, ParsedItem>()

  constructor(readonly sink: DiagnosticSink) {}

  open(
    title: string,
    link: Link | undefined,
    line: number,
    fromParagraph = false,
    labelled?: Link,
  ): Draft | null {
    const clean = cleanTitle(title)
    if (!clean) {
      this.sink.warn('empty-title', 'item with an empty title dropped', line)
      return null
    }
    let url: string | undefined
    // `[t](<https://a b>)` keeps the space; encode it so the url is one token everywhere.
    if (link && isHttpUrl(link.url)) url = link.url.trim().replace(/ /g, '%20')
    else if (link) {
      const at = link.position?.start
      this.sink.warn(
        'bad-link',
        `link is not http(s): "${link.url}" (item kept without a link)`,
        at?.line ?? line,
        at?.column,
      )
    }
    const hidden = url && link === labelled ? link : undefined
    return {
      title: clean,
      url,
      line,
      builder: new SummaryBuilder(this.sink),
      fromParagraph,
      hidden,
    }
  }

  finish(draft: Draft | null): void {
    if (!draft) return
    const { summary, text, terms: bold } = draft.builder.finish()
    // Field and meta labels (`**背景**`, `**重要性**`, `**⭐ 1,234 · Rust**`) are bold but no topic.
    const terms = bold.filter(
      (t) => !FIELD_LABEL.test(t) && /^[\p{L}\p{N}]/u.test(t) && /\p{L}{2}/u.test(t),
    )
    const item: ParsedItem = {
      title: draft.title,
      url: draft.url,
      line: draft.line,
      summary,
      text,
      terms,
    }
    const key = item.url ? `url:${item.url}` : `title:${item.title.toLowerCase()}`
    const earlier = this.byKey.get(key)
    if (earlier) {
      const what = item.url ?? `"${item.title}"`
      this.sink.warn(
        'duplicate-item',
        `duplicate item: ${what} already appears at line ${earlier.line} (dropped)`,
        item.line,
      )
      return
    }
    this.byKey.set(key, item)
    if (!item.url) {
      this.sink.warn(
        'no-link',
        `item "${item.title}" has no http(s) link (kept without one)`,
        item.line,
      )
    }
    if (/(\.\.\.|…)$/.test(text)) {
      this.sink.warn(
        'truncated',
        `summary of "${item.title}" is cut short (kept as written)`,
        item.line,
      )
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

function contains(node: Nodes, target: Nodes): boolean {
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
