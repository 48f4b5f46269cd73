import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { writeFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { Digest } from '../src/types/content.ts'
import type { AssembleCache } from './assemble-cache.ts'
import { InlineBody, type Body } from './body.ts'
import type { FileResult } from './compile-file.ts'
import { shortHash } from './ids.ts'
import type { FileStamps } from './fs-content.ts'

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

/** What the compiler reuses between runs. */
export interface CompileCache extends AssembleCache {
  /** What the last run learnt of each file's text, so an unchanged file is not read again. */
  stamps: FileStamps
  file(key: string): CachedFile | undefined
  remember(key: string, result: FileResult): void
  /** Writes what this run learnt, then drops what it did not use. */
  save(): Promise<void>
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
  const stamps = stampBook({}, { freshMs: FRESH_MS })
  let files = new Map<string, FileResult>()
  let memos = new Map<string, unknown>()
  let usedFiles = new Map<string, FileResult>()
  let usedMemos = new Map<string, unknown>()
  return {
    stamps,
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
    lookup<T>(kind: string, fingerprint: string): T | undefined {
      const id = `${kind}-${fingerprint}`
      const value = memos.get(id) as T | undefined
      if (value !== undefined) usedMemos.set(id, value)
      return value
    },
    store(kind, fingerprint, value) {
      const id = `${kind}-${fingerprint}`
      memos.set(id, value)
      usedMemos.set(id, value)
    },
    async save() {
      stamps.keepUsed()
      files = usedFiles
      memos = usedMemos
      usedFiles = new Map()
      usedMemos = new Map()
    },
  }
}

/**
 * A cache on disk, for the CLI and `vite build`. Every file's meta lives in one `meta.json` (read
 * once: thousands of small reads were most of a warm build); full digests live in one pack per
 * publisher-month (`files/<month>.json`, read only when that month has to be built again: one new
 * digest reads one pack); each memoized step in `memo/` as a JSON value plus one file of the output
 * texts it made, read only when a consumer wants them. Writes go out together at the end of a run,
 * under temp names first, so a crash never leaves an entry a later run would trust. `save` keeps
 * what this run used and deletes the rest.
 */
export function diskCache(
  dir: string,
  { freshMs = FRESH_MS }: { freshMs?: number } = {},
): CompileCache {
  const filesDir = join(dir, 'files')
  const memoDir = join(dir, 'memo')
  const metaPath = join(dir, 'meta.json')
  const stampsPath = join(dir, 'stamps.json')
  mkdirSync(filesDir, { recursive: true })
  mkdirSync(memoDir, { recursive: true })
  const stamps = stampBook(readJson<Record<string, Stamped>>(stampsPath) ?? {}, { freshMs })
  const stored = readJson<Record<string, FileMeta & { pack?: string }>>(metaPath) ?? {}
  const usedMeta: Record<string, FileMeta & { pack?: string }> = {}
  const usedPaths = new Set<string>()
  const pending = new Map<string, string>()
  const packPath = (pack: string) => join(filesDir, `${pack}.json`)
  // Asked once per pack, not once per file (thousands of files share a few dozen packs).
  const packExists = new Map<string, boolean>()
  const hasPack = (pack: string) => {
    let exists = packExists.get(pack)
    if (exists === undefined) packExists.set(pack, (exists = existsSync(packPath(pack))))
    return exists
  }
  const packs = new Map<string, Record<string, Digest>>()
  const readPack = (pack: string) => {
    let entries = packs.get(pack)
    if (!entries)
      packs.set(pack, (entries = readJson<Record<string, Digest>>(packPath(pack)) ?? {}))
    return entries
  }
  /** Packs with new digests, to be written again (with the old entries still in use). */
  const dirty = new Map<string, Map<string, Digest>>()
  return {
    stamps,
    file(key) {
      const meta = stored[key]
      if (!meta || (meta.digest && !(meta.pack && hasPack(meta.pack)))) return undefined
      usedMeta[key] = meta
      if (meta.pack) usedPaths.add(packPath(meta.pack))
      return {
        meta,
        load: () => {
          const digest = readPack(meta.pack!)[key]
          if (!digest) throw new Error(`compile cache: ${packPath(meta.pack!)} lacks ${key}`)
          return digest
        },
      }
    },
    remember(key, result) {
      if (!result.digest) {
        usedMeta[key] = metaOf(result)
        return
      }
      // A file name from the chunk key (publisher prefix and month), whatever it contains.
      const pack = shortHash(result.digest.chunk, 12)
      usedMeta[key] = { ...metaOf(result), pack }
      const entries = dirty.get(pack) ?? new Map<string, Digest>()
      dirty.set(pack, entries.set(key, result.digest))
      usedPaths.add(packPath(pack))
    },
    lookup<T>(kind: string, fingerprint: string): T | undefined {
      const path = join(memoDir, `${kind}-${fingerprint}.json`)
      const bodiesPath = `${path}.bodies`
      let bodies: string | undefined
      const readBodies = () => (bodies ??= readFileSync(bodiesPath, 'utf8'))
      const stored = readJson<StoredMemo>(path)
      const hit = stored && attachBodies<T>(stored, readBodies)
      if (hit === undefined || !existsSync(bodiesPath)) return undefined
      usedPaths.add(path).add(bodiesPath)
      return hit
    },
    store(kind, fingerprint, value) {
      const path = join(memoDir, `${kind}-${fingerprint}.json`)
      const texts: string[] = []
      const bodies: BodyAt[] = []
      const detached = detachBodies(value, { texts, bodies, offset: 0, path: [] })
      const json = JSON.stringify({ value: detached, bodies } satisfies StoredMemo)
      pending.set(path, json)
      pending.set(`${path}.bodies`, texts.join(''))
      usedPaths.add(path).add(`${path}.bodies`)
    },
    async save() {
      for (const [pack, fresh] of dirty) {
        const kept: Record<string, Digest> = {}
        const old = readPack(pack)
        for (const [key, meta] of Object.entries(usedMeta)) {
          if (meta.pack === pack && !fresh.has(key) && old[key]) kept[key] = old[key]
        }
        pending.set(packPath(pack), JSON.stringify({ ...kept, ...Object.fromEntries(fresh) }))
      }
      dirty.clear()
      const writes = [...pending]
      pending.clear()
      // A few at a time: thousands of parallel writes only queue up in the thread pool.
      for (let i = 0; i < writes.length; i += 64) {
        await Promise.all(
          writes.slice(i, i + 64).map(([path, text]) => writeAtomically(path, text)),
        )
      }
      await writeAtomically(metaPath, JSON.stringify(usedMeta))
      await writeAtomically(stampsPath, JSON.stringify(stamps.keepUsed()))
      for (const sub of [filesDir, memoDir]) {
        for (const name of readdirSync(sub)) {
          const path = join(sub, name)
          if (!usedPaths.has(path)) rmSync(path, { force: true })
        }
      }
    },
  }
}

/** A file's stamp and the hash of its text under that stamp. */
type Stamped = [stamp: string, textHash: string]

/**
 * A file modified this close to being read may be modified again within the same timestamp tick
 * (coarse on some file systems): its stamp is not recorded, so the next run reads it again. The
 * same rule as git's "racily clean" entries.
 */
const FRESH_MS = 2000

/** The stamps of one run: last run's, and what this run confirms or records. */
function stampBook(stored: Record<string, Stamped>, { freshMs }: { freshMs: number }) {
  const startedMs = Date.now()
  let used: Record<string, Stamped> = {}
  return {
    hashOf(path: string, stamp: string) {
      const entry = stored[path]
      if (!entry || entry[0] !== stamp) return undefined
      used[path] = entry
      return entry[1]
    },
    record(path: string, stamp: string, textHash: string, modifiedMs: number) {
      if (modifiedMs > startedMs - freshMs) return
      used[path] = [stamp, textHash]
    },
    /** Keeps what this run saw (a deleted file's stamp goes); returns it for writing. */
    keepUsed() {
      stored = used
      used = {}
      return stored
    },
  }
}

/** Where a body sits in a memo's value (keys and indexes from the root), and its text's range. */
type BodyAt = [path: (string | number)[], from: number, to: number]

/** A memo as stored: its value with each body as `null`, and where the bodies go. */
interface StoredMemo {
  value: unknown
  bodies: BodyAt[]
}

/**
 * A copy of `value` with each body left out (`null`) and listed in `bodies` with its range in the
 * joined `texts`. A walk, not a `JSON.stringify` replacer: the replacer is called for every key of
 * a year's chunk groups and search segments, and was half of the cache's save. Listing where the
 * bodies are lets a lookup parse without a reviver (one call per value of a month's topic facts
 * made reading the cache three times slower than parsing it).
 */
function detachBodies(
  value: unknown,
  at: { texts: string[]; bodies: BodyAt[]; offset: number; path: (string | number)[] },
): unknown {
  if (value instanceof InlineBody) {
    const text = value.text()
    at.texts.push(text)
    at.bodies.push([[...at.path], at.offset, (at.offset += text.length)])
    return null
  }
  if (typeof value !== 'object' || value === null) return value
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {}
  for (const [key, v] of Object.entries(value)) {
    at.path.push(Array.isArray(value) ? Number(key) : key)
    ;(copy as Record<string, unknown>)[key] = detachBodies(v, at)
    at.path.pop()
  }
  return copy
}

/** A stored memo's value with its bodies back in place, each reading its text on first use. */
function attachBodies<T>(stored: StoredMemo, readBodies: () => string): T | undefined {
  if (typeof stored !== 'object' || stored === null || !Array.isArray(stored.bodies))
    return undefined
  const root = { value: stored.value }
  for (const [path, from, to] of stored.bodies) {
    let parent: Record<string | number, unknown> = root
    let key: string | number = 'value'
    for (const step of path) {
      parent = parent[key] as Record<string | number, unknown>
      key = step
    }
    parent[key] = { text: () => readBodies().slice(from, to) } satisfies Body
  }
  return root.value as T
}

function readJson<T>(path: string) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T
  } catch {
    // Missing or unreadable: compute it again.
    return undefined
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, text)
  await rename(temp, path)
}
