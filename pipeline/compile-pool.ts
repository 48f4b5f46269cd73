import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { compileFile, type FileResult } from './compile-file.ts'
import type { FileCompiler } from './compile.ts'
import type { WorkerJob } from './compile-worker.ts'
import type { ContentSource } from './publishers.ts'

/** Below this many files to compile, starting threads costs more than it saves. */
const MIN_PARALLEL_FILES = 150
/** Files sent to a worker at a time: enough to amortise messages, few enough to balance. */
const BATCH = 24

/**
 * Compiles files on worker threads (one per core), for cold builds of a large archive. Workers
 * load the TypeScript compiler through tsx, as the CLI does; results are the same objects
 * `compileFile` returns on the main thread, so the output is byte-identical either way.
 */
export function poolCompiler(
  source: ContentSource,
  { lenient = false, threads = availableParallelism() }: { lenient?: boolean; threads?: number },
): FileCompiler | undefined {
  if (threads < 2) return undefined
  return async (jobs, onDone) => {
    if (jobs.length < MIN_PARALLEL_FILES) {
      return jobs.map(({ file }) => {
        const result = compileFile(file, source.publishers.get(file.publisher)!, { lenient })
        onDone(result)
        return result
      })
    }
    const queue = [...jobs]
    const results: FileResult[] = []
    const workers = Array.from({ length: Math.min(threads, Math.ceil(jobs.length / BATCH)) }, () =>
      new Worker(new URL('./compile-worker.mjs', import.meta.url)),
    )
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const next = () => {
                const batch = queue.splice(0, BATCH)
                if (batch.length === 0) return resolve()
                const job: WorkerJob = {
                  lenient,
                  files: batch.map(({ file }) => ({
                    file,
                    publisher: source.publishers.get(file.publisher)!,
                  })),
                }
                worker.postMessage(job)
              }
              worker.on('message', (batch: FileResult[]) => {
                for (const result of batch) {
                  results.push(result)
                  onDone(result)
                }
                next()
              })
              worker.on('error', reject)
              worker.on('exit', (code) => {
                if (code !== 0) reject(new Error(`compile worker exited with code ${code}`))
              })
              next()
            }),
        ),
      )
    } finally {
      await Promise.all(workers.map((w) => w.terminate()))
    }
    return results
  }
}
