import { parentPort, workerData } from 'node:worker_threads'
import type { Digest } from '../src/types/content.ts'
import { compileFile } from './compile-file.ts'
import type { PublisherConfig, SourceFile } from './publishers.ts'
import { buildSegment } from './search-index.ts'

/** The run's settings, as `workerData`. */
export interface ThreadSettings {
  publishers: PublisherConfig[]
  lenient: boolean
}

/** Work from `compile-threads.ts`: a batch of files, or one search segment's digests as JSON. */
export type ToThread =
  { kind: 'files'; files: SourceFile[] } | { kind: 'segment'; key: string; digestsJson: string }

/**
 * Results as JSON text (files) or name → text pairs (a segment's files): strings cross threads as
 * one copy, where a structured clone of the same object graph cost more than the parse it saves.
 */
export type FromThread =
  | { kind: 'files'; json: string }
  | { kind: 'segment'; entryJson: string; files: [string, string][] }
  | { kind: 'error'; message: string }

const settings = workerData as ThreadSettings
const publishers = new Map(settings.publishers.map((p) => [p.id, p]))
const reply = (message: FromThread) => parentPort!.postMessage(message)

parentPort?.on('message', (message: ToThread) => {
  try {
    if (message.kind === 'files') {
      const results = message.files.map((file) =>
        compileFile(file, publishers.get(file.publisher)!, { lenient: settings.lenient }),
      )
      reply({ kind: 'files', json: JSON.stringify(results) })
    } else {
      const digests = JSON.parse(message.digestsJson) as Digest[]
      const built = buildSegment(message.key, digests)
      reply({ kind: 'segment', entryJson: JSON.stringify(built.entry), files: [...built.files] })
    }
  } catch (error) {
    reply({
      kind: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
  }
})
