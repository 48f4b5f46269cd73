import { searchRootSchema } from '@/types/search-index'
import { fetchJson } from '@/lib/fetch-json'
import { dataFileUrl } from '@/lib/archive/archive-files'
import { createSearchEngine } from '@/features/search/engine/search-engine'
import { createSearchServer } from '@/features/search/worker/search-server'
import type { ClientMessage, WorkerReply } from '@/features/search/worker/protocol'

/**
 * The search worker on the page's thread, for jsdom (which has no Worker): the real protocol
 * server and engine, wired as src/features/search/worker/search.worker.ts wires them, fetching
 * through the page's `fetch` (which the harness stubs). Messages cross asynchronously and as
 * copies, as they do between threads. Every message posted is kept in `InThreadSearchWorker.log`.
 */
export class InThreadSearchWorker {
  static log: ClientMessage[] = []
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  private readonly receive = createSearchServer({
    openIndex: async (url) => {
      const root = await fetchJson(url, searchRootSchema)
      return createSearchEngine(root, (file, schema) => fetchJson(dataFileUrl(file), schema))
    },
    reply: (message) =>
      setTimeout(() => this.onmessage?.(new MessageEvent('message', { data: message })), 0),
  })

  postMessage(message: ClientMessage): void {
    const copy = structuredClone(message)
    InThreadSearchWorker.log.push(copy)
    setTimeout(() => this.receive(copy), 0)
  }

  terminate(): void {}
}
