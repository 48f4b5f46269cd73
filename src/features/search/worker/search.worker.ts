import { loadSearchDocs } from '../api/load-search-docs'
import { createSearchEngine } from '../engine/search-engine'
import type { SearchMessage, WorkerReply } from './protocol'
import { createSearchServer } from './search-server'

// A thin shell around the protocol (search-server.ts): messages in, replies out.
const receive = createSearchServer({
  loadDocs: loadSearchDocs,
  buildEngine: createSearchEngine,
  reply: (message: WorkerReply) => self.postMessage(message),
})

self.onmessage = (event: MessageEvent<SearchMessage>) => receive(event.data)
