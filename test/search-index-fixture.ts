/**
 * Search indexes for the engine's tests, built in memory by the real compiler: from compiled
 * content (the seed, the two-publisher archive) or from digests a test writes. The engine reads
 * them through a loader that validates each file with the schema it is given, as the worker's
 * fetch does, and records which files it asked for. Loaded by the engine's tests through a
 * computed import (they live in the app's type program, which must not see the Node compiler).
 */
import * as v from 'valibot'
import { searchRootSchema, textShardSchema, type TextDoc } from '@/types/search-index'
import type { Digest } from '@/types/content'
import { createSearchEngine, type SearchEngine } from '@/features/search/engine/search-engine'
import type { Loader } from '@/features/search/engine/segment-source'
import { buildSegment, searchRootFile } from '../pipeline/search-index'
import { seedContent, twoPublisherContent } from './content-fixtures'

export interface IndexFixture {
  engine: SearchEngine
  /** Every item's text, in the index's doc order (segments newest first). */
  items: TextDoc[]
  /** Data files the engine asked for, in order. */
  fetched: string[]
  /** Makes the next request for a file whose name contains `part` fail. */
  failNext: (part: string) => void
  /** A fresh engine over the same files (nothing fetched yet). */
  reopen: () => IndexFixture
}

/** The engine over data files (path relative to the data folder → JSON text). */
function fixtureOver(files: ReadonlyMap<string, string>, rootFile: string): IndexFixture {
  const read = (file: string): unknown => {
    const text = files.get(file)
    if (text === undefined) throw new Error(`no data file ${file}`)
    return JSON.parse(text)
  }
  const fetched: string[] = []
  const failing = new Set<string>()
  const load: Loader = async <T>(file: string, schema: v.GenericSchema<unknown, T>) => {
    fetched.push(file)
    const part = [...failing].find((p) => file.includes(p))
    if (part !== undefined) {
      failing.delete(part)
      throw new Error(`HTTP 503 loading ${file}`)
    }
    return v.parse(schema, read(file))
  }
  const root = v.parse(searchRootSchema, read(rootFile))
  const items = root.segments.flatMap((segment) =>
    Array.from(
      { length: segment.textCount },
      (_, t) => v.parse(textShardSchema, read(`${segment.dir}/t${t}.json`)).docs,
    ).flat(),
  )
  return {
    engine: createSearchEngine(root, load),
    items,
    fetched,
    failNext: (part) => failing.add(part),
    reopen: () => fixtureOver(files, rootFile),
  }
}

/** The index the compiler wrote for the bundled seed, or for the two-publisher test archive. */
export async function compiledIndex(which: 'seed' | 'two-publishers'): Promise<IndexFixture> {
  const content = await (which === 'seed' ? seedContent() : twoPublisherContent())
  const files = new Map([...content.files].map(([name, body]) => [name, body.text()]))
  return fixtureOver(files, content.head.search)
}

/** An index of digests a test wrote: one segment, as the compiler builds it. */
export function builtIndex(digests: Digest[]): IndexFixture {
  const segment = buildSegment('2025', digests)
  const root = searchRootFile([segment.entry], 'test')
  const files = new Map(segment.files)
  files.set(root.name, root.json)
  return fixtureOver(files, root.name)
}
