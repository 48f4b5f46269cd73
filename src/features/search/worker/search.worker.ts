import { loadSearchDocs } from '../api/load-search-docs'
import { createSearchEngine, type SearchEngine } from '../engine/search-engine'
import type { SearchMessage, WorkerReply } from './protocol'

// A thin shell: load once per data file, answer only the newest query.
interface Loaded {
  engine: SearchEngine
  setup?: { loadMs: number; buildMs: number }
}
const engines = new Map<string, Promise<Loaded>>()
let latest: SearchMessage | null = null
let draining = false

function engineFor(url: string): Promise<Loaded> {
  let engine = engines.get(url)
  if (!engine) {
    const start = performance.now()
    engine = loadSearchDocs(url).then((docs) => {
      const loaded = performance.now()
      const built = createSearchEngine(docs)
      const setup = { loadMs: loaded - start, buildMs: performance.now() - loaded }
      return { engine: built, setup }
    })
    // A failed load is forgotten, so that "retry" fetches again.
    engine.catch(() => engines.delete(url))
    engines.set(url, engine)
  }
  return engine
}

const reply = (message: WorkerReply) => self.postMessage(message)

self.onmessage = (event: MessageEvent<SearchMessage>) => {
  if (latest) reply({ seq: latest.seq, kind: 'cancelled' })
  latest = event.data
  if (!draining) void drain()
}

async function drain() {
  draining = true
  while (latest) {
    const message = latest
    try {
      const loaded = await engineFor(message.url)
      // Messages that arrived while the data loaded replaced this one: answer only the newest.
      if (latest !== message) continue
      latest = null
      const start = performance.now()
      const result = loaded.engine.search(message.request)
      const ms = performance.now() - start
      reply({ seq: message.seq, kind: 'result', result, ms, setup: loaded.setup })
      loaded.setup = undefined
    } catch (error) {
      if (latest === message) latest = null
      reply({ seq: message.seq, kind: 'error', message: (error as Error).message })
    }
    // Let queued messages arrive before the next round, so stale ones are skipped.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  draining = false
}
