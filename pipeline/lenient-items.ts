import type { Heading, Root, RootContent } from 'mdast'
import type { DiagnosticSink } from './diagnostics.ts'
import type { ParsedItem } from './extract-items.ts'
import { plainText } from './inline.ts'
import { addBody, ItemCollector, untilBreak } from './lenient-draft.ts'
import { sanitizeHtml } from './lenient-html.ts'
import { findSourceLink, isAnchorLink, leadingLink } from './lenient-links.ts'
import {
  bareTitle,
  FRAME_SECTION,
  NUMBERING,
  PASTED_HEADING,
  SCORE_ONLY,
} from './lenient-patterns.ts'
import { hasOpeners, streamItems } from './lenient-stream.ts'
import { phrasingAfter } from './phrasing.ts'

interface Section {
  heading: Heading
  body: RootContent[]
  /** Deeper headings follow before the next heading at this depth or above. */
  hasChildren: boolean
}

/**
 * Cuts a lenient publisher's digest (mdast) into items. Recognises list entries and headings led by
 * a linked title, plain (numbered) headings whose original link sits further down, entries and
 * paragraphs led by a bold title, and link-less items; skips tables of contents, framing sections
 * and headings that only group other headings. Every dropped or degraded item is a warning.
 */
export function extractLenientItems(tree: Root, sink: DiagnosticSink): ParsedItem[] {
  sanitizeHtml(tree, sink)
  const collector = new ItemCollector(sink)
  const { preamble, sections } = splitSections(tree)
  const depthsWithChildren = new Set<number>(
    sections.filter((s) => s.hasChildren).map((s) => s.heading.depth),
  )
  const itemDepths = sections.map((s) => s.heading.depth).filter((d) => d >= 2)
  const topDepth = itemDepths.length ? Math.min(...itemDepths) : 2
  const isSectionLevel = (depth: number) => depth === topDepth || depthsWithChildren.has(depth)

  // Before any heading sit banners and intros: only lists and linked lines make items there.
  streamItems(preamble, collector, false)
  let skipBelow = Infinity
  for (const section of sections) {
    const { heading } = section
    if (heading.depth > skipBelow) continue
    skipBelow = Infinity
    if (FRAME_SECTION.test(bareTitle(plainText(heading.children)))) {
      skipBelow = heading.depth
      continue
    }
    readSection(section, collector, isSectionLevel(heading.depth))
  }
  return collector.items
}

/** One heading and its body: a linked or plain item, a section holding items, or nothing. */
function readSection(section: Section, collector: ItemCollector, sectionLevel: boolean): void {
  const { heading, body } = section
  const title = plainText(heading.children)
  const line = heading.position?.start.line ?? 1
  const link = heading.depth >= 2 ? leadingLink(heading.children) : undefined
  if (link && isAnchorLink(link)) {
    collector.sink.warn('toc', `heading links inside the page (${link.url}): not an item`, line)
    return
  }
  if (!link && (heading.depth < 2 || section.hasChildren)) {
    streamItems(body, collector)
    return
  }
  if (link) {
    const draft = collector.open(plainText(link.children), link, line)
    const after = phrasingAfter(heading, link)
    if (draft && after.length && !SCORE_ONLY.test(plainText(after))) {
      draft.builder.addPhrasing(after)
    }
    addBody(draft, body)
    collector.finish(draft)
    return
  }
  if (sectionLevel && hasOpeners(body)) {
    streamItems(body, collector)
    return
  }
  const source = findSourceLink(untilBreak(body))
  // At section level a heading is an item only when numbered or linking out to its original
  // (`[原文链接](url)`): an editorial, a closing note or an empty group (whose only link names
  // where its data came from) is not.
  const labelled = findSourceLink(untilBreak(body), true)
  if (sectionLevel && !labelled && !NUMBERING.test(title)) return
  const draft = collector.open(title, source, line, false, labelled)
  addBody(draft, body)
  collector.finish(draft)
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
      !PASTED_HEADING.test(plainText(node.children).trim())
    if (structural) sections.push({ heading: node, body: [], hasChildren: false })
    else (sections.at(-1)?.body ?? preamble).push(node)
  }
  sections.forEach((s, i) => {
    const next = sections[i + 1]
    s.hasChildren = next !== undefined && next.heading.depth > s.heading.depth
  })
  return { preamble, sections }
}
