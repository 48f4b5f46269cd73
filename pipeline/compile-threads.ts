import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Digest } from '../src/types/content.ts'
import type { SegmentEntry } from '../src/types/search-index.ts'
import { buildSegmentsHere, type SegmentBuilder } from './assemble.ts'
import { serialCompiler, type FileCompiler } from './compile.ts'
import { compileFile, type FileResult } from './compile-file.ts'
import type { FromThread, ThreadSettings, ToThread } from './compile-thread.worker.ts'
import type { ContentSource, SourceFile } from './publishers.ts'
import { buildSegment, type BuiltSegment } from './search-index.ts'

/**
 * Below this many files to compile, threads are not started: one costs about 0.4 s of loading
 * (tsx and the compiler's modules) on the other core, more than a few hundred files take here.
 */
export const THREAD_MIN_FILES = 400

/** Files per message: large enough that posting is cheap, small enough to share the tail evenly. */
const BATCH = 32

export interface CompileThreadsOptions {
  lenient?: boolean
  /** Worker threads beside this one; by default one per core but this thread's. */
  threads?: number
  minFiles?: number
}

/** A cold build's threads: file compiling and segment building, stopped by `close`. */
export interface CompileThreads {
  compileFiles: FileCompiler
  buildSegments: SegmentBuilder
  close(): Promise<void>
}

/**
 * Spreads a cold build over every core: files are compiled here and on worker threads from one
 * queue of batches, and the search segments (a third of assembling a year) are built on a thread
 * while this one lays out chunks, pages and topics. Threads start only when there are enough files
 * to pay for them (a rebuild after one new digest runs here alone, as without this module).
 * What a thread computes is what `compileFile` and `buildSegment` return here, carried as JSON, so
 * the output does not depend on where it was built (compile.test.ts compares the bytes).
 */
export function compileThreads(
  source: ContentSource,
  options: CompileThreadsOptions = {},
): CompileThreads {
  const { lenient = false, minFiles = THREAD_MIN_FILES } = options
  const count = options.threads ?? Math.max(1, availableParallelism() - 1)
  const settings: ThreadSettings = { publishers: [...source.publishers.values()], lenient }
  let workers: FileThread[] = []
  const compileHere = (file: SourceFile) =>
    compileFile(file, source.publishers.get(file.publisher)!, { lenient })

  const compileFiles: FileCompiler = async (jobs, onDone) => {
    const results: FileResult[] = []
    const accept = (result: FileResult) => {
      results.push(result)
      onDone(result)
    }
    if (jobs.length < minFiles || count < 1)
      return serialCompiler(source, { lenient })(jobs, onDone)
    workers = Array.from({ length: count }, () => startThread(settings))
    const queue = jobs.map((j) => j.file)
    const take = () => queue.splice(0, BATCH)
    const threaded = Promise.all(
      workers.map(async (worker) => {
        for (let batch = take(); batch.length > 0; batch = take()) {
          for (const result of await worker.compile(batch)) accept(result)
        }
      }),
    )
    // Awaited below; handled now, so that a failed thread is not reported as unhandled meanwhile.
    threaded.catch(() => undefined)
    // This thread takes batches too, yielding between them so that replies are taken as they come.
    for (let batch = take(); batch.length > 0; batch = take()) {
      for (const file of batch) accept(compileHere(file))
      await new Promise((resolve) => setImmediate(resolve))
    }
    await threaded
    return results
  }

  const buildSegments: SegmentBuilder = (jobs) => {
    if (workers.length === 0) return buildSegmentsHere(jobs)
    const built: Promise<BuiltSegment>[] = new Array(jobs.length)
    let next = 0
    const threaded = workers.map(async (worker) => {
      while (next < jobs.length) {
        const index = next++
        built[index] = worker.segment(jobs[index]!.key, jobs[index]!.load())
        await built[index]
      }
    })
    // Awaited in `done`; handled now, in case assembling fails before it is called.
    for (const t of threaded) t.catch(() => undefined)
    return {
      // What no thread has started by now is built here, so this thread never waits idle.
      async done() {
        while (next < jobs.length) {
          const index = next++
          built[index] = Promise.resolve(buildSegment(jobs[index]!.key, jobs[index]!.load()))
        }
        await Promise.all(threaded)
        return Promise.all(built)
      },
    }
  }

  return {
    compileFiles,
    buildSegments,
    async close() {
      await Promise.all(workers.map((w) => w.stop()))
      workers = []
    },
  }
}

interface FileThread {
  compile(files: SourceFile[]): Promise<FileResult[]>
  segment(key: string, digests: Digest[]): Promise<BuiltSegment>
  stop(): Promise<void>
}

/**
 * A worker running `compile-thread.worker.ts`, one request at a time. Node 20 does not apply
 * `--import` loaders to a worker's entry, so a one-line script loads it through tsx's API, whoever
 * started this process (tsx, `vite build`, vitest).
 */
function startThread(settings: ThreadSettings): FileThread {
  const require = createRequire(import.meta.url)
  // The ESM build of `tsx/esm/api` (its export map's "import" target; `require` finds the CJS one).
  const api = pathToFileURL(
    join(dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href
  const entry = new URL('./compile-thread.worker.ts', import.meta.url).href
  const boot = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`
  const worker = new Worker(boot, { eval: true, execArgv: [], workerData: settings })
  let pending: { resolve: (reply: FromThread) => void; reject: (error: Error) => void } | null =
    null
  let failure: Error | null = null
  const fail = (error: Error) => {
    failure ??= error
    pending?.reject(failure)
    pending = null
  }
  worker.on('message', (message: FromThread) => {
    if (message.kind === 'error') return fail(new Error(`compile thread: ${message.message}`))
    const current = pending
    pending = null
    current?.resolve(message)
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`compile thread exited (code ${code})`)))
  const request = (message: ToThread) => {
    if (failure) return Promise.reject(failure)
    return new Promise<FromThread>((resolve, reject) => {
      pending = { resolve, reject }
      worker.postMessage(message)
    })
  }
  return {
    async compile(files) {
      const reply = await request({ kind: 'files', files })
      return JSON.parse((reply as Extract<FromThread, { kind: 'files' }>).json) as FileResult[]
    },
    async segment(key, digests) {
      const reply = await request({ kind: 'segment', key, digestsJson: JSON.stringify(digests) })
      const { entryJson, files } = reply as Extract<FromThread, { kind: 'segment' }>
      return { entry: JSON.parse(entryJson) as SegmentEntry, files: new Map(files) }
    },
    async stop() {
      // Stopping on purpose fails nothing: no request is pending by the time a build closes.
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
