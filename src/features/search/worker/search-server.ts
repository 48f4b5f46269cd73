import type { SearchRequest, SearchResult } from '../engine/types'
import type { ClientMessage, PrefetchMessage, SearchMessage, WorkerReply } from './protocol'

/** What the server needs of an engine: queries, and warming up before the first. */
export interface Searcher {
  search: (request: SearchRequest) => Promise<SearchResult>
  warm: () => Promise<void>
  /** Ranks a query ahead of its search (whose ranking then reuses it). */
  prefetch: (request: SearchRequest) => Promise<void>
}

export interface SearchServerDeps {
  /** Loads the index at one (content-hashed) root URL into an engine. */
  openIndex: (url: string) => Promise<Searcher>
  reply: (message: WorkerReply) => void
  /** Lets queued messages arrive between rounds (a macrotask in the worker). */
  nextTurn?: () => Promise<void>
  now?: () => number
}

interface Loaded {
  engine: Searcher
  setup?: { loadMs: number }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * The worker's protocol, apart from `self` so it can be tested: open each index once, answer only
 * the newest query. Every query gets exactly one reply: a superseded one is answered `cancelled`
 * (never left hanging), a failed one `error`, and a failed index is forgotten so "retry" loads it
 * again. A query runs to its end once started (its fetches serve the next one anyway).
 */
export function createSearchServer(deps: SearchServerDeps): (message: ClientMessage) => void {
  const { openIndex, reply, nextTurn = macrotask } = deps
  const now = deps.now ?? (() => performance.now())
  const engines = new Map<string, Promise<Loaded>>()
  let latest: SearchMessage | null = null
  let draining = false
  let nextPrefetch: PrefetchMessage | null = null
  let prefetching = false

  function engineFor(url: string): Promise<Loaded> {
    let engine = engines.get(url)
    if (!engine) {
      const start = now()
      engine = openIndex(url).then((opened) => ({
        engine: opened,
        setup: { loadMs: now() - start },
      }))
      // A failed load is forgotten, so that "retry" fetches again.
      engine.catch(() => engines.delete(url))
      engines.set(url, engine)
    }
    return engine
  }

  /**
   * One prefetch at a time, the newest waiting: a fast typist's intermediate queries are skipped,
   * and one that waits is dropped when a search arrives (the search ranks for itself).
   */
  async function prefetchLoop() {
    prefetching = true
    while (nextPrefetch && !latest) {
      const { url, request } = nextPrefetch
      nextPrefetch = null
      try {
        await (await engineFor(url)).engine.prefetch(request)
      } catch {
        // Best effort: the search itself reports what failed, and retries it.
      }
    }
    nextPrefetch = null
    prefetching = false
  }

  async function drain() {
    draining = true
    while (latest) {
      const message = latest
      let loaded: Loaded
      try {
        loaded = await engineFor(message.url)
      } catch (error) {
        // A superseded message was already answered `cancelled`: one reply per message.
        if (latest === message) {
          latest = null
          reply({ seq: message.seq, kind: 'error', message: errorText(error) })
        }
        continue
      }
      // Messages that arrived while the index loaded replaced this one (and answered it).
      if (latest !== message) continue
      latest = null
      try {
        const start = now()
        const result = await loaded.engine.search(message.request)
        const ms = now() - start
        reply({ seq: message.seq, kind: 'result', result, ms, setup: loaded.setup })
        loaded.setup = undefined
      } catch (error) {
        reply({ seq: message.seq, kind: 'error', message: errorText(error) })
      }
      // Let queued messages arrive before the next round, so stale ones are skipped.
      await nextTurn()
    }
    draining = false
  }

  return (message) => {
    if (message.kind === 'warm') {
      // Best effort: a failure here shows up (and is retried) with the first real query.
      engineFor(message.url).then(
        (loaded) => loaded.engine.warm().catch(() => undefined),
        () => undefined,
      )
      return
    }
    if (message.kind === 'prefetch') {
      nextPrefetch = message
      if (!prefetching) void prefetchLoop()
      return
    }
    if (latest) reply({ seq: latest.seq, kind: 'cancelled' })
    nextPrefetch = null
    latest = message
    if (!draining) void drain()
  }
}
