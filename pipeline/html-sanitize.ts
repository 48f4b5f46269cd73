import type { Html, Paragraph, Parent, Root, RootContent, Text } from 'mdast'
import type { DiagnosticSink } from './diagnostics.ts'

/**
 * Real HTML elements: their tags are dropped and the text between them kept. A tag that is not HTML
 * (`<think>`, `<thinking>`) is something a digest talks about, so it stays as literal text.
 */
const HTML_TAGS = new Set(
  (
    'a abbr article aside audio b bdi bdo big blockquote body br button canvas caption center cite ' +
    'code col colgroup dd del details dfn dialog div dl dt em embed fieldset figcaption figure font ' +
    'footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li ' +
    'link main mark meta nav noscript object ol option p picture pre q s samp script section select ' +
    'small source span strike strong style sub summary sup svg table tbody td template textarea ' +
    'tfoot th thead time title tr track tt u ul var video wbr'
  ).split(' '),
)

/** The start of an HTML tag cut off by a truncated line (`…<a href="`): left as text by the parser. */
const BROKEN_TAG = new RegExp(`<\\/?(?:${[...HTML_TAGS].join('|')})(?:\\s[^<>]*)?$`, 'i')

/** A whole HTML tag inside text the parser does not read as HTML (a picture's alt text). */
const TAG_IN_TEXT = `<\\/?(?:${[...HTML_TAGS].join('|')})(?:\\s[^<>]*)?\\/?>`
const HAS_TAG_IN_TEXT = new RegExp(TAG_IN_TEXT, 'i')
const TAGS_IN_TEXT = new RegExp(TAG_IN_TEXT, 'gi')

/** The tag name of a piece of raw HTML (`<div align=…>` → `div`), or '' for comments and such. */
function tagOf(html: string): string {
  return /^<\/?([a-z][a-z0-9-]*)/i.exec(html.trim())?.[1]?.toLowerCase() ?? ''
}

/**
 * Removes raw HTML from the tree before items are cut, so no HTML can reach the compiled JSON:
 * HTML tags are dropped (their inner text stays when the parser split it out), `<br>` becomes a line
 * break, unknown tags such as `<think>` are kept as text. Every other opening tag is reported once
 * as a `raw-html` warning, in strict and lenient mode alike.
 */
export function sanitizeHtml(tree: Root, sink: DiagnosticSink): void {
  const visit = (parent: Parent): void => {
    const out: RootContent[] = []
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'text' && BROKEN_TAG.test(child.value)) {
        const at = child.position?.start
        sink.warn('raw-html', 'cut-off HTML tag dropped', at?.line, at?.column)
        const value = child.value.replace(BROKEN_TAG, '')
        if (value) out.push({ ...child, value })
        continue
      }
      // A picture's alt text is read as plain text, tags and all (`![<iframe …>](p.png)`), and it
      // is what the summary shows in the picture's place: the tags go, as everywhere else.
      if (child.type === 'image' && child.alt && HAS_TAG_IN_TEXT.test(child.alt)) {
        const at = child.position?.start
        sink.warn('raw-html', "HTML in a picture's alt text dropped", at?.line, at?.column)
        out.push({ ...child, alt: child.alt.replace(TAGS_IN_TEXT, '') })
        continue
      }
      if (child.type !== 'html') {
        if ('children' in child) visit(child as Parent)
        // A paragraph that held only tags (`<video …></video>`) is gone with them.
        if (child.type === 'paragraph' && child.children.every(isBlankText)) continue
        out.push(child)
        continue
      }
      const replacement = replaceHtml(child, sink, { isBlock: parent.type === 'root' })
      if (replacement) out.push(replacement)
    }
    ;(parent as { children: RootContent[] }).children = out
  }
  visit(tree)
}

function isBlankText(node: RootContent): boolean {
  return node.type === 'text' && node.value.trim() === ''
}

function replaceHtml(
  node: Html,
  sink: DiagnosticSink,
  { isBlock }: { isBlock: boolean },
): RootContent | null {
  const raw = node.value.trim()
  const at = node.position?.start
  const tag = tagOf(raw)
  const closing = raw.startsWith('</')
  // `<br/>` only breaks a line: a line break inside a paragraph, nothing between blocks.
  if (tag === 'br') return isBlock ? null : { type: 'break', position: node.position }
  if (tag && !HTML_TAGS.has(tag)) {
    if (!closing) {
      sink.warn('raw-html', `unknown tag <${tag}> kept as text`, at?.line, at?.column)
    }
    const text: Text = { type: 'text', value: node.value, position: node.position }
    if (!isBlock) return text
    const paragraph: Paragraph = { type: 'paragraph', children: [text], position: node.position }
    return paragraph
  }
  if (!closing) {
    const name = tag ? `<${tag}>` : raw.startsWith('<!--') ? '<!-- … -->' : 'markup'
    sink.warn('raw-html', `raw HTML dropped: ${name}`, at?.line, at?.column)
  }
  return null
}
