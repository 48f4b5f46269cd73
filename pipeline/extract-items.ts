import type { Heading, Root, RootContent } from 'mdast'
import { sanitizeHtml } from './html-sanitize.ts'
import { plainText } from './inline.ts'
import { addBody, ItemCollector, untilBreak, type ParsedItem } from './item-collector.ts'
import { findSourceLink, isAnchorLink, leadingLink } from './item-links.ts'
import { hasItemTable, hasLinkList, hasOpeners } from './item-openers.ts'
import { reportToc, streamItems } from './item-stream.ts'
import { phrasingAfter, stripLeadingSeparator } from './phrasing.ts'
import type { Reporter } from './read-policy.ts'
import {
  bareTitle,
  NUMBERING,
  PASTED_HEADING,
  SCORE_ONLY,
  sectionName,
  STAR_TAIL,
  type Shape,
} from './shape-words.ts'

export type { ParsedItem }

interface Section {
  heading: Heading
  body: RootContent[]
  /** Deeper headings follow before the next heading at this depth or above. */
  hasChildren: boolean
}

/**
 * Cuts a digest body (mdast) into items, in strict and lenient mode alike. Recognises list entries
 * and headings led by a linked title, plain (numbered) headings whose original link sits further
 * down, entries and paragraphs led by a bold title, running-text entries under a section heading
 * (their title derived), rows of tables of items, and link-less items; skips tables of contents,
 * framing sections and headings that only group other headings (which become the items' section).
 * What is dropped or degraded is reported through `reporter`: an error in strict mode.
 */
export function extractItems(tree: Root, reporter: Reporter, shape: Shape): ParsedItem[] {
  sanitizeHtml(tree, reporter.sink)
  const collector = new ItemCollector(reporter, shape)
  const { preamble, sections } = splitSections(tree)
  const depthsWithChildren = new Set<number>(
    sections.filter((s) => s.hasChildren).map((s) => s.heading.depth),
  )
  const itemDepths = sections.map((s) => s.heading.depth).filter((d) => d >= 2)
  const topDepth = itemDepths.length ? Math.min(...itemDepths) : 2
  const isSectionLevel = (depth: number) =>
    shape.sectionLevels
      ? shape.sectionLevels.includes(depth)
      : depth === topDepth || depthsWithChildren.has(depth)

  // Before any heading sit banners and intros: only lists and linked lines make items there.
  streamItems(preamble, collector, { boldTitles: false })
  const open: { depth: number; name: string }[] = []
  let skipBelow = Infinity
  for (const section of sections) {
    const { heading } = section
    if (heading.depth > skipBelow) continue
    skipBelow = Infinity
    const title = plainText(heading.children)
    // A heading ends the sections at its depth and deeper; `#` titles the document, no section.
    while (open.length && open.at(-1)!.depth >= heading.depth) open.pop()
    collector.section = open.at(-1)?.name
    if (shape.frameSection.test(sectionName(title))) {
      skipBelow = heading.depth
      ignore(section, reporter)
      continue
    }
    const grouped = readSection(section, collector, {
      sectionLevel: isSectionLevel(heading.depth),
    })
    if (grouped && heading.depth >= 2 && sectionName(title)) {
      open.push({ depth: heading.depth, name: sectionName(title) })
    }
  }
  return collector.items
}

/**
 * One heading and its body: a linked or plain item, a section holding items, or nothing. Returns
 * true when the heading is a section (its items, and those of deeper headings, belong to it).
 */
function readSection(
  section: Section,
  collector: ItemCollector,
  { sectionLevel }: { sectionLevel: boolean },
): boolean {
  const { heading, body } = section
  const { shape, reporter } = collector
  const title = plainText(heading.children)
  const line = heading.position?.start.line ?? 1
  const col = heading.position?.start.column ?? 1
  const link = heading.depth >= 2 ? leadingLink(heading.children) : undefined
  const stream = (options: { textEntries?: boolean } = {}) => {
    collector.section = heading.depth >= 2 ? sectionName(title) || collector.section : undefined
    streamItems(body, collector, options)
    return true
  }
  if (link && isAnchorLink(link)) {
    reportToc(collector, link.url, { line })
    return false
  }
  const forcedSection = shape.sectionLevels?.includes(heading.depth) === true
  const numbered = NUMBERING.test(title)
  if (forcedSection || (!link && (heading.depth < 2 || section.hasChildren))) {
    return stream({ textEntries: true })
  }
  if (shape.items === 'list-items') return stream({ textEntries: true })
  if (!link && shape.items !== 'headings') {
    if (sectionLevel && !numbered && hasOpeners(body, shape, { textEntries: true })) {
      return stream({ textEntries: true })
    }
    // A heading over a table of items (`## 5. GitHub Trending`, numbered or not) or over a list of
    // links names a group of items, not one item.
    const grouping = hasLinkList(untilBreak(body), shape) || hasItemTable(body, shape)
    if ((sectionLevel && hasOpeners(body, shape)) || grouping) return stream()
  }
  if (link) {
    const draft = collector.open(plainText(link.children), { line, col, link })
    const after = stripLeadingSeparator(phrasingAfter(heading, link))
    if (draft && after.length && !SCORE_ONLY.test(plainText(after))) {
      draft.builder.addPhrasing(after)
    }
    addBody(draft, body)
    collector.finish(draft)
    return false
  }
  const labelled = findSourceLink(untilBreak(body), shape, { labelledOnly: true })
  // At section level a heading is an item only when numbered or linking out to its original
  // (`[原文链接](url)`): an editorial, a closing note or an empty group (whose only link names
  // where its data came from) is not.
  if (sectionLevel && shape.items !== 'headings' && !labelled && !numbered) {
    ignore(section, reporter)
    return false
  }
  // `### 1. owner/repo ⭐ 44,567`: the star count is no part of the title.
  const star = STAR_TAIL.exec(title)
  const name = star && star.index > 0 ? title.slice(0, star.index) : title
  const source = findSourceLink(untilBreak(body), shape)
  const draft = collector.open(name, { line, col, link: source, labelled: source === labelled })
  if (draft && star && star.index > 0 && !SCORE_ONLY.test(star[0])) {
    draft.builder.addPhrasing([{ type: 'text', value: star[0].trim() }])
  }
  addBody(draft, body)
  collector.finish(draft)
  return false
}

/** A heading whose body is not read: its text is stray (a warning in strict mode). */
function ignore(section: Section, reporter: Reporter): void {
  const block = section.body.find((b) => b.type !== 'definition')
  const start = block?.position?.start
  if (start) reporter.stray({ line: start.line, col: start.column })
}

/** `## Highlights`, `## ✨ Features`, `### ...`: a heading release notes brought along. */
function isPastedHeading(title: string): boolean {
  return PASTED_HEADING.test(title) || PASTED_HEADING.test(bareTitle(title))
}

/** Splits the top-level blocks at headings; pasted release-note headings stay in the body. */
function splitSections(tree: Root): { preamble: RootContent[]; sections: Section[] } {
  const preamble: RootContent[] = []
  const sections: Section[] = []
  for (const node of tree.children) {
    // A `#` heading after the first heading came with pasted text (`# Comments: 12`).
    const structural =
      node.type === 'heading' &&
      !(node.depth === 1 && sections.length > 0) &&
      !isPastedHeading(plainText(node.children).trim())
    if (structural) sections.push({ heading: node, body: [], hasChildren: false })
    else (sections.at(-1)?.body ?? preamble).push(node)
  }
  sections.forEach((s, i) => {
    const next = sections[i + 1]
    s.hasChildren = next !== undefined && next.heading.depth > s.heading.depth
  })
  return { preamble, sections }
}
