import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import type { Digest } from '../src/types/content.ts'
import type { AssembleCache } from './assemble.ts'
import { InlineBody, StoredBody, type Body } from './body.ts'
import type { FileResult } from './compile-file.ts'

/** Where builds keep their cache unless told otherwise (wiped by `npm ci`, like other tools'). */
export const DEFAULT_CACHE_DIR = 'node_modules/.cache/digest-reader'

/** What a run needs of a file it does not compile again: all but the digest's items. */
export type FileMeta = Omit<FileResult, 'digest'> & {
  digest?: Omit<Digest, 'items'>
  /** Items with a link (for the summary table). */
  linked: number
}

/** A cached file result: its meta at hand, its full digest read only when needed. */
export interface CachedFile {
  meta: FileMeta
  load(): Digest
}

/** What the compiler reuses between runs. `prune` drops what the last run did not use. */
export interface CompileCache extends AssembleCache {
  file(key: string): CachedFile | undefined
  remember(key: string, result: FileResult): void
  prune(): void
}

/** The meta of a fresh result. */
export function metaOf(result: FileResult): FileMeta {
  const { digest, ...rest } = result
  if (!digest) return { ...rest, linked: 0 }
  const { items, ...summary } = digest
  return { ...rest, digest: summary, linked: items.filter((i) => i.url).length }
}

/** A cache in memory, for the dev server: a changed digest recompiles alone. */
export function memoryCache(): CompileCache {
  let files = new Map<string, FileResult>()
  let memos = new Map<string, unknown>()
  let usedFiles = new Map<string, FileResult>()
  let usedMemos = new Map<string, unknown>()
  return {
    file(key) {
      const hit = files.get(key)
      if (!hit) return undefined
      usedFiles.set(key, hit)
      return { meta: metaOf(hit), load: () => hit.digest! }
    },
    remember(key, result) {
      files.set(key, result)
      usedFiles.set(key, result)
    },
    memo<T>(kind: string, fingerprint: string, build: () => T): T {
      const id = `${kind}-${fingerprint}`
      const value = (memos.has(id) ? memos.get(id) : build()) as T
      memos.set(id, value)
      usedMemos.set(id, value)
      return value
    },
    prune() {
      files = usedFiles
      memos = usedMemos
      usedFiles = new Map()
      usedMemos = new Map()
    },
  }
}

/**
 * A cache on disk, for the CLI and `vite build`. Every file's meta lives in one `meta.json` (read
 * once: thousands of small reads were most of a warm build), each full digest in `files/<key>.json`
 * and each memoized step in `memo/`, with the output files it made as separate bodies read only
 * when a consumer wants their text. Entries are written under a temp name first, so a crash never
 * leaves one that a later run would trust. `prune` keeps what this run used and deletes the rest.
 */
export function diskCache(dir: string): CompileCache {
  const filesDir = join(dir, 'files')
  const memoDir = join(dir, 'memo')
  const metaPath = join(dir, 'meta.json')
  mkdirSync(filesDir, { recursive: true })
  mkdirSync(memoDir, { recursive: true })
  const stored = readJson<Record<string, FileMeta>>(metaPath) ?? {}
  const usedMeta: Record<string, FileMeta> = {}
  const usedPaths = new Set<string>()
  return {
    file(key) {
      const meta = stored[key]
      const path = join(filesDir, `${key}.json`)
      if (!meta || (meta.digest && !existsSync(path))) return undefined
      usedMeta[key] = meta
      usedPaths.add(path)
      return { meta, load: () => readJson<Digest>(path)! }
    },
    remember(key, result) {
      usedMeta[key] = metaOf(result)
      if (!result.digest) return
      const path = join(filesDir, `${key}.json`)
      writeAtomically(path, JSON.stringify(result.digest))
      usedPaths.add(path)
    },
    memo<T>(kind: string, fingerprint: string, build: () => T): T {
      const path = join(memoDir, `${kind}-${fingerprint}.json`)
      const bodies: string[] = []
      const hit = readJson<T>(path, (_key, value) => reviveBody(value, bodies))
      if (hit !== undefined && bodies.every((b) => existsSync(b))) {
        usedPaths.add(path)
        for (const b of bodies) usedPaths.add(b)
        return hit
      }
      const value = build()
      let n = 0
      const json = JSON.stringify(value, (_key, v: unknown) => {
        if (!(v instanceof InlineBody)) return v
        const bodyPath = join(memoDir, `${kind}-${fingerprint}.${n++}.body`)
        writeAtomically(bodyPath, v.text())
        usedPaths.add(bodyPath)
        return { $body: bodyPath }
      })
      writeAtomically(path, json)
      usedPaths.add(path)
      return value
    },
    prune() {
      writeAtomically(metaPath, JSON.stringify(usedMeta))
      for (const sub of [filesDir, memoDir]) {
        for (const name of readdirSync(sub)) {
          const path = join(sub, name)
          if (!usedPaths.has(path)) rmSync(path, { force: true })
        }
      }
    },
  }
}

function reviveBody(value: unknown, bodies: string[]): unknown {
  if (typeof value !== 'object' || value === null || !('$body' in value)) return value
  const path = (value as { $body: string }).$body
  bodies.push(path)
  return new StoredBody(path, (p) => readFileSync(p, 'utf8')) satisfies Body
}

function readJson<T>(path: string, reviver?: (key: string, value: unknown) => unknown) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'), reviver) as T
  } catch {
    // Missing or unreadable: compute it again.
    return undefined
  }
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, text)
  renameSync(temp, path)
}
