import type { SearchRequest, SearchResult } from '../engine/types'

/** Main thread → worker: one query against the search data at `url` (content-hashed). */
export interface SearchMessage {
  seq: number
  url: string
  request: SearchRequest
}

/** Worker → main thread. `cancelled` answers a query overtaken by a newer one before it ran. */
export type WorkerReply =
  | { seq: number; kind: 'result'; result: SearchResult; ms: number }
  | { seq: number; kind: 'cancelled' }
  | { seq: number; kind: 'error'; message: string }
