import type {
  Heading,
  Link,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Strong,
} from 'mdast'
import type { DiagnosticSink } from './diagnostics.ts'
import type { ParsedItem } from './extract-items.ts'
import { SummaryBuilder, plainText } from './inline.ts'
import { sanitizeHtml } from './lenient-html.ts'
import { findSourceLink, isAnchorLink, isSourceLabel, leadingLink } from './lenient-links.ts'
import { isHttpUrl } from './sources.ts'

/**
 * Sections that frame a digest rather than report news (insights, editorials, source counts,
 * tables of contents): never cut into items, whatever they hold.
 */
const FRAME_SECTION =
  /^(核心洞察|深度观察|本周观察|今日观察|洞察|观察|数据来源|信息来源|热门话题|目录|导读|前言|(key )?insights?|table of contents|contents|sources)$/i

/** A heading's words without the emoji and punctuation around them (`## 💡 核心洞察`). */
function bareTitle(title: string): string {
  return title.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
}

/**
 * Headings that release notes pasted into an item bring with them (`## Highlights`, `# v1.2
 * Release Notes`): part of the item they sit in, not structure of the digest.
 */
const PASTED_HEADING =
  /^(highlights?|what'?s changed|(new )?features?|bug ?fixes|fixes|improvements?|enhancements?|documentation|docs|changes|changelog|breaking( changes?)?|other( changes)?|performance|refactor(ing)?|chores?|dependencies|deprecat(ed|ions?)|security|(new )?contributors|full changelog|notes|added|changed|removed|fixed|core|desktop|tui|cli|sdk|ui|web|server|client|plugins?|providers?|misc|internal|tests?|build|ci|.*release notes|.*(\.\.\.|…))$/i

/** Short bold labels that open a field of an item (`- **背景**：…`), not an item of their own. */
const FIELD_LABEL =
  /^(核心贡献|核心内容|工程影响|工程启发|点评|背景|分析|趋势|摘要|关键信息|标签|社区讨论|来源|链接|影响|意义|亮点|要点|总结|观点|结论|原因|重要性|期号|阅读时间|精选|工程影响与趋势|趋势判断|为什么值得看|background|tags|summary|impact|source|link|discussion|community discussion|why it matters|note|full changelog)$/i

/** A score or rating after a linked heading title (`⭐️ 9.0/10`, `🔥 12`). */
const SCORE_ONLY = /^[\s\p{Extended_Pictographic}\uFE0F★☆\d.,/|·分()（）-]*$/u

const NUMBERING = /^\s*(?:#?\d{1,3}\s*[.、:：)）]\s+|#?\d{1,3}[.、)）]|[(（]\d{1,3}[)）]\s*)/

interface Draft {
  title: string
  url?: string
  line: number
  builder: SummaryBuilder
  /** Opened by a paragraph: a list right after it holds its fields, not new items. */
  fromParagraph: boolean
  /** The labelled link (`[原文链接](url)`) the url came from: left out of the summary. */
  hidden?: Link
}

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
  const items: ParsedItem[] = []
  const byKey = new Map<string, ParsedItem>()

  const finish = (draft: Draft | null): void => {
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
    const earlier = byKey.get(key)
    if (earlier) {
      const what = item.url ?? `"${item.title}"`
      sink.warn(
        'duplicate-item',
        `duplicate item: ${what} already appears at line ${earlier.line} (dropped)`,
        item.line,
      )
      return
    }
    byKey.set(key, item)
    if (!item.url) {
      sink.warn('no-link', `item "${item.title}" has no http(s) link (kept without one)`, item.line)
    }
    if (/(\.\.\.|…)$/.test(text)) {
      sink.warn('truncated', `summary of "${item.title}" is cut short (kept as written)`, item.line)
    }
    items.push(item)
  }

  const newDraft = (
    title: string,
    link: Link | undefined,
    line: number,
    fromParagraph = false,
    labelled?: Link,
  ): Draft | null => {
    const clean = cleanTitle(title)
    if (!clean) {
      sink.warn('empty-title', 'item with an empty title dropped', line)
      return null
    }
    let url: string | undefined
    // `[t](<https://a b>)` keeps the space; encode it so the url is one token everywhere.
    if (link && isHttpUrl(link.url)) url = link.url.trim().replace(/ /g, '%20')
    else if (link) {
      const at = link.position?.start
      sink.warn(
        'bad-link',
        `link is not http(s): "${link.url}" (item kept without a link)`,
        at?.line ?? line,
        at?.column,
      )
    }
    const hidden = url && link === labelled ? link : undefined
    return { title: clean, url, line, builder: new SummaryBuilder(sink), fromParagraph, hidden }
  }

  const { preamble, sections } = splitSections(tree)
  const depthsWithChildren = new Set<number>(
    sections.filter((s) => s.hasChildren).map((s) => s.heading.depth),
  )
  const itemDepths = sections.map((s) => s.heading.depth).filter((d) => d >= 2)
  const topDepth = itemDepths.length ? Math.min(...itemDepths) : 2
  const isSectionLevel = (depth: number) => depth === topDepth || depthsWithChildren.has(depth)

  // Before any heading sit banners and intros: only lists and linked lines make items there.
  streamItems(preamble, sink, newDraft, finish, false)
  let skipBelow = Infinity
  for (const section of sections) {
    const { heading, body } = section
    if (heading.depth > skipBelow) continue
    skipBelow = Infinity
    const title = plainText(heading.children)
    if (FRAME_SECTION.test(bareTitle(title))) {
      skipBelow = heading.depth
      continue
    }
    const line = heading.position?.start.line ?? 1
    const link = heading.depth >= 2 ? leadingLink(heading.children) : undefined
    if (link && isAnchorLink(link)) {
      sink.warn('toc', `heading links inside the page (${link.url}): not an item`, line)
      continue
    }
    if (!link && (heading.depth < 2 || section.hasChildren)) {
      streamItems(body, sink, newDraft, finish)
      continue
    }
    if (link) {
      const draft = newDraft(plainText(link.children), link, line)
      const after = phrasingAfter(heading, link)
      if (draft && after.length && !SCORE_ONLY.test(plainText(after))) {
        draft.builder.addPhrasing(after)
      }
      addBody(draft, body)
      finish(draft)
      continue
    }
    if (isSectionLevel(heading.depth) && hasOpeners(body)) {
      streamItems(body, sink, newDraft, finish)
      continue
    }
    const source = findSourceLink(untilBreak(body))
    // At section level a heading is an item only when numbered or linking out to its original
    // (`[原文链接](url)`): an editorial, a closing note or an empty group (whose only link names
    // where its data came from) is not.
    const labelled = findSourceLink(untilBreak(body), true)
    if (isSectionLevel(heading.depth) && !labelled && !NUMBERING.test(title)) continue
    const draft = newDraft(title, source, line, false, labelled)
    addBody(draft, body)
    finish(draft)
  }
  return items
}

function addBody(draft: Draft | null, body: RootContent[]): void {
  if (draft) addBlocks(draft, untilBreak(body))
}

/** Adds blocks to a summary, leaving out a short line that only carries the item's own link. */
function addBlocks(draft: Draft, blocks: RootContent[]): void {
  for (const block of blocks) {
    if (!isSourceLine(block, draft.hidden)) draft.builder.addBlock(block)
  }
}

/** Adds inline content to a summary without the item's own labelled link. */
function addInline(draft: Draft, nodes: PhrasingContent[]): void {
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
function untilBreak(body: RootContent[]): RootContent[] {
  const cut = body.findIndex((b) => b.type === 'thematicBreak')
  return cut < 0 ? body : body.slice(0, cut)
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

type NewDraft = (
  title: string,
  link: Link | undefined,
  line: number,
  fromParagraph?: boolean,
  labelled?: Link,
) => Draft | null

/**
 * Cuts a run of blocks (a digest without headings, or one section's body) into items: list entries
 * led by a link or a bold title, and paragraphs whose first line is a link or a bold title.
 */
function streamItems(
  blocks: RootContent[],
  sink: DiagnosticSink,
  newDraft: NewDraft,
  finish: (draft: Draft | null) => void,
  boldTitles = true,
): void {
  let current: Draft | null = null
  const close = () => {
    finish(current)
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
        sink.warn('toc', 'table of contents (links inside the page) skipped', line)
      } else if (kind === 'items' && !(current?.fromParagraph && !hasLinkEntry(block))) {
        close()
        for (const entry of block.children) {
          close()
          current = openEntry(entry, sink, newDraft)
        }
      } else if (current) {
        addBlocks(current, [block])
      }
      continue
    }
    const opener = block.type === 'paragraph' ? paragraphOpener(block, boldTitles) : undefined
    if (opener) {
      close()
      current = newDraft(opener.title, opener.link, line, true, opener.labelled)
      if (current && opener.rest.length) addInline(current, opener.rest)
    } else if (current) {
      addBlocks(current, [block])
    }
  }
  close()
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

function hasOpeners(blocks: RootContent[]): boolean {
  return blocks.some(
    (b) =>
      (b.type === 'list' && listKind(b) === 'items') ||
      (b.type === 'paragraph' && paragraphOpener(b) !== undefined),
  )
}

function openEntry(entry: ListItem, sink: DiagnosticSink, newDraft: NewDraft): Draft | null {
  const line = entry.position?.start.line ?? 1
  const [first, ...rest] = entry.children
  const kind = entryKind(entry)
  if (first?.type !== 'paragraph' || kind === 'plain' || kind === 'field' || kind === 'toc') {
    sink.warn('no-title', 'list entry without a linked or bold title (dropped)', line)
    return null
  }
  let draft: Draft | null
  let after: PhrasingContent[]
  if (kind === 'link') {
    const link = leadingLink(first.children)!
    draft = newDraft(plainText(link.children), link, line)
    after = phrasingAfter(first, link)
  } else if (kind === 'titled') {
    const split = splitFirstLine(first)!
    const labelled = findSourceLink(entry.children, true)
    draft = newDraft(split.title, labelled, line, false, labelled)
    after = split.rest
  } else {
    const strong = leadingStrong(first.children)!
    const labelled = findSourceLink(entry.children, true)
    draft = newDraft(plainText(strong.children), labelled ?? findSourceLink(entry.children), line)
    if (draft && labelled) draft.hidden = draft.url ? labelled : undefined
    after = phrasingAfter(first, strong)
  }
  if (!draft) return null
  if (after.length) addInline(draft, stripLeadingSeparator(after))
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
    return { title: plainText(link.children), link, rest: stripLeadingSeparator(rest) }
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
    rest: stripLeadingSeparator(rest),
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

function phrasingAfter(container: Paragraph | Heading, node: PhrasingContent): PhrasingContent[] {
  const index = container.children.findIndex(
    (child) =>
      child === node || ('children' in child && (child.children as unknown[]).includes(node)),
  )
  return index < 0 ? [] : container.children.slice(index + 1)
}

function stripLeadingSeparator(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes
  if (first?.type !== 'text') return nodes
  const value = first.value.replace(/^[\s\-–—:：|·]+/, '')
  return value ? [{ ...first, value }, ...rest] : rest
}

/** Strips numbering and a trailing colon; collapses whitespace. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(NUMBERING, '')
    .replace(/[\s:：]+$/, '')
    .trim()
}
