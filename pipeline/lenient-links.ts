import type { Link, Nodes, PhrasingContent, RootContent } from 'mdast'
import { plainText } from './inline.ts'
import { isHttpUrl } from './sources.ts'

/** Link texts that point at an item's original post rather than naming it. */
const SOURCE_LABEL =
  /^[\s'"‘’“”「」🔗👉→]*(原文链接|阅读原文|查看原文|原文|原文地址|更多详情|详情|链接|来源|出处|release(\s*(详情|链接|notes?))?|source|link|read more|original|full article)[\s'"‘’“”「」:：]*$/iu

/**
 * Text right before a bare link that labels it (`**链接**：https://…`, `Source: …`); `数据来源：`
 * names where a whole list came from, not one item's original.
 */
const LABEL_BEFORE = /(原文链接|原文|链接|(?<!数据)来源|出处|source|link)\s*[:：]\s*$/i

/** `[原文链接](url)`: a link whose text says "original post" rather than being a title. */
export function isSourceLabel(link: Link): boolean {
  return SOURCE_LABEL.test(plainText(link.children))
}

/** A table-of-contents link: it points inside the page. */
export function isAnchorLink(link: Link): boolean {
  return link.url.startsWith('#')
}

/** Numbering, bullets and separators that may precede a title on its line. */
const LEAD = /^[\s\d.、:：#)）(（-]*$/

/** The link that opens a line of inline content (possibly wrapped in bold), if any. */
export function leadingLink(nodes: PhrasingContent[]): Link | undefined {
  for (const node of nodes) {
    if (node.type === 'text' && LEAD.test(node.value)) continue
    if (node.type === 'link') return node
    if (node.type === 'strong' || node.type === 'emphasis') return leadingLink(node.children)
    return undefined
  }
  return undefined
}

/**
 * The original post's link somewhere in an item's blocks: a labelled one (`🔗 [原文链接](url)`,
 * `**链接**：https://…`) wins, else (unless `labelledOnly`) the first http(s) link.
 */
export function findSourceLink(blocks: RootContent[], labelledOnly = false): Link | undefined {
  let first: Link | undefined
  let labelled: Link | undefined
  const visit = (nodes: Nodes[]): void => {
    nodes.forEach((node, index) => {
      if (labelled) return
      if (node.type === 'link') {
        if (!isHttpUrl(node.url)) return
        first ??= node
        const before = plainText(nodes.slice(Math.max(0, index - 2), index) as PhrasingContent[])
        if (isSourceLabel(node) || LABEL_BEFORE.test(before)) labelled = node
        return
      }
      if ('children' in node) visit(node.children as Nodes[])
    })
  }
  visit(blocks)
  return labelledOnly ? labelled : (labelled ?? first)
}
