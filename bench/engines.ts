import * as v from 'valibot'
import { gzipSync } from 'node:zlib'
import Fuse from 'fuse.js'
import type { Digest, SearchDoc } from '../src/types/content.ts'
import { searchRootSchema } from '../src/types/search-index.ts'
import { tsImport } from 'tsx/esm/api'
import type { Loader } from '../src/features/search/engine/segment-source.ts'
import { buildSegment, searchRootFile, segmentKeyOf } from '../pipeline/search-index.ts'

/**
 * The engine imports the app's `@/…` paths, which only the app's tsconfig maps (the root
 * tsconfig.json, which plain `tsx` reads, has none): it is loaded through tsx with that tsconfig.
 */
const { createSearchEngine } = (await tsImport('../src/features/search/engine/search-engine.ts', {
  parentURL: import.meta.url,
  tsconfig: 'tsconfig.app.json',
})) as typeof import('../src/features/search/engine/search-engine.ts')

/** One engine under test: ranked top ids, and (when cheap) every matching id. */
export interface BenchEngine {
  name: string
  top: (query: string, n: number) => Promise<string[]>
  all: (query: string) => Promise<string[]>
}

/** The synthetic corpus's items are published in Beijing time, as the seed's are. */
const OFFSET_MINUTES = 8 * 60

/**
 * The corpus as the compiler sees it: digests (newest first, as the feed orders them) holding their
 * items. Only what the index reads is filled in; the rest is what a strict digest would carry.
 */
export function digestsOf(docs: SearchDoc[]): Digest[] {
  const digests = new Map<string, Digest>()
  for (const doc of docs) {
    let digest = digests.get(doc.digestId)
    if (!digest) {
      const local = new Date(doc.time + OFFSET_MINUTES * 60_000).toISOString().slice(0, 19)
      digest = {
        id: doc.digestId,
        publisher: doc.publisher,
        title: '过去4小时全球AI发生了什么？',
        date: `${local}+08:00`,
        time: doc.time,
        offsetMinutes: OFFSET_MINUTES,
        categories: doc.categories,
        itemCount: 0,
        chunk: 'chunks/bench.json',
        items: [],
      }
      digests.set(doc.digestId, digest)
    }
    digest.items.push({
      id: doc.id,
      position: digest.items.length + 1,
      title: doc.title,
      ...(doc.url && { url: doc.url }),
      ...(doc.host && { source: { host: doc.host, ...(doc.handle && { handle: doc.handle }) } }),
      summary: [{ kind: 'text', text: doc.text }],
      text: doc.text,
      terms: doc.terms,
    })
    digest.itemCount++
  }
  return [...digests.values()].sort((a, b) => b.time - a.time)
}

/** The index's files (path → JSON text) and its root, built as `pipeline/assemble.ts` builds them. */
export interface BuiltIndex {
  files: Map<string, string>
  rootFile: string
  /** Wall time of every `buildSegment` call. */
  buildMs: number
}

/** Segments the digests with `segmentKeyOf` (newest month apart) and builds each one. */
export function buildIndex(docs: SearchDoc[]): BuiltIndex {
  const digests = digestsOf(docs)
  const newestMonth = digests[0]?.date.slice(0, 7) ?? ''
  const bySegment = new Map<string, Digest[]>()
  for (const digest of digests) {
    const key = segmentKeyOf(digest, newestMonth)
    bySegment.set(key, [...(bySegment.get(key) ?? []), digest])
  }
  const files = new Map<string, string>()
  const start = performance.now()
  const entries = [...bySegment].map(([key, list]) => {
    const built = buildSegment(key, list)
    for (const [name, json] of built.files) files.set(name, json)
    return built.entry
  })
  const buildMs = performance.now() - start
  // The root lists segments newest first, as the compiler writes it.
  entries.sort((a, b) => (a.key < b.key ? 1 : -1))
  const root = searchRootFile(entries, 'bench')
  files.set(root.name, root.json)
  return { files, rootFile: root.name, buildMs }
}

/** Raw and gzip bytes of files, each compressed on its own (as a server sends them). */
export function bytesOf(files: Iterable<string>, index: BuiltIndex): { raw: number; gzip: number } {
  let raw = 0
  let gzip = 0
  for (const file of files) {
    const json = index.files.get(file)!
    raw += Buffer.byteLength(json)
    gzip += gzipSync(json).length
  }
  return { raw, gzip }
}

export interface ProjectEngine extends BenchEngine {
  warm: () => Promise<void>
  /** Files the engine has asked for so far, each once, in order. */
  fetched: () => string[]
}

/**
 * The project's engine over an in-memory index, reading it through a loader that parses and
 * validates each file with the schema the engine gives (as the worker's fetch does).
 */
export function projectEngine(index: BuiltIndex): ProjectEngine {
  const fetched = new Set<string>()
  const load: Loader = async <T>(file: string, schema: v.GenericSchema<unknown, T>) => {
    const text = index.files.get(file)
    if (text === undefined) throw new Error(`no index file ${file}`)
    fetched.add(file)
    return v.parse(schema, JSON.parse(text))
  }
  fetched.add(index.rootFile)
  const root = v.parse(searchRootSchema, JSON.parse(index.files.get(index.rootFile)!))
  const engine = createSearchEngine(root, load)
  return {
    name: 'project',
    top: async (query, n) => (await engine.search({ query, limit: n })).hits.map((h) => h.doc.id),
    all: (query) => engine.matchingIds({ query }),
    warm: () => engine.warm(),
    fetched: () => [...fetched],
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
    top: async (query, n) => fuse.search(query, { limit: n }).map((r) => r.item.id),
    all: async (query) => fuse.search(query).map((r) => r.item.id),
  }
}

/** A plain `includes` scan of lowercased title + terms + summary; every word must appear. */
export function includesScan(docs: SearchDoc[]): BenchEngine & { allNow: (q: string) => string[] } {
  const texts = docs.map((d) => `${d.title}\n${d.terms.join('\n')}\n${d.text}`.toLowerCase())
  const allNow = (query: string) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean)
    const ids: string[] = []
    for (let i = 0; i < texts.length; i++) {
      if (words.every((w) => texts[i].includes(w))) ids.push(docs[i].id)
    }
    return ids
  }
  return {
    name: 'includes scan',
    top: async (query, n) => allNow(query).slice(0, n),
    all: async (query) => allNow(query),
    allNow,
  }
}
