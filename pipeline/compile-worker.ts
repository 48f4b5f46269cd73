/**
 * A worker thread of the compile pool (compile-pool.ts): compiles the files it is sent with the
 * same `compileFile` a serial run uses, and posts each result back.
 */
import { parentPort } from 'node:worker_threads'
import { compileFile } from './compile-file.ts'
import type { PublisherConfig, SourceFile } from './publishers.ts'

export interface WorkerJob {
  files: { file: SourceFile; publisher: PublisherConfig }[]
  lenient: boolean
}

parentPort!.on('message', ({ files, lenient }: WorkerJob) => {
  const results = files.map(({ file, publisher }) => compileFile(file, publisher, { lenient }))
  parentPort!.postMessage(results)
})
