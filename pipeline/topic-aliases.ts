import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { topicKey } from '../src/lib/topics/topic-key.ts'
import type { Diagnostic } from './diagnostics.ts'

/** The alias file's name at the content root. */
export const TOPICS_FILE = 'topics.yml'

/** A topic the alias file names: its name (the canonical one) and the other names it goes by. */
export interface AliasEntry {
  name: string
  aliases: string[]
}

/**
 * Reads `topics.yml`: a mapping from a topic's name to the list of its other names (a single name
 * may stand for a one-entry list), for what the compiler cannot derive (`思维链` is `CoT`). Every
 * problem is an error at the line of the key or name it is about; the entries that are fine are
 * kept, so one typo reports every other typo too.
 */
export function parseTopicAliases(
  text: string,
  file = TOPICS_FILE,
): { entries: AliasEntry[]; diagnostics: Diagnostic[] } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false })
  const diagnostics: Diagnostic[] = []
  const error = (message: string, offset = 0) =>
    diagnostics.push({
      file,
      line: lines.linePos(offset).line,
      col: 1,
      severity: 'error',
      kind: 'bad-topics',
      message: `topics: ${message}`,
    })
  for (const e of doc.errors) error(`invalid YAML: ${e.message.split('\n')[0]}`, e.pos[0])
  if (doc.errors.length) return { entries: [], diagnostics }
  const root = doc.contents
  if (root === null) return { entries: [], diagnostics }
  if (!isMap(root)) {
    error('the file must map each topic to a list of its other names', root.range?.[0])
    return { entries: [], diagnostics }
  }
  const entries: AliasEntry[] = []
  // Every name of every topic, by key: a name may belong to one topic only.
  const owner = new Map<string, { topic: string; line: number }>()
  const lineOf = (node: Node | null | undefined) => lines.linePos(node?.range?.[0] ?? 0).line
  const claim = (name: string, topic: string, node: Node) => {
    const key = topicKey(name)
    const had = owner.get(key)
    if (had) {
      error(`${clashMessage(name, topic, had.topic)} (line ${had.line})`, node.range?.[0])
      return false
    }
    owner.set(key, { topic, line: lineOf(node) })
    return true
  }
  for (const pair of root.items) {
    const keyNode = pair.key as Node | null
    const name = isScalar(keyNode) && typeof keyNode.value === 'string' ? keyNode.value.trim() : ''
    if (!name) {
      error('a topic name must be non-empty text', keyNode?.range?.[0])
      continue
    }
    const value = pair.value as Node | null
    const items = isSeq(value) ? value.items : isScalar(value) ? [value] : null
    if (!items) {
      error(`"${name}": its other names must be a list of names`, keyNode!.range?.[0])
      continue
    }
    if (!claim(name, name, keyNode!)) continue
    const aliases: string[] = []
    for (const item of items as Node[]) {
      const alias = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : ''
      if (!alias) {
        error(`"${name}": each other name must be non-empty text`, item?.range?.[0])
        continue
      }
      if (topicKey(alias) === topicKey(name)) {
        error(`"${name}": "${alias}" is the topic's own name`, item.range?.[0])
        continue
      }
      if (claim(alias, name, item)) aliases.push(alias)
    }
    entries.push({ name, aliases })
  }
  return { entries, diagnostics }
}

/** Why `name`, claimed for `topic`, clashes with the earlier claim by `had`. */
function clashMessage(name: string, topic: string, had: string): string {
  if (name === topic)
    return had === name ? `"${name}" is listed twice` : `"${name}" is also a name of "${had}"`
  if (had === topic) return `"${topic}" names "${name}" twice`
  return `"${name}" already belongs to "${had}"`
}
