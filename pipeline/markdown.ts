/**
 * Markdown → mdast, through markdown-it: the reader works on mdast (remark's tree), but remark's
 * parser (micromark) read a digest at ~1.3 MB/s here, which made a cold build of a year of digests
 * take 12 s on two cores. markdown-it reads the same file twenty times faster; this module turns its
 * tokens into the mdast nodes the reader uses, with file positions (decision 007).
 *
 * The syntax is CommonMark plus GFM tables, strikethrough and http(s)/www autolinks, with
 * markdown-it-cjk-friendly for emphasis next to CJK punctuation (`**可验证奖励强化学习（RLVR）**成为`),
 * the rules remark-cjk-friendly applied before.
 */
import MarkdownIt from 'markdown-it'
import cjkFriendly from 'markdown-it-cjk-friendly'
import type {
  BlockContent,
  List,
  ListItem,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast'

const md = MarkdownIt('commonmark', { html: true, linkify: true })
  .enable(['table', 'strikethrough', 'linkify'])
  .use(cjkFriendly)
// GFM's autolink literals: scheme and www. links only, no bare domains or e-mail guesses.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
// Urls and link text as written (`grâce` is not percent-encoded, `%20` not decoded), as remark
// kept them: an item's id hashes its url. Every scheme is let through, so the reader itself
// reports a `javascript:` link instead of markdown-it silently dropping it.
md.normalizeLink = (url) => url
md.normalizeLinkText = (text) => text
md.validateLink = () => true

type Token = ReturnType<typeof md.parse>[number]

/** An attribute as text (markdown-it's types allow numbers). */
const attr = (token: Token, name: string): string => String(token.attrGet(name) ?? '')

interface Point {
  line: number
  column: number
}

/** Parses markdown into mdast; lines are 1-based lines of `source` (a normalised file). */
export function parseMarkdown(source: string): Root {
  const lines = source.split('\n')
  const tokens = md.parse(source, {})
  const root: Root = { type: 'root', children: [] }
  const stack: Parent[] = [root]
  const top = () => stack[stack.length - 1]!
  const push = <T extends RootContent>(node: T, token: Token, next?: Token): T => {
    node.position = blockPosition(token, lines, next)
    ;(top().children as RootContent[]).push(node)
    return node
  }
  // Table cells' inline tokens carry no lines: they take their row's.
  let rowMap: [number, number] | null = null
  tokens.forEach((token, i) => {
    if (token.type === 'tr_open') rowMap = token.map
    switch (token.type) {
      case 'heading_open':
        stack.push(
          push({ type: 'heading', depth: Number(token.tag.slice(1)) as 1, children: [] }, token),
        )
        break
      case 'paragraph_open':
        stack.push(push({ type: 'paragraph', children: [] }, token, tokens[i + 1]))
        break
      case 'blockquote_open':
        stack.push(push({ type: 'blockquote', children: [] }, token))
        break
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const start = token.attrGet('start')
        const list: List = {
          type: 'list',
          ordered: token.type === 'ordered_list_open',
          start: token.type === 'ordered_list_open' ? (start === null ? 1 : Number(start)) : null,
          spread: false,
          children: [],
        }
        stack.push(push(list, token))
        break
      }
      case 'list_item_open':
        stack.push(push({ type: 'listItem', spread: false, checked: null, children: [] }, token))
        break
      case 'table_open':
        stack.push(push({ type: 'table', align: [], children: [] } as Table, token))
        break
      case 'tr_open':
        stack.push(push({ type: 'tableRow', children: [] } as TableRow, token))
        break
      case 'th_open':
      case 'td_open':
        stack.push(push({ type: 'tableCell', children: [] } as TableCell, token))
        break
      case 'heading_close':
      case 'paragraph_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
      case 'tr_close':
      case 'th_close':
      case 'td_close':
        stack.pop()
        break
      case 'hr':
        push({ type: 'thematicBreak' }, token)
        break
      case 'code_block':
      case 'fence':
        push(
          {
            type: 'code',
            lang: token.info.trim() || null,
            meta: null,
            value: stripEnd(token.content),
          },
          token,
        )
        break
      case 'html_block':
        push({ type: 'html', value: stripEnd(token.content) }, token)
        break
      case 'inline':
        for (const node of inlineNodes(token, lines, token.map ?? rowMap))
          (top().children as PhrasingContent[]).push(node)
        break
      // thead/tbody wrappers carry nothing mdast keeps.
    }
  })
  markSpread(root)
  return root
}

const stripEnd = (text: string) => text.replace(/\n$/, '')

function blockPosition(token: Token, lines: string[], inline?: Token) {
  const [startLine = 0, endLine = startLine + 1] = token.map ?? []
  const line = lines[startLine] ?? ''
  return {
    start: { line: startLine + 1, column: columnOfBlock(token, line, inline) },
    end: { line: Math.max(startLine + 1, endLine), column: (lines[endLine - 1] ?? '').length + 1 },
  }
}

/**
 * The column a block starts at on its first line: its marker for list items and headings, its
 * text for paragraphs (after any container markers: `> `, `1.  `).
 */
function columnOfBlock(token: Token, line: string, inline?: Token): number {
  if (token.type === 'list_item_open') {
    // An ordered item's marker is its number and `.`/`)` (markdown-it keeps them apart).
    const at = line.indexOf(`${token.info}${token.markup}`)
    return at >= 0 ? at + 1 : firstNonSpace(line)
  }
  if (token.type === 'paragraph_open' && inline) {
    // Where its text starts: after any container markers (`> `, `1.  `) before it.
    const first = inline.content.split('\n', 1)[0]!
    const at = first ? line.indexOf(first) : -1
    if (at >= 0) return at + 1
  }
  return firstNonSpace(line)
}

/** The 1-based column of the first non-space character (1 for an empty line). */
function firstNonSpace(line: string): number {
  const m = /\S/.exec(line)
  return (m?.index ?? 0) + 1
}

/** mdast marks a list (and its items) spread when a blank line separates items or their blocks. */
function markSpread(node: Parent): void {
  for (const child of node.children) {
    if ('children' in child) markSpread(child as Parent)
  }
  if (node.type !== 'list') return
  const list = node as List
  const items = list.children as ListItem[]
  let spread = false
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!
    const blocks = item.children as BlockContent[]
    const itemSpread = blocks.some(
      (b, j) =>
        j > 0 && (b.position?.start.line ?? 0) > (blocks[j - 1]!.position?.end.line ?? 0) + 0,
    )
    item.spread = itemSpread && blocks.length > 1
    const next = items[i + 1]
    if (item.spread) spread = true
    if (next && (next.position?.start.line ?? 0) > (item.position?.end.line ?? 0) + 1) spread = true
  }
  list.spread = spread
}

/**
 * The inline children of a paragraph, heading or table cell. markdown-it gives inline tokens no
 * positions: links, images and inline HTML (the nodes the reader reports on) get theirs by finding
 * their markup in the block's source, in order; other nodes carry the block's start.
 */
function inlineNodes(
  inline: Token,
  lines: string[],
  map: [number, number] | null,
): PhrasingContent[] {
  const out: PhrasingContent[] = []
  const stack: { node: PhrasingContent & Parent; children: PhrasingContent[] }[] = []
  const locate = new Locator(map, lines)
  const add = (node: PhrasingContent) => {
    const into = stack.length ? stack[stack.length - 1]!.children : out
    const last = into[into.length - 1]
    // mdast keeps one text node for a run of text.
    if (node.type === 'text' && last?.type === 'text') last.value += node.value
    else into.push(node)
  }
  const open = (node: PhrasingContent & Parent) => {
    add(node)
    stack.push({ node, children: node.children as PhrasingContent[] })
  }
  // The punctuation GFM leaves out of a bare url, written after the link closes.
  let trailing = ''
  ;(inline.children ?? []).forEach((token, i) => {
    switch (token.type) {
      case 'text':
      case 'text_special':
        // markdown-it leaves empty text beside emphasis delimiters; mdast has none.
        if (token.content) add({ type: 'text', value: token.content, position: locate.block() })
        break
      case 'softbreak':
        add({ type: 'text', value: '\n', position: locate.block() })
        break
      case 'hardbreak':
        add({ type: 'break', position: locate.block() })
        break
      case 'code_inline':
        add({ type: 'inlineCode', value: token.content, position: locate.block() })
        break
      case 'html_inline':
        add({ type: 'html', value: token.content, position: locate.find(token.content) })
        break
      case 'image':
        add({
          type: 'image',
          url: attr(token, 'src'),
          title: attr(token, 'title') || null,
          alt: token.content,
          position: locate.find('!['),
        })
        break
      case 'link_open':
        if (token.markup === 'linkify') trailing = trimLiteral(token, inline.children![i + 1])
        open({
          type: 'link',
          url: attr(token, 'href'),
          title: attr(token, 'title') || null,
          children: [],
          position: locate.link(token, inline.children![i + 1]),
        })
        break
      case 'strong_open':
        open({ type: 'strong', children: [], position: locate.block() })
        break
      case 'em_open':
        open({ type: 'emphasis', children: [], position: locate.block() })
        break
      case 's_open':
        open({ type: 'delete', children: [], position: locate.block() })
        break
      case 'link_close':
        stack.pop()
        if (trailing) add({ type: 'text', value: trailing, position: locate.block() })
        trailing = ''
        break
      case 'strong_close':
      case 'em_close':
      case 's_close':
        stack.pop()
        break
    }
  })
  return out
}

/** What GFM leaves out of an autolink literal at its end. */
const TRAILING = /[?!.,:*_~]+$/

/**
 * GFM's rule for the end of a bare url: trailing punctuation (`https://a.example/x_`, `…/x:`) is
 * text, not link; linkify keeps it. Cuts it off the link (and its text); returns it.
 */
function trimLiteral(open: Token, text: Token | undefined): string {
  const href = attr(open, 'href')
  const trail = TRAILING.exec(href)?.[0] ?? ''
  if (!trail || trail.length === href.length) return ''
  open.attrSet('href', href.slice(0, -trail.length))
  if (text?.type === 'text' && text.content.endsWith(trail)) {
    text.content = text.content.slice(0, -trail.length)
  }
  return trail
}

/**
 * Finds inline markup in the source lines of an inline token, moving forward as the tokens do,
 * and gives its line and column in the file.
 */
class Locator {
  private line: number
  private col = 0
  private readonly start: Point
  private readonly end: number

  constructor(
    map: [number, number] | null,
    private readonly lines: string[],
  ) {
    const [first = 0, last = first + 1] = map ?? []
    this.line = first
    this.end = last
    this.start = { line: first + 1, column: firstNonSpace(lines[first] ?? '') }
  }

  /** The block's start, for nodes nothing reports on. */
  block() {
    return { start: { ...this.start }, end: { ...this.start } }
  }

  /** Where `markup` next appears, from the last one found on. */
  find(markup: string) {
    for (let l = this.line; l < this.end; l++) {
      const text = this.lines[l] ?? ''
      const at = text.indexOf(markup, l === this.line ? this.col : 0)
      if (at >= 0) {
        this.line = l
        this.col = at + markup.length
        const point = { line: l + 1, column: at + 1 }
        return { start: point, end: { line: l + 1, column: at + markup.length + 1 } }
      }
    }
    return this.block()
  }

  /**
   * A link: the `[` that opens `[text](url)` (found from its `](url`, brackets balanced back to
   * it), the `<` of an autolink, or the bare url of a literal one.
   */
  link(token: Token, text: Token | undefined) {
    if (token.markup === 'autolink') return this.find('<')
    if (token.markup === 'linkify') return this.find(text?.content || attr(token, 'href'))
    const href = attr(token, 'href')
    for (let l = this.line; l < this.end && href; l++) {
      const line = this.lines[l] ?? ''
      const from = l === this.line ? this.col : 0
      let close = line.indexOf(`](${href}`, from)
      if (close < 0) close = line.indexOf(`](<${href}>`, from)
      if (close < 0) continue
      let depth = 0
      for (let at = close; at >= from; at--) {
        if (line[at] === ']' && line[at - 1] !== '\\') depth++
        else if (line[at] === '[' && line[at - 1] !== '\\' && --depth === 0) {
          this.line = l
          this.col = at + 1
          return { start: { line: l + 1, column: at + 1 }, end: { line: l + 1, column: close + 2 } }
        }
      }
    }
    return this.find('[')
  }
}
