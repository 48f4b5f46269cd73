import type { DiagnosticSink } from './diagnostics.ts'
import { parseDigest, type ParsedDigest } from './parse-digest.ts'
import type { PublisherConfig } from './publishers.ts'
import { DEFAULT_SHAPE, shapeOf, type Shape } from './shape-words.ts'

export interface ReadOptions {
  /** How the file is read: strict refuses what lenient repairs with a warning. */
  mode: 'strict' | 'lenient'
  publisher: PublisherConfig
}

/**
 * Reads one digest file into its parsed form, or null (after reporting why to `sink`). The one
 * entry point the compiler uses per file, so the incremental cache and the worker threads call the
 * same reader as a plain compile. Both modes run the same reader (parse-digest.ts), with the
 * publisher's shape hints.
 */
export function readDigestFile(
  text: string,
  sink: DiagnosticSink,
  { mode, publisher }: ReadOptions,
): ParsedDigest | null {
  const options = { mode, timeZone: publisher.timeZone, shape: shapeFor(publisher) }
  if (mode === 'strict') return parseDigest(text, sink, options)
  // Lenient publishers' files are other people's markdown: a file the reader cannot handle (even
  // one that makes it throw) is skipped with an error the caller reports as a warning.
  try {
    return parseDigest(text, sink, options)
  } catch (error) {
    sink.error('unreadable', `file skipped: ${(error as Error).message}`)
    return null
  }
}

/** The compiled shape of a publisher, built once per config (a run reads many files of each). */
const shapes = new WeakMap<PublisherConfig, Shape>()
function shapeFor(publisher: PublisherConfig): Shape {
  if (!publisher.shape) return DEFAULT_SHAPE
  let shape = shapes.get(publisher)
  if (!shape) {
    shape = shapeOf(publisher.shape)
    shapes.set(publisher, shape)
  }
  return shape
}
