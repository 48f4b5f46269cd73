import type { List, ListItem, Paragraph, PhrasingContent, Strong } from 'mdast'
import { plainText } from './inline.ts'
import {
  findSourceLink,
  isAnchorLink,
  isImageLink,
  isSourceLabel,
  leadingLink,
} from './item-links.ts'
import { deriveTitle } from './item-title.ts'
import { phrasingAfter } from './phrasing.ts'
import type { Shape } from './shape-words.ts'

/** The `#anchor` the first contents entry points at. */
export function firstAnchor(list: List): string | undefined {
  for (const entry of list.children) {
    const first = entry.children[0]
    const link = first?.type === 'paragraph' ? leadingLink(first.children) : undefined
    if (link && isAnchorLink(link)) return link.url
  }
  return undefined
}

export type EntryKind = 'link' | 'bold' | 'sentence' | 'titled' | 'text' | 'toc' | 'field' | 'plain'

export function entryKind(entry: ListItem, shape: Shape, { textEntries = false } = {}): EntryKind {
  const first = entry.children[0]
  if (first?.type !== 'paragraph') return 'plain'
  const link = leadingLink(first.children)
  if (link && isAnchorLink(link)) return 'toc'
  if (link && !isSourceLabel(link, shape)) return 'link'
  const strong = link ? undefined : leadingStrong(first.children)
  if (strong) {
    if (isFieldLabel(strong, first, shape)) return 'field'
    return continuesSentence(first, strong) ? 'sentence' : 'bold'
  }
  // `- Tool v1.2⏎  summary⏎  [Release 链接](url)`: a plain first line titles an entry that links out.
  if (splitFirstLine(first) && findSourceLink(entry.children, shape, { labelledOnly: true })) {
    return 'titled'
  }
  if (textEntries && deriveTitle(first, shape)) return 'text'
  return 'plain'
}

/** Lists of items, of running-text items (`text-items`), contents lists, or anything else. */
export function listKind(
  list: List,
  shape: Shape,
  { textEntries = false }: { textEntries?: boolean } = {},
): 'items' | 'text-items' | 'toc' | 'other' {
  const kinds = list.children.map((e) => entryKind(e, shape, { textEntries }))
  if (kinds.includes('toc') && !kinds.includes('link')) return 'toc'
  if (textEntries && kinds.includes('text') && isTextList(list, kinds, shape)) return 'text-items'
  const items = kinds.some(
    (k) => k === 'link' || k === 'bold' || k === 'sentence' || k === 'titled',
  )
  return items ? 'items' : 'other'
}

/**
 * Running text is an item list when every entry reads as an item and most link out (bullet points
 * of an essay rarely do); a publisher's `"items": "list-items"` says so for every list.
 */
function isTextList(list: List, kinds: EntryKind[], shape: Shape): boolean {
  if (shape.items === 'list-items') return true
  const itemish = new Set<EntryKind>(['text', 'sentence', 'bold', 'link', 'titled'])
  if (!kinds.every((k) => itemish.has(k))) return false
  const linking = list.children.filter((e) => findSourceLink(e.children, shape)).length
  return linking * 2 >= list.children.length
}

export function hasLinkEntry(list: List, shape: Shape): boolean {
  return list.children.some((entry) => entryKind(entry, shape) === 'link')
}

/** `**要点**，正文` or `**要点**正文`: the bold run starts a sentence instead of titling it. */
function continuesSentence(paragraph: Paragraph, strong: Strong): boolean {
  const next = phrasingAfter(paragraph, strong)[0]
  if (next?.type !== 'text') return false
  return /^[^\s:：\-–—|·(（[【]/u.test(next.value)
}

/** A paragraph whose first line is plain text followed by more lines: that line and the rest. */
export function splitFirstLine(
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

/** The bold run that opens a line (after numbering), if any. */
export function leadingStrong(nodes: PhrasingContent[]): Strong | undefined {
  for (const node of nodes) {
    if (node.type === 'text' && /^[\s\d.、)）-]*$/.test(node.value)) continue
    if (node.type === 'link' && isImageLink(node)) continue
    return node.type === 'strong' ? node : undefined
  }
  return undefined
}

/** `**背景**：…` or `**Hacker News**: 11 条`-like labels open a field, not an item. */
export function isFieldLabel(strong: Strong, container: Paragraph, shape: Shape): boolean {
  const label = plainText(strong.children).trim()
  const bare = label.replace(/[:：\s]+$/, '')
  if (shape.fieldLabel.test(bare)) return true
  const after = plainText(phrasingAfter(container, strong))
  const colon = /[:：]$/.test(label) || /^\s*[:：]/.test(after)
  return colon && [...bare].length <= 4
}
