import type { Link, List, ListItem, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast'
import { plainText } from './inline.ts'
import { addBlocks, addInline, type Draft, type ItemCollector } from './lenient-draft.ts'
import { findSourceLink, isAnchorLink, isSourceLabel, leadingLink } from './lenient-links.ts'
import { FIELD_LABEL } from './lenient-patterns.ts'
import { LENIENT_SEPARATORS, phrasingAfter, stripLeadingSeparator } from './phrasing.ts'

const stripSeparator = (nodes: PhrasingContent[]) =>
  stripLeadingSeparator(nodes, LENIENT_SEPARATORS)

/**
 * Cuts a run of blocks (a digest without headings, or one section's body) into items: list entries
 * led by a link or a bold title, and paragraphs whose first line is a link or a bold title.
 */
export function streamItems(
  blocks: RootContent[],
  collector: ItemCollector,
  boldTitles = true,
): void {
  let current: Draft | null = null
  const close = () => {
    collector.finish(current)
    current = null
  }
  for (const block of blocks) {
    const line = block.position?.start.line ?? 1
    if (block.type === 'thematicBreak' || block.type === 'heading') {
      if (block.type === 'heading' && current) addBlocks(current, [block])
      else close()
      continue
    }
    if (block.type === 'list') {
      const kind = listKind(block)
      if (kind === 'toc') {
        close()
        collector.sink.warn('toc', 'table of contents (links inside the page) skipped', line)
      } else if (kind === 'items' && !(current?.fromParagraph && !hasLinkEntry(block))) {
        close()
        for (const entry of block.children) {
          close()
          current = openEntry(entry, collector)
        }
      } else if (current) {
        addBlocks(current, [block])
      }
      continue
    }
    const opener = block.type === 'paragraph' ? paragraphOpener(block, boldTitles) : undefined
    if (opener) {
      close()
      current = collector.open(opener.title, opener.link, line, true, opener.labelled)
      if (current && opener.rest.length) addInline(current, opener.rest)
    } else if (current) {
      addBlocks(current, [block])
    }
  }
  close()
}

/** Blocks that would open at least one item: a list of items or an opening paragraph. */
export function hasOpeners(blocks: RootContent[]): boolean {
  return blocks.some(
    (b) =>
      (b.type === 'list' && listKind(b) === 'items') ||
      (b.type === 'paragraph' && paragraphOpener(b) !== undefined),
  )
}

type EntryKind = 'link' | 'bold' | 'titled' | 'toc' | 'field' | 'plain'

function entryKind(entry: ListItem): EntryKind {
  const first = entry.children[0]
  if (first?.type !== 'paragraph') return 'plain'
  const link = leadingLink(first.children)
  if (link) return isAnchorLink(link) ? 'toc' : isSourceLabel(link) ? 'plain' : 'link'
  const strong = leadingStrong(first.children)
  if (strong) return isFieldLabel(strong, first) ? 'field' : 'bold'
  // `- Tool v1.2⏎  summary⏎  [Release 链接](url)`: a plain first line titles an entry that links out.
  return splitFirstLine(first) && findSourceLink(entry.children, true) ? 'titled' : 'plain'
}

function listKind(list: List): 'items' | 'toc' | 'other' {
  const kinds = list.children.map(entryKind)
  if (kinds.includes('toc') && !kinds.includes('link')) return 'toc'
  const items = kinds.some((k) => k === 'link' || k === 'bold' || k === 'titled')
  return items ? 'items' : 'other'
}

function hasLinkEntry(list: List): boolean {
  return list.children.some((entry) => entryKind(entry) === 'link')
}

function openEntry(entry: ListItem, collector: ItemCollector): Draft | null {
  const line = entry.position?.start.line ?? 1
  const [first, ...rest] = entry.children
  const kind = entryKind(entry)
  if (first?.type !== 'paragraph' || kind === 'plain' || kind === 'field' || kind === 'toc') {
    collector.sink.warn('no-title', 'list entry without a linked or bold title (dropped)', line)
    return null
  }
  let draft: Draft | null
  let after: PhrasingContent[]
  if (kind === 'link') {
    const link = leadingLink(first.children)!
    draft = collector.open(plainText(link.children), link, line)
    after = phrasingAfter(first, link)
  } else if (kind === 'titled') {
    const split = splitFirstLine(first)!
    const labelled = findSourceLink(entry.children, true)
    draft = collector.open(split.title, labelled, line, false, labelled)
    after = split.rest
  } else {
    const strong = leadingStrong(first.children)!
    const labelled = findSourceLink(entry.children, true)
    const link = labelled ?? findSourceLink(entry.children)
    draft = collector.open(plainText(strong.children), link, line)
    if (draft && labelled) draft.hidden = draft.url ? labelled : undefined
    after = phrasingAfter(first, strong)
  }
  if (!draft) return null
  if (after.length) addInline(draft, stripSeparator(after))
  addBlocks(draft, rest)
  return draft
}

/** A paragraph whose first line is plain text followed by more lines: that line and the rest. */
function splitFirstLine(
  paragraph: Paragraph,
): { title: string; rest: PhrasingContent[] } | undefined {
  const [head, ...tail] = paragraph.children
  if (head?.type !== 'text') return undefined
  const cut = head.value.indexOf('\n')
  const title = cut < 0 ? '' : head.value.slice(0, cut).trim()
  if (!title) return undefined
  const remainder = head.value.slice(cut + 1)
  return { title, rest: remainder ? [{ ...head, value: remainder }, ...tail] : tail }
}

interface Opener {
  title: string
  link?: Link
  labelled?: Link
  rest: PhrasingContent[]
}

/**
 * A paragraph that opens an item: its first line is a link (`**1. [repo](url)** (⭐ 3)`) or a
 * bold title alone on its line (`**标题**⏎ text ⏎ [阅读原文](url)`).
 */
function paragraphOpener(paragraph: Paragraph, boldTitles = true): Opener | undefined {
  const link = leadingLink(paragraph.children)
  if (link) {
    if (isAnchorLink(link) || isSourceLabel(link)) return undefined
    const rest = phrasingAfter(paragraph, link)
    const firstLine = plainText(rest).split('\n')[0] ?? ''
    if (firstLine.trim().length > 40) return undefined
    return { title: plainText(link.children), link, rest: stripSeparator(rest) }
  }
  const strong = boldTitles ? leadingStrong(paragraph.children) : undefined
  if (!strong || isFieldLabel(strong, paragraph)) return undefined
  const rest = phrasingAfter(paragraph, strong)
  const next = rest[0]
  const alone =
    next === undefined ||
    next.type === 'break' ||
    (next.type === 'text' && /^\s*\n/.test(next.value))
  if (!alone) return undefined
  return {
    title: plainText(strong.children),
    link: findSourceLink([paragraph]),
    labelled: findSourceLink([paragraph], true),
    rest: stripSeparator(rest),
  }
}

/** The bold run that opens a line (after numbering), if any. */
function leadingStrong(nodes: PhrasingContent[]): Strong | undefined {
  for (const node of nodes) {
    if (node.type === 'text' && /^[\s\d.、)）-]*$/.test(node.value)) continue
    return node.type === 'strong' ? node : undefined
  }
  return undefined
}

/** `**背景**：…` or `**Hacker News**: 11 条`-like labels open a field, not an item. */
function isFieldLabel(strong: Strong, container: Paragraph): boolean {
  const label = plainText(strong.children).trim()
  const bare = label.replace(/[:：\s]+$/, '')
  if (FIELD_LABEL.test(bare)) return true
  const after = plainText(phrasingAfter(container, strong))
  const colon = /[:：]$/.test(label) || /^\s*[:：]/.test(after)
  return colon && [...bare].length <= 4
}
