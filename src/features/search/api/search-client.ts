import type { SearchRequest, SearchResult } from '../engine/types'
import type { PrefetchMessage, SearchMessage, WarmMessage, WorkerReply } from '../worker/protocol'

interface Pending {
  resolve: (result: SearchResult) => void
  reject: (error: Error) => void
  start: number
  query: string
}

/** The slice of `Worker` the client uses, so tests can stand in a fake at that edge. */
export type WorkerLike = Pick<
  Worker,
  'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'
>

/** Thrown when the worker itself fails (its script did not load, or it crashed). */
export class SearchWorkerError extends Error {
  override name = 'SearchWorkerError'
}

/**
 * A client of one search worker at a time, created on first use. When the worker fails (a stale
 * hashed worker file after a deploy, an uncaught exception), every waiting query is rejected and the
 * worker is dropped, so the next query (the page's "retry") starts a fresh one.
 */
export function createSearchClient(spawn: () => WorkerLike) {
  let worker: WorkerLike | null = null
  let seq = 0
  const pending = new Map<number, Pending>()

  const failAll = (error: Error) => {
    worker?.terminate()
    worker = null
    const waiting = [...pending.values()]
    pending.clear()
    for (const request of waiting) request.reject(error)
  }

  const onReply = (reply: WorkerReply) => {
    const waiting = pending.get(reply.seq)
    if (!waiting) return
    pending.delete(reply.seq)
    if (reply.kind === 'result') {
      // User Timing entries let the browser benchmark read round trips through the worker.
      performance.measure('digest-search', {
        start: waiting.start,
        detail: { ms: reply.ms, setup: reply.setup, query: waiting.query },
      })
      waiting.resolve(reply.result)
    } else if (reply.kind === 'error') waiting.reject(new Error(reply.message))
    else waiting.reject(new DOMException('superseded by a newer query', 'AbortError'))
  }

  const workerOf = (): WorkerLike => {
    if (worker) return worker
    const created = spawn()
    created.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data)
    created.onerror = (event) => {
      // Handled here: the page shows its error state, so the browser need not report it too.
      event.preventDefault()
      // A script that failed to load fires a plain Event; an uncaught exception an ErrorEvent.
      const detail = typeof event.message === 'string' && event.message ? `: ${event.message}` : ''
      failAll(new SearchWorkerError(`The search worker failed${detail}`))
    }
    created.onmessageerror = () =>
      failAll(new SearchWorkerError('The search worker sent a reply that could not be read'))
    worker = created
    return created
  }

  /** Asks the worker to fetch what every query needs, ahead of the first one (no answer). */
  function warm(url: string): void {
    try {
      workerOf().postMessage({ kind: 'warm', url } satisfies WarmMessage)
    } catch {
      // Warming is an optimisation; the first query reports a worker that cannot start.
    }
  }

  /** Has the worker rank a query the reader is about to search (no answer). */
  function prefetch(url: string, request: SearchRequest): void {
    try {
      workerOf().postMessage({ kind: 'prefetch', url, request } satisfies PrefetchMessage)
    } catch {
      // An optimisation, as warming is: the search itself reports a worker that cannot start.
    }
  }

  /** Runs a query in the worker; a newer query cancels older ones. */
  function search(
    url: string,
    request: SearchRequest,
    signal?: AbortSignal,
  ): Promise<SearchResult> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new DOMException('aborted', 'AbortError'))
        return
      }
      const message: SearchMessage = { kind: 'search', seq: ++seq, url, request }
      const onAbort = () => {
        if (pending.delete(message.seq)) reject(new DOMException('aborted', 'AbortError'))
      }
      // However the request settles, it stops listening to its signal.
      const settle = () => signal?.removeEventListener('abort', onAbort)
      pending.set(message.seq, {
        resolve: (result) => {
          settle()
          resolve(result)
        },
        reject: (error) => {
          settle()
          reject(error)
        },
        start: performance.now(),
        query: request.query,
      })
      signal?.addEventListener('abort', onAbort, { once: true })
      try {
        workerOf().postMessage(message)
      } catch (error) {
        // The worker could not be created, or the message not copied: fail this request only.
        pending.delete(message.seq)
        settle()
        reject(error instanceof Error ? error : new SearchWorkerError(String(error)))
      }
    })
  }
  return { search, warm, prefetch }
}

/** The app's search worker (created on first use, recreated after a failure). */
export const searchWorker = createSearchClient(
  () => new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' }),
)
