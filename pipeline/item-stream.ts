import type { Link, ListItem, PhrasingContent, RootContent } from 'mdast'
import { plainText } from './inline.ts'
import { addBlocks, addInline, type Draft, type ItemCollector } from './item-collector.ts'
import {
  entryKind,
  firstAnchor,
  hasLinkEntry,
  leadingStrong,
  listKind,
  splitFirstLine,
} from './item-kinds.ts'
import { findSourceLink, leadingLink } from './item-links.ts'
import { paragraphOpener } from './item-openers.ts'
import { itemColumns, readTableItems } from './item-table.ts'
import { deriveTitle } from './item-title.ts'
import { phrasingAfter, stripLeadingSeparator } from './phrasing.ts'

export interface StreamOptions {
  /** Paragraphs led by a bold title open items (not in a digest's preamble). */
  boldTitles?: boolean
  /** Lists of running text that link out are items, their titles derived (under a section). */
  textEntries?: boolean
}

/**
 * Cuts a run of blocks (a digest without headings, or one section's body) into items: list entries
 * led by a link or a bold title (or, with `textEntries`, running text), paragraphs whose first line
 * is a link or a bold title, and the rows of tables of items.
 */
export function streamItems(
  blocks: RootContent[],
  collector: ItemCollector,
  { boldTitles = true, textEntries = false }: StreamOptions = {},
): void {
  const { reporter, shape } = collector
  const everyList = shape.items === 'list-items'
  let current: Draft | null = null
  // Items opened from a list of running text: a list after one of them (a list cut by a picture)
  // holds more of them, not that item's bullet points.
  let inTextList = false
  const close = () => {
    collector.finish(current)
    current = null
  }
  for (const block of blocks) {
    const at = { line: block.position?.start.line ?? 1, col: block.position?.start.column ?? 1 }
    if (block.type === 'thematicBreak' || block.type === 'heading') {
      if (block.type === 'heading' && current) addBlocks(current, [block])
      else close()
      continue
    }
    if (block.type === 'table') {
      const columns = itemColumns(block, shape)
      if (columns) {
        close()
        readTableItems(block, columns, collector)
      } else if (current) addBlocks(current, [block])
      else reporter.stray(at)
      continue
    }
    if (block.type === 'list') {
      const text = textEntries && (!current || inTextList || everyList)
      const kind = listKind(block, shape, { textEntries: text })
      if (kind === 'toc') {
        close()
        reportToc(collector, firstAnchor(block) ?? '#', at)
      } else if (kind !== 'other' && !(current?.fromParagraph && !hasLinkEntry(block, shape))) {
        close()
        inTextList = kind === 'text-items'
        for (const entry of block.children) {
          close()
          current = openEntry(entry, collector, { textEntries: text })
        }
      } else if (current) {
        addBlocks(current, [block])
      } else {
        for (const entry of block.children) strayEntry(entry, collector)
      }
      continue
    }
    const opener =
      block.type === 'paragraph' ? paragraphOpener(block, shape, { boldTitles }) : undefined
    if (opener && !everyList) {
      close()
      inTextList = false
      current = collector.open(opener.title, {
        line: at.line,
        link: opener.link,
        labelled: opener.link !== undefined && opener.link === opener.labelled,
        fromParagraph: true,
      })
      if (current && opener.rest.length) addInline(current, opener.rest)
    } else if (current) {
      addBlocks(current, [block])
    } else if (block.type !== 'definition') {
      reporter.stray(at)
    }
  }
  close()
}

export function reportToc(collector: ItemCollector, url: string, at: { line: number }): void {
  const message = `links inside the page (${url}): a contents list, not an item`
  collector.reporter.report('toc', message, at, { lenient: ' (skipped)' })
}

/** A list entry outside any item that is no item (strict: an error, as the seed's lists must link). */
function strayEntry(entry: ListItem, collector: ItemCollector): void {
  const at = { line: entry.position?.start.line ?? 1, col: entry.position?.start.column ?? 1 }
  const notes = { strict: ': an item starts with [title](url)' }
  collector.reporter.report('stray-entry', 'list item without a link', at, notes)
}

function openEntry(
  entry: ListItem,
  collector: ItemCollector,
  { textEntries }: { textEntries: boolean },
): Draft | null {
  const { shape, reporter } = collector
  const line = entry.position?.start.line ?? 1
  const col = entry.position?.start.column ?? 1
  const [first, ...rest] = entry.children
  const kind = entryKind(entry, shape, { textEntries })
  if (first?.type !== 'paragraph' || kind === 'plain' || kind === 'field' || kind === 'toc') {
    const notes = { strict: ': an item starts with [title](url)', lenient: ' or title (dropped)' }
    reporter.report('untitled-entry', 'list item without a link', { line, col }, notes)
    return null
  }
  let draft: Draft | null
  let after: PhrasingContent[]
  if (kind === 'link') {
    const link = leadingLink(first.children)!
    draft = collector.open(plainText(link.children), { line, col, link })
    after = phrasingAfter(first, link)
  } else if (kind === 'titled') {
    const split = splitFirstLine(first)!
    const link = findSourceLink(entry.children, shape, { labelledOnly: true })
    draft = collector.open(split.title, { line, col, link, labelled: true })
    after = split.rest
  } else if (kind === 'bold') {
    const strong = leadingStrong(first.children)!
    const labelled = findSourceLink(entry.children, shape, { labelledOnly: true })
    const link = labelled ?? findSourceLink(entry.children, shape)
    draft = collector.open(plainText(strong.children), {
      line,
      col,
      link,
      labelled: link !== undefined && link === labelled,
    })
    after = phrasingAfter(first, strong)
  } else {
    // Running text (`**要点**，正文…[原文](url)`): the title is derived, the whole text is the summary.
    const labelled = findSourceLink(entry.children, shape, { labelledOnly: true })
    const link = labelled ?? findSourceLink(entry.children, shape)
    const own = link !== undefined && (link === labelled || isBareUrl(link))
    draft = collector.open(deriveTitle(first, shape, own ? link : undefined), {
      line,
      col,
      link,
      labelled: own,
    })
    after = first.children
  }
  if (!draft) return null
  if (after.length) addInline(draft, kind === 'text' || kind === 'sentence' ? after : trim(after))
  addBlocks(draft, rest)
  return draft
}

const trim = (nodes: PhrasingContent[]) => stripLeadingSeparator(nodes)

const isBareUrl = (link: Link) => plainText(link.children).trim() === link.url
