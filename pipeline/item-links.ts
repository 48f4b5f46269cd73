import type { Link, Nodes, PhrasingContent, RootContent } from 'mdast'
import { plainText } from './inline.ts'
import type { Shape } from './shape-words.ts'
import { isHttpUrl } from './sources.ts'

/** `[原文链接](url)`: a link whose text says "original post" rather than being a title. */
export function isSourceLabel(link: Link, shape: Shape): boolean {
  return shape.linkLabel.test(plainText(link.children))
}

/** A table-of-contents link: it points inside the page. */
export function isAnchorLink(link: Link): boolean {
  return link.url.startsWith('#')
}

/** `[![图片](img)](img)`: a link around an image is the picture, never an item's original post. */
export function isImageLink(link: Link): boolean {
  return link.children.length > 0 && link.children.every((c) => c.type === 'image' || isBlank(c))
}

const isBlank = (node: PhrasingContent) => node.type === 'text' && node.value.trim() === ''

/** Numbering, bullets and separators that may precede a title on its line. */
const LEAD = /^[\s\d.、:：#)）(（-]*$/

/** The link that opens a line of inline content (possibly wrapped in bold), if any. */
export function leadingLink(nodes: PhrasingContent[]): Link | undefined {
  for (const node of nodes) {
    if (node.type === 'text' && LEAD.test(node.value)) continue
    if (node.type === 'link') return isImageLink(node) ? undefined : node
    if (node.type === 'strong' || node.type === 'emphasis') return leadingLink(node.children)
    return undefined
  }
  return undefined
}

/**
 * The original post's link somewhere in an item's blocks: a labelled one (`🔗 [原文链接](url)`,
 * `**链接**：https://…`) wins, else (unless `labelledOnly`) the first http(s) link. Links around
 * images are pictures, not the original.
 */
export function findSourceLink(
  blocks: RootContent[],
  shape: Shape,
  { labelledOnly = false }: { labelledOnly?: boolean } = {},
): Link | undefined {
  let first: Link | undefined
  let labelled: Link | undefined
  const visit = (nodes: Nodes[]): void => {
    nodes.forEach((node, index) => {
      if (labelled) return
      if (node.type === 'link') {
        if (!isHttpUrl(node.url) || isImageLink(node)) return
        first ??= node
        const before = plainText(nodes.slice(Math.max(0, index - 2), index) as PhrasingContent[])
        if (isSourceLabel(node, shape) || shape.linkLabelBefore.test(before)) labelled = node
        return
      }
      if ('children' in node) visit(node.children as Nodes[])
    })
  }
  visit(blocks)
  return labelledOnly ? labelled : (labelled ?? first)
}
