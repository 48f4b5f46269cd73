import { searchRootSchema } from '@/types/search-index'
import { fetchJson } from '@/lib/fetch-json'
import { dataFileUrl } from '@/lib/archive/archive-files'
import { createSearchEngine } from '../engine/search-engine'
import type { ClientMessage, WorkerReply } from './protocol'
import { createSearchServer } from './search-server'

// A thin shell around the protocol (search-server.ts): messages in, replies out. The engine
// fetches index files through the same module every view uses to reach data.
const receive = createSearchServer({
  openIndex: async (url) => {
    const root = await fetchJson(url, searchRootSchema)
    return createSearchEngine(root, (file, schema) => fetchJson(dataFileUrl(file), schema))
  },
  reply: (message: WorkerReply) => self.postMessage(message),
})

self.onmessage = (event: MessageEvent<ClientMessage>) => receive(event.data)
