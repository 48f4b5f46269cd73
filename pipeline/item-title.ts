import type { Link, Paragraph, PhrasingContent, Strong } from 'mdast'
import { plainText } from './inline.ts'
import { isImageLink } from './item-links.ts'
import type { Shape } from './shape-words.ts'

/** A bold phrase shorter than this (`**谷歌**发布了…`) names too little to be a title alone. */
const MIN_BOLD_TITLE = 4
/** A clause shorter than this (`据报道，…`) takes the next clause with it. */
const MIN_CLAUSE = 8

/** Ends a sentence; ends a clause (ASCII `,`/`:` only before a space: `1,234`, `GPT-4.5:`). */
const SENTENCE_END = /[。！？!?；;]/
const CLAUSE_END = /[，、：。！？；]|[,:;!?](?=\s)|[.](?=\s|$)/

/**
 * A title for an item written without one (`1. **示例实验室发布轻量视觉模型**，在边缘设备上…`): its
 * first bold phrase, else its first clause, cut at the shape's length. Links around images, bare
 * urls and `skip` (the item's own labelled link) are left out of the text the title comes from.
 * Returns '' when the paragraph holds no words.
 */
export function deriveTitle(paragraph: Paragraph, shape: Shape, skip?: Link): string {
  const { from, maxLength } = shape.titles
  const nodes = paragraph.children.filter((n) => !isNoise(n, skip))
  if (from !== 'clause') {
    const bold = firstBold(nodes, from === 'bold' ? 1 : MIN_BOLD_TITLE, shape)
    if (bold) return cut(bold, maxLength)
  }
  return cut(firstClause(plainText(nodes).replace(/\s+/g, ' ').trim()), maxLength)
}

function isNoise(node: PhrasingContent, skip: Link | undefined): boolean {
  if (node.type === 'image' || node.type === 'break') return true
  if (node.type !== 'link') return false
  return node === skip || isImageLink(node) || plainText(node.children).trim() === node.url
}

/** The first bold run with at least `min` letters that is not a field label (`**背景**`). */
function firstBold(nodes: PhrasingContent[], min: number, shape: Shape): string | undefined {
  for (const node of nodes) {
    if (node.type !== 'strong') continue
    const text = plainText((node as Strong).children)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[:：，,。]+$/, '')
    if ([...text].length >= min && !shape.fieldLabel.test(text)) return text
  }
  return undefined
}

/** Clauses from the start until they make at least MIN_CLAUSE characters, within one sentence. */
function firstClause(text: string): string {
  let out = ''
  let rest = text
  while (rest) {
    const end = CLAUSE_END.exec(rest)
    const clause = end ? rest.slice(0, end.index) : rest
    out += clause
    if (!end || [...out.trim()].length >= MIN_CLAUSE || SENTENCE_END.test(end[0])) break
    out += end[0]
    rest = rest.slice(end.index + end[0].length)
  }
  return out.trim()
}

/** Cuts a title at `max` characters, at a word boundary for Latin text, marking the cut with `…`. */
function cut(title: string, max: number): string {
  const chars = [...title]
  if (chars.length <= max) return title
  const head = chars.slice(0, max).join('')
  const space = head.lastIndexOf(' ')
  const wordCut = /[A-Za-z0-9]$/.test(head) && space > max / 2 ? head.slice(0, space) : head
  return `${wordCut.replace(/[\s,，、:：;；-]+$/, '')}…`
}
