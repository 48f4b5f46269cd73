import type { Link, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { plainText } from './inline.ts'
import { entryKind, isFieldLabel, leadingStrong, listKind } from './item-kinds.ts'
import { findSourceLink, isAnchorLink, isSourceLabel, leadingLink } from './item-links.ts'
import { itemColumns } from './item-table.ts'
import { phrasingAfter, stripLeadingSeparator } from './phrasing.ts'
import type { Shape } from './shape-words.ts'

/** Blocks that would open at least one item: a list of items, an opening paragraph, an item table. */
export function hasOpeners(
  blocks: RootContent[],
  shape: Shape,
  { textEntries = false }: { textEntries?: boolean } = {},
): boolean {
  return (
    blocks.some(
      (b) =>
        (b.type === 'list' && listKind(b, shape, { textEntries }) !== 'other') ||
        (b.type === 'paragraph' && paragraphOpener(b, shape) !== undefined),
    ) || hasItemTable(blocks, shape)
  )
}

/** A table whose rows are items. */
export function hasItemTable(blocks: RootContent[], shape: Shape): boolean {
  return blocks.some((b) => b.type === 'table' && itemColumns(b, shape) !== undefined)
}

/** A list of at least two entries led by links to other pages: items, whatever heads them. */
export function hasLinkList(blocks: RootContent[], shape: Shape): boolean {
  return blocks.some(
    (b) =>
      b.type === 'list' &&
      b.children.filter((e) => entryKind(e, shape) === 'link').length >= 2 &&
      b.children.every((e) => entryKind(e, shape) === 'link'),
  )
}

export interface Opener {
  title: string
  link?: Link
  labelled?: Link
  rest: PhrasingContent[]
}

/**
 * A paragraph that opens an item: its first line is a link (`**1. [repo](url)** (⭐ 3)`) or a
 * bold title alone on its line (`**标题**⏎ text ⏎ [阅读原文](url)`).
 */
export function paragraphOpener(
  paragraph: Paragraph,
  shape: Shape,
  { boldTitles = true }: { boldTitles?: boolean } = {},
): Opener | undefined {
  const link = leadingLink(paragraph.children)
  if (link) {
    if (isAnchorLink(link) || isSourceLabel(link, shape)) return undefined
    const rest = phrasingAfter(paragraph, link)
    const firstLine = plainText(rest).split('\n')[0] ?? ''
    if (firstLine.trim().length > 40) return undefined
    return { title: plainText(link.children), link, rest: stripLeadingSeparator(rest) }
  }
  const strong = boldTitles ? leadingStrong(paragraph.children) : undefined
  if (!strong || isFieldLabel(strong, paragraph, shape)) return undefined
  const rest = phrasingAfter(paragraph, strong)
  const next = rest[0]
  const alone =
    next === undefined ||
    next.type === 'break' ||
    (next.type === 'text' && /^\s*\n/.test(next.value))
  if (!alone) return undefined
  const labelled = findSourceLink([paragraph], shape, { labelledOnly: true })
  return {
    title: plainText(strong.children),
    link: labelled ?? findSourceLink([paragraph], shape),
    labelled,
    rest: stripLeadingSeparator(rest),
  }
}
