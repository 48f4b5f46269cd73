import type { DiagnosticSink } from './diagnostics.ts'
import { parseLenientDigest } from './lenient-digest.ts'
import { parseDigest, type ParsedDigest } from './parse-digest.ts'
import type { PublisherConfig } from './publishers.ts'

export interface ReadOptions {
  /** How the file is read: strict refuses what lenient repairs with a warning. */
  mode: 'strict' | 'lenient'
  publisher: PublisherConfig
}

/**
 * Reads one digest file into its parsed form, or null (after reporting why to `sink`). The one
 * entry point the compiler uses per file, so the incremental cache and the worker threads call the
 * same reader as a plain compile.
 */
export function readDigestFile(
  text: string,
  sink: DiagnosticSink,
  { mode, publisher }: ReadOptions,
): ParsedDigest | null {
  if (mode === 'strict') return parseDigest(text, sink, { mode, timeZone: publisher.timeZone })
  // Lenient publishers' files are other people's markdown: a file the importer cannot handle (even
  // one that makes it throw) is skipped with an error the caller reports as a warning.
  try {
    return parseLenientDigest(text, sink, { timeZone: publisher.timeZone })
  } catch (error) {
    sink.error('unreadable', `file skipped: ${(error as Error).message}`)
    return null
  }
}
