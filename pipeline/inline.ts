import type { PhrasingContent, RootContent } from 'mdast'
import type { InlineRun } from '../src/types/content.ts'
import { isHttpUrl } from './sources.ts'
import type { DiagnosticSink } from './diagnostics.ts'

/** Builds an item's summary: inline runs for rendering, plain text for search, bold terms. */
export class SummaryBuilder {
  readonly runs: InlineRun[] = []
  readonly terms: string[] = []
  /** After a `**标签**:` / `**Tags**:` label, until the paragraph ends: `#tag` code spans are topics. */
  private inTagList = false
  private readonly tagLabel: RegExp

  constructor(
    private readonly sink: DiagnosticSink,
    { tagLabel }: { tagLabel: RegExp },
  ) {
    this.tagLabel = tagLabel
  }

  /** Starts a new paragraph (a blank line in the plain text). */
  paragraphBreak(): void {
    this.inTagList = false
    if (this.runs.length > 0) this.pushText('\n\n')
  }

  private addTerm(term: string): void {
    if (!this.terms.includes(term)) this.terms.push(term)
  }

  addPhrasing(nodes: PhrasingContent[]): void {
    for (const node of nodes) this.addNode(node)
  }

  /** Adds any block (paragraph, nested list, blockquote …) as flowing text. */
  addBlock(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        this.paragraphBreak()
        this.addPhrasing(node.children)
        return
      case 'list':
      case 'blockquote':
      case 'listItem':
        for (const child of node.children) this.addBlock(child)
        return
      case 'code':
        this.paragraphBreak()
        this.runs.push({ kind: 'code', text: node.value })
        return
      case 'html':
        // The reader removes raw HTML before items are cut (html-sanitize.ts); never render it.
        return
      case 'table':
        for (const row of node.children)
          for (const cell of row.children) {
            this.paragraphBreak()
            this.addPhrasing(cell.children)
          }
        return
      default:
        return
    }
  }

  private addNode(node: PhrasingContent): void {
    switch (node.type) {
      case 'text':
        this.pushText(node.value)
        return
      case 'break':
        this.pushText('\n')
        return
      case 'strong': {
        const text = plainText(node.children)
        if (text.trim()) {
          this.runs.push({ kind: 'strong', text })
          // `**语言：** Rust`: bold that ends in a colon labels what follows; it names no topic.
          const label = /[:：]\s*$/.test(text)
          if (!label) for (const term of termsOf(text)) this.addTerm(term)
          this.inTagList = this.tagLabel.test(text.normalize('NFKC').trim())
        }
        return
      }
      case 'emphasis':
      case 'delete':
        this.runs.push({ kind: 'em', text: plainText(node.children) })
        return
      case 'inlineCode': {
        this.runs.push({ kind: 'code', text: node.value })
        const tag = this.inTagList ? HASHTAG.exec(node.value.normalize('NFKC').trim()) : null
        if (tag) this.addTerm(tag[1]!)
        return
      }
      case 'link': {
        // `[![图片](img)](img)`: a picture, whose alt text is no part of what the summary says.
        if (node.children.length > 0 && node.children.every((c) => c.type === 'image')) return
        const text = plainText(node.children) || node.url
        if (isHttpUrl(node.url)) {
          this.runs.push({ kind: 'link', text, href: node.url })
          return
        }
        const at = node.position?.start
        this.sink.warn(
          'bad-link',
          `link is not http(s): "${node.url}"; kept as plain text`,
          at?.line,
          at?.column,
        )
        this.pushText(text)
        return
      }
      case 'html':
        return
      case 'image':
        if (node.alt) this.pushText(node.alt)
        return
      default:
        if ('children' in node) this.addPhrasing(node.children as PhrasingContent[])
        else if ('value' in node) this.pushText(String(node.value))
    }
  }

  private pushText(value: string): void {
    if (!value) return
    const last = this.runs.at(-1)
    if (last?.kind === 'text') last.text += value
    else this.runs.push({ kind: 'text', text: value })
  }

  /** Trims the edges and joins soft line breaks; returns the finished summary. */
  finish(): { summary: InlineRun[]; text: string; terms: string[] } {
    const runs = this.runs
      .map((r, i, all) =>
        r.kind === 'text'
          ? { ...r, text: joinSoftBreaks(r.text, all[i - 1]?.text.at(-1), all[i + 1]?.text[0]) }
          : r,
      )
      .filter((r) => r.text !== '')
    trimEdges(runs)
    return { summary: runs, text: runs.map((r) => r.text).join(''), terms: this.terms }
  }
}

/** The visible text of inline nodes, without markup. */
export function plainText(nodes: PhrasingContent[]): string {
  let out = ''
  for (const node of nodes) {
    if ('value' in node && node.type !== 'html') out += node.value
    else if (node.type === 'break') out += ' '
    else if (node.type === 'image') out += node.alt ?? ''
    else if ('children' in node) out += plainText(node.children as PhrasingContent[])
  }
  return out
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f'
const CJK_NEWLINE = new RegExp(`([${CJK}])\\n(?=[${CJK}])`, 'g')

/**
 * A single newline inside a paragraph is a soft break: nothing between CJK, a space elsewhere. The
 * neighbouring runs' edge characters decide breaks at a run's edge (`中文\n**粗体**`).
 */
function joinSoftBreaks(text: string, before = '', after = ''): string {
  const edge = (c: string) => (!c || /\s/.test(c) ? '' : c)
  const [pre, post] = [edge(before), edge(after)]
  const joined = (pre + text + post)
    .split('\n\n')
    .map((part) => part.replace(CJK_NEWLINE, '$1').replace(/[ \t]*\n[ \t]*/g, ' '))
    .join('\n\n')
  return joined.slice(pre.length, joined.length - post.length)
}

function trimEdges(runs: InlineRun[]): void {
  const first = runs[0]
  if (first?.kind === 'text') first.text = first.text.trimStart()
  const last = runs.at(-1)
  if (last?.kind === 'text') last.text = last.text.trimEnd()
  if (first && first.text === '') runs.shift()
  if (runs.length && runs.at(-1)!.text === '') runs.pop()
}

const PAREN = /^(.+?)\s*\(\s*([^()]+?)\s*\)$/
const PUNCT = `\\s"'“”‘’「」『』《》【】〈〉:,.。;、!?…·*_~-`
const EDGE_PUNCT = new RegExp(`^[${PUNCT}]+|[${PUNCT}]+$`, 'g')

/**
 * Normalises a bold phrase into search terms; `可验证奖励强化学习（RLVR）` gives both names. NFKC folds
 * full-width forms (`（`, `：`, `Ａ`) into their half-width twins so both spellings meet.
 */
export function termsOf(bold: string): string[] {
  const clean = bold.normalize('NFKC').replace(/\s+/g, ' ').replace(EDGE_PUNCT, '')
  if (!clean || !isTopic(clean)) return []
  const alias = PAREN.exec(clean)
  if (!alias) return [clean]
  const [, main, inner] = alias
  return [main!.replace(EDGE_PUNCT, ''), inner!.replace(EDGE_PUNCT, '')].filter(Boolean)
}

/** A tag written as code, `#ai-agents`; the term is the name without `#`. */
const HASHTAG = /^#([\p{L}\p{N}][\p{L}\p{N}._+-]{0,31})$/u

/** Longest bold phrase still taken as a topic; longer ones are emphasised sentences. */
export const MAX_TERM_LENGTH = 32

/**
 * Bold is also used for emphasis that names no topic: whole sentences (`工程影响:…，…`), metrics
 * (`社区热度 108`) and labels joined with `·` (`TypeScript · 安全类热门`). Those stay bold in the
 * summary but are not search terms or topic links.
 */
function isTopic(term: string): boolean {
  if (term.length > MAX_TERM_LENGTH) return false
  // After NFKC, `，；：！？` are `,;:!?`; punctuation with text after it makes a sentence or a label.
  if (/[。,;:!?]\s*\S/.test(term)) return false
  if (/^[\p{Script=Han}\s]+\d[\d,.]*$/u.test(term)) return false
  if (/ · /.test(term)) return false
  return true
}
