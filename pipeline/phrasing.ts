import type { Heading, Paragraph, PhrasingContent } from 'mdast'

/** Separators between a title and the text after it on its line (`[t](url) — text`, `[repo](url) · ⭐ 12`). */
const SEPARATORS = /^[\s\-–—:：|·]+/

/** The inline content after `node` (a title's link or bold run) on its line: the summary's start. */
export function phrasingAfter(
  container: Paragraph | Heading,
  node: PhrasingContent,
): PhrasingContent[] {
  const index = container.children.findIndex(
    (child) =>
      child === node || ('children' in child && (child.children as unknown[]).includes(node)),
  )
  return index < 0 ? [] : container.children.slice(index + 1)
}

/** Drops the separator that opens `nodes` (`— text` → `text`). */
export function stripLeadingSeparator(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes
  if (first?.type !== 'text') return nodes
  const value = first.value.replace(SEPARATORS, '')
  return value ? [{ ...first, value }, ...rest] : rest
}
