import type { SearchRequest, SearchResult } from '../engine/types'

/** Main thread → worker: one query against the search data at `url` (content-hashed). */
export interface SearchMessage {
  seq: number
  url: string
  request: SearchRequest
}

/** Worker → main thread. `cancelled` answers a query overtaken by a newer one before it ran. */
export type WorkerReply =
  | {
      seq: number
      kind: 'result'
      result: SearchResult
      /** Milliseconds the query took in the worker. */
      ms: number
      /** On the first answer from a data file: load (fetch + validate) and index build times. */
      setup?: { loadMs: number; buildMs: number }
    }
  | { seq: number; kind: 'cancelled' }
  | { seq: number; kind: 'error'; message: string }
