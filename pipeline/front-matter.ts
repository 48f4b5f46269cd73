import { LineCounter, parseDocument, isMap, isScalar, visit, type Document } from 'yaml'
import type { DiagnosticSink } from './diagnostics.ts'

export interface FrontMatter {
  data: Record<string, unknown>
  /** 1-based line of each top-level key, for error messages. */
  keyLines: Record<string, number>
  /** Number of lines the front matter block occupies, delimiters included. */
  lineCount: number
  /** False for a file that does not start with a `---` line (an empty front matter then). */
  present: boolean
}

/**
 * Splits `---` front matter from the body. A file without a `---` first line has an empty one
 * (`present: false`: the reader decides whether that is allowed). Returns undefined (after
 * reporting) when the block is broken; YAML errors carry the file line they occurred on.
 */
export function readFrontMatter(source: string, sink: DiagnosticSink): FrontMatter | undefined {
  const lines = source.split('\n')
  if (lines[0]?.trim() !== '---') return { data: {}, keyLines: {}, lineCount: 0, present: false }
  const end = lines.findIndex(
    (line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'),
  )
  if (end < 0) {
    sink.error('no-front-matter', "front matter is not closed: add a '---' line after it")
    return undefined
  }
  const yamlText = lines.slice(1, end).join('\n')
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    // Only the first: the YAML parser's later errors are usually echoes of it.
    for (const err of doc.errors.slice(0, 1)) {
      const pos = lineCounter.linePos(err.pos[0])
      const firstLine = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
      sink.error(
        'invalid-yaml',
        `invalid YAML in front matter: ${firstLine}`,
        pos.line + 1,
        pos.col,
      )
    }
    return undefined
  }
  // No prototype: a key named `__proto__` or `toString` is a key like any other.
  const keyLines: Record<string, number> = Object.create(null) as Record<string, number>
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + 1
      }
    }
  } else if (doc.contents !== null) {
    sink.error('invalid-yaml', 'invalid YAML in front matter: expected key: value pairs', 2)
    return undefined
  }
  // Aliases are resolved only here, and the parser reports none of their problems: an alias
  // without its anchor, or so many that they would blow up memory, throw instead.
  let data: Record<string, unknown>
  try {
    data = (doc.toJS() ?? {}) as Record<string, unknown>
  } catch (error) {
    const at = lineCounter.linePos(firstAliasAt(doc))
    const message = `invalid YAML in front matter: ${(error as Error).message}`
    sink.error('invalid-yaml', message, at.line + 1, at.col)
    return undefined
  }
  return { data, keyLines, lineCount: end + 1, present: true }
}

/** Where the first alias (`*name`) of a document starts: the likely culprit when resolving fails. */
function firstAliasAt(doc: Document): number {
  let at = 0
  visit(doc, {
    Alias(_key, node) {
      at = node.range?.[0] ?? 0
      return visit.BREAK
    },
  })
  return at
}
