import type { SearchRequest, SearchResult } from '../engine/types'

/** Main thread → worker: one query against the index whose root is at `url` (content-hashed). */
export interface SearchMessage {
  kind: 'search'
  seq: number
  url: string
  request: SearchRequest
}

/** Main thread → worker: fetch what every query needs (the reader is about to search). No reply. */
export interface WarmMessage {
  kind: 'warm'
  url: string
}

/**
 * Main thread → worker: the reader paused typing this query; rank it ahead of the box's own pause
 * before the search, so that the search finds its files fetched and its ranking done. No reply.
 */
export interface PrefetchMessage {
  kind: 'prefetch'
  url: string
  request: SearchRequest
}

export type ClientMessage = SearchMessage | WarmMessage | PrefetchMessage

/** Worker → main thread. `cancelled` answers a query overtaken by a newer one before it ran. */
export type WorkerReply =
  | {
      seq: number
      kind: 'result'
      result: SearchResult
      /** Milliseconds the query took in the worker. */
      ms: number
      /** On the first answer from an index: how long loading its root took. */
      setup?: { loadMs: number }
    }
  | { seq: number; kind: 'cancelled' }
  | { seq: number; kind: 'error'; message: string }
