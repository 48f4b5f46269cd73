import type { SearchDoc } from '@/types/content'
import type { SearchRequest, SearchResult } from '../engine/types'
import type { SearchMessage, WorkerReply } from './protocol'

/** What the server needs of an engine: one query at a time. */
export interface Searcher {
  search: (request: SearchRequest) => SearchResult
}

export interface SearchServerDeps {
  /** Fetches and validates the search docs of one (content-hashed) data URL. */
  loadDocs: (url: string) => Promise<SearchDoc[]>
  buildEngine: (docs: SearchDoc[]) => Searcher
  reply: (message: WorkerReply) => void
  /** Lets queued messages arrive between rounds (a macrotask in the worker). */
  nextTurn?: () => Promise<void>
  now?: () => number
}

interface Loaded {
  engine: Searcher
  setup?: { loadMs: number; buildMs: number }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * The worker's protocol, apart from `self` so it can be tested: load and build once per data URL,
 * answer only the newest query. Every message gets exactly one reply: a superseded one is answered
 * `cancelled` (never left hanging), a failed load `error`, and is forgotten so "retry" loads again.
 */
export function createSearchServer(deps: SearchServerDeps): (message: SearchMessage) => void {
  const { loadDocs, buildEngine, reply, nextTurn = macrotask } = deps
  const now = deps.now ?? (() => performance.now())
  const engines = new Map<string, Promise<Loaded>>()
  let latest: SearchMessage | null = null
  let draining = false

  function engineFor(url: string): Promise<Loaded> {
    let engine = engines.get(url)
    if (!engine) {
      const start = now()
      engine = loadDocs(url).then((docs) => {
        const loaded = now()
        const built = buildEngine(docs)
        return { engine: built, setup: { loadMs: loaded - start, buildMs: now() - loaded } }
      })
      // A failed load is forgotten, so that "retry" fetches again.
      engine.catch(() => engines.delete(url))
      engines.set(url, engine)
    }
    return engine
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
      // Messages that arrived while the data loaded replaced this one (and answered it).
      if (latest !== message) continue
      latest = null
      try {
        const start = now()
        const result = loaded.engine.search(message.request)
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
    if (latest) reply({ seq: latest.seq, kind: 'cancelled' })
    latest = message
    if (!draining) void drain()
  }
}
