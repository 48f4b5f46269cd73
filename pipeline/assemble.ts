import {
  CONTENT_SCHEMA_VERSION,
  type Aggregates,
  type Chunk,
  type Digest,
  type DigestSummary,
  type Head,
  type MonthEntry,
  type MonthPage,
  type NameCount,
} from '../src/types/content.ts'
import { shortHash } from './ids.ts'
import type { PublisherConfig } from './publishers.ts'
import type { SegmentEntry } from '../src/types/search-index.ts'
import { inline, type Body } from './body.ts'
import { memo, noCache, type AssembleCache } from './assemble-cache.ts'
import { checkOutput, outputChecker, type OutputChecker } from './check-output.ts'
import { buildSegment, searchRootFile, segmentKeyOf, type BuiltSegment } from './search-index.ts'
import { factsOf, type DigestFacts } from './topic-facts.ts'
import { buildTopicFiles, type Period } from './topics-build.ts'
import type { AliasEntry } from './topic-aliases.ts'

/** The aggregates' term list keeps the most frequent terms only; search covers the rest. */
export const AGGREGATE_TERM_LIMIT = 400
/** How many recent terms the empty search page offers (overall and per publisher). */
const RECENT_TERMS = 12

/** A run of one publisher's month above this many bytes of JSON is cut into parts. */
export const CHUNK_TARGET_BYTES = 64 * 1024

/** The head carries the newest digests in full, up to this many digests or items. */
export const HEAD_DIGESTS = 6
export const HEAD_ITEMS = 30

export interface CompiledContent {
  head: Head
  headJson: string
  /** Content-hashed data files by path relative to the data directory. */
  files: Map<string, Body>
}

/** A digest without its items: what month pages, the head's list and categories need. */
export type DigestMeta = Omit<Digest, 'items'>

/**
 * One compiled digest as the assembler sees it: its summary at hand, its items loaded only when a
 * file that holds them has to be built again, and a fingerprint of everything it came from.
 */
export interface DigestRecord {
  /** `chunk` is the chunk key (publisher prefix + month) until assembly names the file. */
  summary: DigestMeta
  fingerprint: string
  load(): Digest
}

/** A segment to build: its key, and its digests (loaded when the build starts). */
export interface SegmentJob {
  key: string
  load: () => Digest[]
}

/**
 * Builds search segments, maybe on other threads (compile-threads.ts), starting at once; `done`
 * returns them in the order of the jobs once all are built.
 */
export type SegmentBuilder = (jobs: SegmentJob[]) => { done(): Promise<BuiltSegment[]> }

/** Builds segments one by one on this thread, when `done` is called. */
export const buildSegmentsHere: SegmentBuilder = (jobs) => ({
  done: async () => jobs.map((j) => buildSegment(j.key, j.load())),
})

/** The local month a digest is listed under, `YYYY-MM`, as its date was written. */
export const monthOf = (digest: Pick<Digest, 'date'>) => digest.date.slice(0, 7)

/**
 * Feed order: local days newest first (as each digest wrote its date), then newest first within a
 * day. Publishers in different offsets interleave by instant, so ordering by instant alone would
 * bring the same day back further down; by day first, each day is one run (one heading), and each
 * month one run of days (one page).
 */
export function feedOrder(a: DigestMeta, b: DigestMeta): number {
  const da = a.date.slice(0, 10)
  const db = b.date.slice(0, 10)
  if (da !== db) return da < db ? 1 : -1
  return b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The fingerprint of a group of records (and the code version of the step that uses them). */
const groupPrint = (step: string, records: DigestRecord[]) =>
  shortHash(`${step}\n${records.map((r) => `${r.summary.id}:${r.fingerprint}`).join('\n')}`, 24)

/** One publisher's month as built: its chunk files and its share of the aggregates. */
interface ChunkGroup {
  parts: { name: string; body: Body; ids: string[] }[]
  terms: TermPart
  sources: [string, number][]
  /** What the topic, source and story files need of each digest, by digest id. */
  facts: [string, DigestFacts][]
}

/**
 * Lays compiled digests out as files: chunks of full digests, a page of summaries per month, the
 * aggregates, the search index and the head pointing at them, each named by the hash of its own
 * JSON. Same input, same bytes, whether built now or taken from the cache.
 */
export async function assemble(
  input: DigestRecord[],
  publishers: PublisherConfig[],
  {
    cache = noCache,
    aliases = [],
    buildSegments = buildSegmentsHere,
    compilerVersion = '',
  }: {
    cache?: AssembleCache
    aliases?: AliasEntry[]
    buildSegments?: SegmentBuilder
    /** Names the files the last run of this compiler checked (see `outputChecker`). */
    compilerVersion?: string
  } = {},
): Promise<CompiledContent> {
  const records = [...input].sort((a, b) => feedOrder(a.summary, b.summary))
  const files = new Map<string, Body>()
  const checker = outputChecker(cache.lookup<string[]>('checked', compilerVersion))

  // The search segments the cache does not have are built from their digests.
  const newestMonth = records.length ? monthOf(records[0]!.summary) : ''
  const bySegment = [...groupBy(records, (r) => segmentKeyOf(r.summary, newestMonth))].map(
    ([key, list]) => ({ key, list, print: groupPrint('segment-1', list) }),
  )
  type Built = { entry: SegmentEntry; files: [string, Body][] }
  const found = bySegment.map((s) => cache.lookup<Built>('segment', s.print))
  // Largest first: a thread takes the first, and this one builds what is left after the chunks.
  const missing = bySegment
    .filter((_s, i) => found[i] === undefined)
    .sort((a, b) => b.list.length - a.list.length)
  const building = buildSegments(
    missing.map((s) => ({ key: s.key, load: () => s.list.map((r) => r.load()) })),
  )

  const byChunk = groupBy(records, (r) => r.summary.chunk)
  const chunkFileOf = new Map<string, string>()
  const groups: ChunkGroup[] = []
  for (const list of byChunk.values()) {
    const group = memo(cache, 'chunks', groupPrint('chunks-2', list), () =>
      buildChunkGroup(list.map((r) => r.load())),
    )
    for (const part of group.parts) {
      files.set(part.name, part.body)
      for (const id of part.ids) chunkFileOf.set(id, part.name)
    }
    groups.push(group)
  }
  const summaries = records.map((r) => ({ ...r.summary, chunk: chunkFileOf.get(r.summary.id)! }))
  const months = writeMonths(summaries, files, checker)

  const loaded = new Map<string, Digest>()
  const load = (r: DigestRecord) => {
    let d = loaded.get(r.summary.id)
    if (!d) loaded.set(r.summary.id, (d = r.load()))
    return d
  }
  const aggregates = aggregatesOf(records, groups, load)
  const aggregatesJson = JSON.stringify(aggregates)
  const aggregatesName = `aggregates.${shortHash(aggregatesJson, 10)}.json`
  checker.check('aggregates', aggregatesJson, aggregatesName)
  files.set(aggregatesName, inline(aggregatesJson))

  const factsById = new Map(groups.flatMap((g) => g.facts))
  // Each run of one local month in feed order is a period (the order sorts by day first, so a
  // month is one run).
  const periods: Period[] = []
  for (let at = 0; at < records.length;) {
    const month = monthOf(records[at]!.summary)
    let end = at
    while (end < records.length && monthOf(records[end]!.summary) === month) end++
    const list = records.slice(at, end)
    periods.push({ digests: list.length, print: groupPrint('topic-period-1', list) })
    at = end
  }
  const topics = buildTopicFiles(
    records.map((r) => factsById.get(r.summary.id)!),
    aliases,
    { periods, cache, checker },
  )
  for (const [name, body] of topics.files) files.set(name, body)

  // The segments, built meanwhile on another thread when compile-threads.ts gave one.
  const built = await building.done()
  for (const [i, s] of missing.entries()) {
    const { entry, files: texts } = built[i]!
    const value: Built = { entry, files: [...texts].map(([n, t]) => [n, inline(t)]) }
    cache.store('segment', s.print, value)
    found[bySegment.indexOf(s)] = value
  }
  const segments: SegmentEntry[] = []
  for (const segment of found) {
    for (const [name, body] of segment!.files) files.set(name, body)
    segments.push(segment!.entry)
  }
  segments.sort((a, b) => (a.key < b.key ? 1 : -1))

  const publisherList = publisherCounts(summaries, publishers)
  // File names already hash every byte of content; the publisher names are the only other input.
  const contentHash = shortHash(
    [...files.keys()].sort().join('\n') + JSON.stringify(publisherList),
    12,
  )
  const root = searchRootFile(segments, contentHash)
  checker.check('search root', root.json, root.name)
  files.set(root.name, inline(root.json))
  cache.store('checked', compilerVersion, checker.names())

  const head: Head = {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    contentHash,
    publishers: publisherList,
    digestCount: records.length,
    itemCount: summaries.reduce((n, d) => n + d.itemCount, 0),
    months,
    newest: newestOf(records, load, chunkFileOf),
    aggregates: aggregatesName,
    search: root.name,
    topics: topics.index,
  }
  const headJson = JSON.stringify(head)
  checkOutput('head', headJson)
  return { head, headJson, files }
}

function publisherCounts(summaries: DigestSummary[], publishers: PublisherConfig[]) {
  const counts = new Map<string, { digests: number; items: number }>()
  for (const d of summaries) {
    const c = counts.get(d.publisher) ?? { digests: 0, items: 0 }
    c.digests += 1
    c.items += d.itemCount
    counts.set(d.publisher, c)
  }
  return publishers
    .filter((p) => counts.has(p.id))
    .sort((a, b) => compare(a.id, b.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      idPrefix: p.idPrefix,
      digestCount: counts.get(p.id)!.digests,
      itemCount: counts.get(p.id)!.items,
    }))
}

/** The first screen's digests: the newest few, in full, within HEAD_ITEMS items. */
function newestOf(
  records: DigestRecord[],
  load: (r: DigestRecord) => Digest,
  chunkFileOf: Map<string, string>,
): Digest[] {
  const out: Digest[] = []
  let items = 0
  for (const r of records) {
    const count = r.summary.itemCount
    if (out.length >= HEAD_DIGESTS || (out.length > 0 && items + count > HEAD_ITEMS)) break
    out.push({ ...load(r), chunk: chunkFileOf.get(r.summary.id)! })
    items += count
  }
  return out
}

/**
 * One publisher's month as chunk files, cut into parts of about CHUNK_TARGET_BYTES so that opening
 * one digest does not download its whole month. Parts fill from the oldest digest on, so a new
 * digest at the end of a month leaves the earlier parts (and their cached copies) unchanged.
 */
function buildChunkGroup(list: Digest[]): ChunkGroup {
  const key = list[0]!.chunk
  const oldestFirst = [...list].reverse()
  const parts: Digest[][] = [[]]
  let size = 0
  for (const d of oldestFirst) {
    const bytes = Buffer.byteLength(JSON.stringify(d))
    if (parts.at(-1)!.length > 0 && size + bytes > CHUNK_TARGET_BYTES) {
      parts.push([])
      size = 0
    }
    parts.at(-1)!.push(d)
    size += bytes
  }
  const built = parts.map((part, index) => {
    const partKey = parts.length > 1 ? `${key}-p${index + 1}` : key
    const chunk: Chunk = {
      schemaVersion: CONTENT_SCHEMA_VERSION,
      key: partKey,
      digests: part.reverse().map((d) => ({ ...d, chunk: '' })),
    }
    // A digest names its own chunk file, so the name hashes the chunk without those names.
    const name = `chunks/${partKey}.${shortHash(JSON.stringify(chunk), 10)}.json`
    for (const d of chunk.digests) d.chunk = name
    const json = JSON.stringify(chunk)
    checkOutput('chunk', json)
    return { name, body: inline(json), ids: part.map((d) => d.id) }
  })
  return {
    parts: built,
    terms: termPartOf(list.flatMap((d) => d.items.map((i) => i.terms))),
    facts: list.map((d) => [d.id, factsOf(d)]),
    sources: [
      ...countBy(
        list.flatMap((d) =>
          d.items.flatMap((i) =>
            i.source ? [i.source.handle ? `@${i.source.handle}` : i.source.host] : [],
          ),
        ),
      ),
    ],
  }
}

function groupBy<T>(list: T[], keyOf: (value: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const value of list) {
    const key = keyOf(value)
    const group = out.get(key)
    if (group) group.push(value)
    else out.set(key, [value])
  }
  return out
}

/** Writes one page of summaries per month; returns the head's month list, newest first. */
function writeMonths(
  summaries: DigestSummary[],
  files: Map<string, Body>,
  checker: OutputChecker,
): MonthEntry[] {
  const entries: MonthEntry[] = []
  for (const [month, list] of groupBy(summaries, monthOf)) {
    const page: MonthPage = { schemaVersion: CONTENT_SCHEMA_VERSION, month, digests: list }
    const json = JSON.stringify(page)
    const file = `months/${month}.${shortHash(json, 10)}.json`
    checker.check('month page', json, file)
    files.set(file, inline(json))
    const publishers: Record<string, number> = {}
    for (const s of list) publishers[s.publisher] = (publishers[s.publisher] ?? 0) + 1
    entries.push({
      month,
      file,
      digestCount: list.length,
      itemCount: list.reduce((n, s) => n + s.itemCount, 0),
      publishers: sortedRecord(publishers),
    })
  }
  return entries
}

function aggregatesOf(
  records: DigestRecord[],
  groups: ChunkGroup[],
  load: (r: DigestRecord) => Digest,
): Aggregates {
  const categories = new Map<string, { count: number; months: Map<string, Map<string, number>> }>()
  for (const { summary: d } of records) {
    for (const name of d.categories) {
      const entry = categories.get(name) ?? { count: 0, months: new Map() }
      categories.set(name, entry)
      entry.count++
      const month = entry.months.get(monthOf(d)) ?? new Map<string, number>()
      entry.months.set(monthOf(d), month)
      month.set(d.publisher, (month.get(d.publisher) ?? 0) + 1)
    }
  }
  const sources = new Map<string, number>()
  for (const g of groups)
    for (const [name, n] of g.sources) sources.set(name, (sources.get(name) ?? 0) + n)
  const publisherIds = [...new Set(records.map((r) => r.summary.publisher))].sort(compare)
  return {
    schemaVersion: CONTENT_SCHEMA_VERSION,
    categories: [...categories]
      .map(([name, c]) => ({
        name,
        count: c.count,
        months: Object.fromEntries(
          [...c.months].map(([month, counts]) => [month, sortedRecord(Object.fromEntries(counts))]),
        ),
      }))
      .sort((a, b) => b.count - a.count || compare(a.name, b.name)),
    terms: termCountsOf(mergeTermParts(groups.map((g) => g.terms))).slice(0, AGGREGATE_TERM_LIMIT),
    sources: toNameCounts(sources),
    recentTerms: recentTerms(records, load),
    recentTermsByPublisher: Object.fromEntries(
      publisherIds.map((id) => [
        id,
        recentTerms(
          records.filter((r) => r.summary.publisher === id),
          load,
        ),
      ]),
    ),
  }
}

/** Distinct terms of the newest items (that have any), newest first, folded by case. */
function recentTerms(records: DigestRecord[], load: (r: DigestRecord) => Digest): string[] {
  const seen = new Map<string, string>()
  for (const r of records) {
    for (const item of load(r).items) {
      for (const term of item.terms) {
        const key = term.toLowerCase()
        if (!seen.has(key)) seen.set(key, term)
        if (seen.size >= RECENT_TERMS) return [...seen.values()]
      }
    }
  }
  return [...seen.values()]
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)))
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return counts
}

/** Term counts of some items, by lower-cased term: items naming it, and each spelling's uses. */
type TermPart = [key: string, items: number, spellings: [string, number][]][]

function termPartOf(itemTerms: string[][]): TermPart {
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
  return [...groups].map(([key, g]) => [key, g.items, [...g.spellings]])
}

function mergeTermParts(parts: TermPart[]): TermPart {
  const groups = new Map<string, { items: number; spellings: Map<string, number> }>()
  for (const part of parts) {
    for (const [key, items, spellings] of part) {
      const group = groups.get(key) ?? { items: 0, spellings: new Map<string, number>() }
      groups.set(key, group)
      group.items += items
      for (const [s, n] of spellings) group.spellings.set(s, (group.spellings.get(s) ?? 0) + n)
    }
  }
  return [...groups].map(([key, g]) => [key, g.items, [...g.spellings]])
}

function termCountsOf(part: TermPart): NameCount[] {
  const capitals = (text: string) => text.replace(/[^\p{Lu}]/gu, '').length
  const counts = new Map<string, number>()
  for (const [, items, spellings] of part) {
    // The most used spelling; on a tie the capitalised one (`OpenAI` over the tag's `openai`).
    const [name] = [...spellings].sort(
      ([a, m], [b, n]) => n - m || capitals(b) - capitals(a) || compare(a, b),
    )[0]!
    counts.set(name, items)
  }
  return toNameCounts(counts)
}

/**
 * How many items name each term. Spellings that differ only in case (`OpenAI` in bold, `#openai`
 * as a tag) are one term, shown in its most used spelling, and an item counts once per term.
 */
export function termCounts(itemTerms: string[][]): NameCount[] {
  return termCountsOf(termPartOf(itemTerms))
}

function toNameCounts(counts: Map<string, number>): NameCount[] {
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || compare(a.name, b.name))
}
