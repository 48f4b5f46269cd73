import type { SearchRequest, SearchResult } from '../engine/types'
import type { SearchMessage, WorkerReply } from '../worker/protocol'

interface Pending {
  resolve: (result: SearchResult) => void
  reject: (error: Error) => void
  start: number
}

let worker: Worker | null = null
let seq = 0
const pending = new Map<number, Pending>()

function workerOf(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('../worker/search.worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data
    const waiting = pending.get(reply.seq)
    if (!waiting) return
    pending.delete(reply.seq)
    if (reply.kind === 'result') {
      // User Timing entries let the browser benchmark read round trips through the worker.
      performance.measure('digest-search', {
        start: waiting.start,
        detail: { ms: reply.ms, setup: reply.setup },
      })
      waiting.resolve(reply.result)
    } else if (reply.kind === 'error') waiting.reject(new Error(reply.message))
    else waiting.reject(new DOMException('superseded by a newer query', 'AbortError'))
  }
  return worker
}

/** Runs a query in the search worker (created on first use); a newer query cancels older ones. */
export function searchInWorker(
  url: string,
  request: SearchRequest,
  signal?: AbortSignal,
): Promise<SearchResult> {
  return new Promise((resolve, reject) => {
    const message: SearchMessage = { seq: ++seq, url, request }
    pending.set(message.seq, { resolve, reject, start: performance.now() })
    signal?.addEventListener('abort', () => {
      if (pending.delete(message.seq)) reject(new DOMException('aborted', 'AbortError'))
    })
    workerOf().postMessage(message)
  })
}
