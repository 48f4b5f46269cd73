import type { z } from 'zod'
import {
  chunkSchema,
  CONTENT_SCHEMA_VERSION,
  manifestSchema,
  searchDataSchema,
  type Chunk,
  type Digest,
  type DigestSummary,
  type Manifest,
  type NameCount,
  type SearchData,
} from '../src/types/content.ts'
import { shortHash } from './ids.ts'
import type { PublisherConfig } from './publishers.ts'

/** The manifest's term list keeps the most frequent terms only; search covers the rest. */
export const MANIFEST_TERM_LIMIT = 400

export interface CompiledContent {
  manifest: Manifest
  manifestJson: string
  /** Content-hashed data files (chunks, search data) by path relative to the data directory. */
  files: Map<string, string>
}

/** A month of one publisher above this many bytes of JSON is cut into parts (`2026-04-p1`, …). */
export const CHUNK_TARGET_BYTES = 512 * 1024

/**
 * Groups digests by chunk key, cutting oversized months into parts of about CHUNK_TARGET_BYTES so
 * that opening one digest of a prolific publisher does not download megabytes. Parts are filled
 * from the oldest digest on, so new digests at the end of a month leave earlier parts unchanged.
 * Updates each digest's `chunk` to the part it lands in.
 */
function splitLargeChunks(digests: Digest[]): Map<string, Digest[]> {
  const byKey = new Map<string, Digest[]>()
  for (const d of digests) byKey.set(d.chunk, [...(byKey.get(d.chunk) ?? []), d])
  const out = new Map<string, Digest[]>()
  for (const [key, list] of byKey) {
    const sizes = list.map((d) => Buffer.byteLength(JSON.stringify(d)))
    if (sizes.reduce((a, b) => a + b, 0) <= CHUNK_TARGET_BYTES) {
      out.set(key, list)
      continue
    }
    const parts: Digest[][] = [[]]
    let size = 0
    for (let i = list.length - 1; i >= 0; i--) {
      const part = parts.at(-1)!
      if (part.length > 0 && size + sizes[i]! > CHUNK_TARGET_BYTES) {
        parts.push([])
        size = 0
      }
      parts.at(-1)!.push(list[i]!)
      size += sizes[i]!
    }
    parts.forEach((part, index) => {
      const partKey = `${key}-p${index + 1}`
      for (const d of part) d.chunk = partKey
      out.set(partKey, part.reverse())
    })
  }
  return out
}

/**
 * Lays compiled digests out as files: one chunk per month and the search data, each named by the
 * hash of its own JSON, and the manifest pointing at them. Same input, same bytes.
 */
export function assemble(digests: Digest[], publishers: PublisherConfig[]): CompiledContent {
  digests.sort((a, b) => b.time - a.time || a.id.localeCompare(b.id))
  const chunkDigests = splitLargeChunks(digests)

  const files = new Map<string, string>()
  const chunks: Record<string, string> = {}
  for (const [key, list] of chunkDigests) {
    const chunk: Chunk = { schemaVersion: CONTENT_SCHEMA_VERSION, key, digests: list }
    const json = JSON.stringify(chunk)
    checkAgainstSchema(chunkSchema, json, `chunk ${key}`)
    const name = `chunks/${key}.${shortHash(json, 10)}.json`
    chunks[key] = name
    files.set(name, json)
  }

  const publisherCounts = countBy(digests.map((d) => d.publisher))
  const publisherList = publishers
    .filter((p) => publisherCounts.has(p.id))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((p) => ({ id: p.id, name: p.name, digestCount: publisherCounts.get(p.id) ?? 0 }))
  // Chunk names already hash every digest; the publisher names are the only other input.
  const contentHash = shortHash(
    [...files.keys()].sort().join('\n') + JSON.stringify(publisherList),
    12,
  )
  const search: SearchData = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    contentHash,
    docs: digests.flatMap((d) =>
      d.items.map((item) => ({
        id: item.id,
        digestId: d.id,
        publisher: d.publisher,
        time: d.time,
        title: item.title,
        url: item.url,
        text: item.text,
        terms: item.terms,
        categories: d.categories,
        handle: item.source?.handle,
        host: item.source?.host,
      })),
    ),
  }
  const searchJson = JSON.stringify(search)
  checkAgainstSchema(searchDataSchema, searchJson, 'search data')
  const searchName = `search.${shortHash(searchJson, 10)}.json`
  files.set(searchName, searchJson)

  const summaries: DigestSummary[] = digests.map(({ items: _items, ...summary }) => summary)
  const manifest: Manifest = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    contentHash,
    digests: summaries,
    publishers: publisherList,
    categories: toNameCounts(countBy(digests.flatMap((d) => d.categories))),
    terms: termCounts(digests.flatMap((d) => d.items.map((i) => i.terms))).slice(
      0,
      MANIFEST_TERM_LIMIT,
    ),
    sources: toNameCounts(
      countBy(
        digests.flatMap((d) =>
          d.items.flatMap((i) =>
            i.source ? [i.source.handle ? `@${i.source.handle}` : i.source.host] : [],
          ),
        ),
      ),
    ),
    chunks,
    search: searchName,
    itemCount: search.docs.length,
  }
  const manifestJson = JSON.stringify(manifest)
  checkAgainstSchema(manifestSchema, manifestJson, 'manifest')
  return { manifest, manifestJson, files }
}

/**
 * The app validates every file it loads against the shared schema and refuses a whole file on one
 * bad field, so the compiler checks the JSON it is about to write (as the app will read it: parsed
 * back from the text). Input problems are diagnostics long before this point: a mismatch here is a
 * bug in the compiler.
 */
function checkAgainstSchema(schema: z.ZodType, json: string, what: string): void {
  const result = schema.safeParse(JSON.parse(json))
  if (result.success) return
  const issue = result.error.issues[0]!
  throw new Error(
    `compiler bug: the ${what} does not match the content schema (src/types/content.ts) at ` +
      `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  )
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

/**
 * How many items name each term. Spellings that differ only in case (`OpenAI` in bold, `#openai`
 * as a tag) are one term, shown in its most used spelling, and an item counts once per term.
 */
export function termCounts(itemTerms: string[][]): NameCount[] {
  const groups = new Map<string, { items: number; spellings: Map<string, number> }>()
  for (const terms of itemTerms) {
    const seen = new Set<string>()
    for (const term of terms) {
      const key = term.toLowerCase()
      const group = groups.get(key) ?? { items: 0, spellings: new Map<string, number>() }
      groups.set(key, group)
      group.spellings.set(term, (group.spellings.get(term) ?? 0) + 1)
      if (!seen.has(key)) group.items += 1
      seen.add(key)
    }
  }
  const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length
  const counts = new Map<string, number>()
  for (const { items, spellings } of groups.values()) {
    // The most used spelling; on a tie the capitalised one (`OpenAI` over the tag's `openai`).
    const [name] = [...spellings].sort(
      ([a, m], [b, n]) => n - m || capitals(b) - capitals(a) || a.localeCompare(b),
    )[0]!
    counts.set(name, items)
  }
  return toNameCounts(counts)
}

function toNameCounts(counts: Map<string, number>): NameCount[] {
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}
