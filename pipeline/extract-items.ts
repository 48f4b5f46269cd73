import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root } from 'mdast'
import type { InlineRun } from '../src/types/content.ts'
import type { DiagnosticSink } from './diagnostics.ts'
import { SummaryBuilder, plainText } from './inline.ts'
import { phrasingAfter, stripLeadingSeparator } from './phrasing.ts'
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

interface Draft {
  title: string
  url?: string
  line: number
  builder: SummaryBuilder
}

/**
 * Cuts a digest body (mdast) into items. An item opens at a list entry whose first line starts with
 * a link, or at a `##`+ heading holding a link; what follows (indented or not) is its summary. Kept
 * apart from front-matter handling so other importers can reuse it on bodies of their own.
 */
export function extractItems(tree: Root, sink: DiagnosticSink, mode: ParseMode): ParsedItem[] {
  const items: ParsedItem[] = []
  const seenUrls = new Map<string, ParsedItem>()
  let current: Draft | null = null
  let warnedStray = false
  const problem = (kind: string, message: string, line: number, col: number) =>
    mode === 'strict' ? sink.error(kind, message, line, col) : sink.warn(kind, message, line, col)

  const close = () => {
    if (!current) return
    const { summary, text, terms } = current.builder.finish()
    const { title, url, line } = current
    current = null
    const item: ParsedItem = { title, url, line, summary, text, terms }
    if (url) {
      const earlier = seenUrls.get(url)
      if (earlier) {
        problem(
          'duplicate-item',
          `duplicate item: ${url} already appears at line ${earlier.line}`,
          line,
          1,
        )
        return
      }
      seenUrls.set(url, item)
    }
    items.push(item)
  }

  const open = (link: Link, line: number, col: number): Draft | null => {
    const title = plainText(link.children).replace(/\s+/g, ' ').trim()
    const at = link.position?.start
    if (!isHttpUrl(link.url)) {
      const message = `link is not http(s): "${link.url}"; only http:// and https:// links are allowed`
      if (mode === 'strict') {
        sink.error('bad-link', message, at?.line ?? line, at?.column ?? col)
        return null
      }
      sink.warn('bad-link', `${message} (item kept without a link)`, at?.line ?? line, at?.column)
      return title ? { title, line, builder: new SummaryBuilder(sink) } : null
    }
    if (!title) {
      sink.error('empty-title', 'item has an empty title: write [title](url)', line, col)
      return null
    }
    return { title, url: link.url, line, builder: new SummaryBuilder(sink) }
  }

  /** Opens an item from a line of inline content that starts with its link. */
  const openFrom = (container: Paragraph | Heading, link: Link, line: number, col: number) => {
    const draft = open(link, line, col)
    // Text after the link on the title line opens the summary.
    const after = phrasingAfter(container, link)
    if (draft && after.length) draft.builder.addPhrasing(stripLeadingSeparator(after))
    return draft
  }

  const openListItem = (listItem: ListItem): void => {
    const start = listItem.position?.start ?? { line: 1, column: 1 }
    const [first, ...rest] = listItem.children
    const link = first?.type === 'paragraph' ? leadingLink(first.children) : undefined
    if (!link || first?.type !== 'paragraph') {
      const message = 'list item without a link: an item starts with [title](url)'
      problem(
        'no-link',
        mode === 'strict' ? message : `${message} (item dropped)`,
        start.line,
        start.column,
      )
      return
    }
    current = openFrom(first, link, start.line, start.column)
    for (const block of rest) current?.builder.addBlock(block)
  }

  for (const node of tree.children) {
    const start = node.position?.start ?? { line: 1, column: 1 }
    const link = node.type === 'heading' ? leadingLink(node.children) : undefined
    if (node.type === 'list' && (isItemList(node) || !current)) {
      // The last entry stays open: an unindented paragraph after the list still belongs to it.
      for (const listItem of node.children) {
        close()
        openListItem(listItem)
      }
    } else if (node.type === 'heading' && link && node.depth >= 2) {
      close()
      current = openFrom(node, link, start.line, start.column)
    } else if (node.type === 'heading' || node.type === 'thematicBreak') {
      // A heading without a link (a section title) or a rule ends the current item.
      close()
    } else if (current) {
      current.builder.addBlock(node)
    } else if (node.type === 'html') {
      new SummaryBuilder(sink).addBlock(node)
    } else if (node.type !== 'definition' && !warnedStray) {
      warnedStray = true
      sink.warn('stray-text', 'text outside any item ignored', start.line, start.column)
    }
  }
  close()
  return items
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
