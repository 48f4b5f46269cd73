import Fuse from 'fuse.js'
import type { SearchDoc } from '../src/types/content.ts'
import { createSearchEngine } from '../src/features/search/engine/search-engine.ts'

/** One engine under test: ranked top ids, and (when cheap) every matching id. */
export interface BenchEngine {
  name: string
  top: (query: string, n: number) => string[]
  all: (query: string) => string[]
  indexBytes: number
}

/** The project's engine (bigram index + Myers + Fuse re-scoring of the top). */
export function projectEngine(docs: SearchDoc[]): BenchEngine {
  const engine = createSearchEngine(docs)
  return {
    name: 'project',
    top: (query, n) => engine.search({ query, limit: n }).hits.map((h) => h.doc.id),
    all: (query) => engine.matchingIds({ query }),
    indexBytes: engine.indexBytes,
  }
}

/** The configuration the issue measured: the whole query is one Fuse pattern. */
export const STOCK_FUSE = { keys: ['title', 'summary'], ignoreLocation: true, threshold: 0.3 }

/** Stock Fuse over title and summary, exactly as the issue describes it. */
export function stockFuse(docs: SearchDoc[]): BenchEngine {
  const items = docs.map((d) => ({ id: d.id, title: d.title, summary: d.text }))
  const fuse = new Fuse(items, STOCK_FUSE)
  return {
    name: 'stock Fuse',
    top: (query, n) => fuse.search(query, { limit: n }).map((r) => r.item.id),
    all: (query) => fuse.search(query).map((r) => r.item.id),
    // Measured by the benchmark from a serialized `Fuse.createIndex`.
    indexBytes: 0,
  }
}

/** A plain `includes` scan of lowercased title + terms + summary; every word must appear. */
export function includesScan(docs: SearchDoc[]): BenchEngine {
  const texts = docs.map((d) => `${d.title}\n${d.terms.join('\n')}\n${d.text}`.toLowerCase())
  const all = (query: string) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    const ids: string[] = []
    for (let i = 0; i < texts.length; i++) {
      if (words.every((w) => texts[i].includes(w))) ids.push(docs[i].id)
    }
    return ids
  }
  return { name: 'includes scan', top: (query, n) => all(query).slice(0, n), all, indexBytes: 0 }
}
