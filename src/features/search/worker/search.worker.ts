import { loadSearchDocs } from '../api/load-search-docs'
import { createSearchEngine, type SearchEngine } from '../engine/search-engine'
import type { SearchMessage, WorkerReply } from './protocol'

// A thin shell: load once per data file, answer only the newest query.
const engines = new Map<string, Promise<SearchEngine>>()
let latest: SearchMessage | null = null
let draining = false

function engineFor(url: string): Promise<SearchEngine> {
  let engine = engines.get(url)
  if (!engine) {
    engine = loadSearchDocs(url).then(createSearchEngine)
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
      const engine = await engineFor(message.url)
      // Messages that arrived while the data loaded replaced this one: answer only the newest.
      if (latest !== message) continue
      latest = null
      const start = performance.now()
      const result = engine.search(message.request)
      reply({ seq: message.seq, kind: 'result', result, ms: performance.now() - start })
    } catch (error) {
      if (latest === message) latest = null
      reply({ seq: message.seq, kind: 'error', message: (error as Error).message })
    }
    // Let queued messages arrive before the next round, so stale ones are skipped.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  draining = false
}
