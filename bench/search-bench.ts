/**
 * `npm run bench:search`: the project's search engine vs stock Fuse vs a plain `includes` scan on
 * seeded synthetic corpora (1 digest, 24k and 72k items). The project's engine runs over the sharded
 * index the compiler would write for the corpus (the real `buildSegment`, segmented by
 * `segmentKeyOf`), held in memory and read through a validating loader; it is warmed before any
 * timing, and its timings await each answer. Index bytes are the sum of its files (raw, and gzip
 * file by file as a server sends them); "load ms" is its warm-up (doc tables and vocabularies).
 * Prints Markdown tables (also written to bench/.out/search-bench.md) and exits non-zero when a
 * budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import Fuse from 'fuse.js'
import type { SearchDoc } from '../src/types/content.ts'
import {
  buildIndex,
  bytesOf,
  includesScan,
  projectEngine,
  STOCK_FUSE,
  stockFuse,
  type BenchEngine,
  type BuiltIndex,
} from './engines.ts'
import { benchQueries, isExactKind, type BenchQuery } from './queries.ts'
import { fmtBytes, fmtMs, summarize, timed, timedAsync } from './stats.ts'
import { generateCorpus } from './synthetic-corpus.ts'
import { BUDGET_MISSED_EXIT } from './support/report.ts'

const SIZES = [
  { label: '1 digest', items: 11, p95Budget: 20, fuseSample: null },
  { label: '24k', items: 24_000, p95Budget: 20, fuseSample: null },
  // Stock Fuse takes seconds per query at 72k: one query of each kind plus the labelled typos.
  { label: '72k', items: 72_000, p95Budget: 50, fuseSample: [0, 4, 7, 9, 12, 15, 17, 19, 21] },
] as const
const REPS = 5
const SPEEDUP = 20

const out: string[] = []
const log = (line = '') => {
  out.push(line)
  console.log(line)
}
const failures: string[] = []

interface Row {
  name: string
  engine: BenchEngine
  latencies: number[]
  byQuery: Map<BenchQuery, number[]>
  build: number
  indexRaw: number
  indexGzip: number | null
  load: number
  recall: number[]
  labelled: number[]
  labelledBy: Map<BenchQuery, number>
  overlap: number[]
}

for (const size of SIZES) {
  const corpus = generateCorpus(size.items)
  const queries = benchQueries(corpus)
  const docs = corpus.docs
  // The project's index as the compiler writes it: every file, each gzipped on its own.
  const index = buildIndex(docs)
  const indexBytes = bytesOf(index.files.keys(), index)
  log(`\n### ${size.label}: ${docs.length} items`)
  log(
    `project index: ${index.files.size} files, ${fmtBytes(indexBytes.raw)} raw / ` +
      `${fmtBytes(indexBytes.gzip)} gzip (sum of files), built in ${fmtMs(index.buildMs)} ms`,
  )
  const first = await firstQueryCost(index, queries)
  log(
    `first query on a fresh engine (root + warm + "${queries[0]!.query}"): ${first.first.files} files, ` +
      `${fmtBytes(first.first.raw)} raw / ${fmtBytes(first.first.gzip)} gzip; ` +
      `costliest first query ("${first.worst.query}"): ${first.worst.files} files, ` +
      `${fmtBytes(first.worst.gzip)} gzip`,
  )

  const scan = timed(() => includesScan(docs))
  const project = projectEngine(index)
  // Load: what the engine does before it can answer (parse and validate doc tables, vocabularies).
  const warm = await timedAsync(() => project.warm())
  const truth = (q: string) => new Set(scan.value.allNow(q))
  const fuseQueries = size.fuseSample ? size.fuseSample.map((i) => queries[i]!) : queries

  // The fast engines run before stock Fuse, whose garbage would otherwise land in their timings.
  const rows: Row[] = []
  const tops = new Map<BenchEngine, Map<string, string[]>>()
  for (const [engine, build, load, bytes] of [
    [project, index.buildMs, warm.ms, [indexBytes.raw, indexBytes.gzip]],
    [scan.value, scan.ms, scan.ms, [0, 0]],
  ] as const) {
    const row = emptyRow(engine, build, [bytes[0], bytes[1]], load)
    // A pass over every query first: the engine fetches (here: parses) the postings each needs once.
    for (const q of queries) await engine.top(q.query, 20)
    // Repetitions go round the whole set, so a pause of the machine does not hit one query five times.
    for (let r = 0; r < REPS; r++) {
      for (const q of queries) {
        const { ms } = await timedAsync(() => engine.top(q.query, 20))
        row.latencies.push(ms)
        row.byQuery.set(q, [...(row.byQuery.get(q) ?? []), ms])
      }
    }
    const engineTops = new Map<string, string[]>()
    for (const q of queries) {
      const top = await engine.top(q.query, 10)
      engineTops.set(q.query, top)
      score(row, q, top, new Set(await engine.all(q.query)), truth)
    }
    tops.set(engine, engineTops)
    rows.push(row)
  }

  const fuse = timed(() => stockFuse(docs))
  const json = JSON.stringify({ docs })
  const fuseIndex = fuseLoad(json, docs)
  const fuseRow = emptyRow(fuse.value, fuse.ms, [fuseIndex.raw, fuseIndex.gzip], fuseIndex.ms)
  for (const q of fuseQueries) {
    const run = await timedAsync(() => fuse.value.all(q.query))
    fuseRow.latencies.push(run.ms)
    fuseRow.byQuery.set(q, [run.ms])
    score(fuseRow, q, run.value, new Set(run.value), truth)
    if (isExactKind(q)) continue
    for (const row of rows) {
      const top = tops.get(row.engine)!.get(q.query)!
      row.overlap.push(overlap(top, run.value.slice(0, 10)))
    }
  }
  rows.splice(1, 0, fuseRow)
  printTable(rows)
  printKinds(size.label, queries, rows[0]!)
  checkBudgets(size, rows, fuseQueries)
}

/**
 * What a reader's first query costs in index bytes: a fresh engine reads the root, warms (doc
 * tables and vocabularies, as the search page asks on mount), then answers one query. Measured for
 * the set's first query and, each on its own fresh engine, for the costliest one of the set.
 */
async function firstQueryCost(index: BuiltIndex, queries: BenchQuery[]) {
  const costOf = async (query: string) => {
    const engine = projectEngine(index)
    await engine.warm()
    await engine.top(query, 20)
    const files = engine.fetched()
    return { query, files: files.length, ...bytesOf(files, index) }
  }
  const first = await costOf(queries[0]!.query)
  let worst = first
  for (const q of queries.slice(1)) {
    const cost = await costOf(q.query)
    if (cost.gzip > worst.gzip) worst = cost
  }
  return { first, worst }
}

function emptyRow(
  engine: BenchEngine,
  build: number,
  [indexRaw, indexGzip]: [number, number | null],
  load: number,
): Row {
  return {
    name: engine.name,
    engine,
    latencies: [],
    byQuery: new Map(),
    build,
    indexRaw,
    indexGzip,
    load,
    recall: [],
    labelled: [],
    labelledBy: new Map(),
    overlap: [],
  }
}

/** Exact queries: recall against exact substrings. Typo queries: relevant items in the top 10. */
function score(
  row: Row,
  q: BenchQuery,
  ranked: string[],
  all: Set<string>,
  truth: (q: string) => Set<string>,
) {
  if (isExactKind(q)) {
    const expected = truth(q.query)
    const found = [...expected].filter((id) => all.has(id)).length
    row.recall.push(expected.size ? found / expected.size : 1)
  } else {
    const relevant = truth(q.intended!)
    const top = ranked.slice(0, 10)
    const hit = top.filter((id) => relevant.has(id)).length / Math.min(10, relevant.size)
    row.labelled.push(hit)
    row.labelledBy.set(q, hit)
  }
}

function overlap(a: string[], b: string[]): number {
  const other = new Set(b)
  return b.length ? a.filter((id) => other.has(id)).length / Math.min(10, b.length) : 1
}

/** Stock Fuse's load: parse the data and a prebuilt `Fuse.createIndex` JSON, then construct. */
function fuseLoad(json: string, docs: SearchDoc[]) {
  const items = docs.map((d) => ({ id: d.id, title: d.title, summary: d.text }))
  const indexJson = JSON.stringify(Fuse.createIndex(STOCK_FUSE.keys, items).toJSON())
  const load = timed(() => {
    const parsed = JSON.parse(json).docs as SearchDoc[]
    const index = Fuse.parseIndex(JSON.parse(indexJson))
    return new Fuse(
      parsed.map((d) => ({ id: d.id, title: d.title, summary: d.text })),
      STOCK_FUSE,
      index,
    )
  })
  return { ms: load.ms, raw: bytes(indexJson), gzip: gzipSync(indexJson).length }
}

function bytes(text: string): number {
  return Buffer.byteLength(text)
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN
}
function pct(x: number): string {
  return Number.isNaN(x) ? '—' : `${(x * 100).toFixed(0)}%`
}

function printTable(rows: Row[]) {
  log()
  log(
    '| engine | queries | median ms | p95 ms | build ms | index raw | index gzip | load ms | exact recall min (mean) | labelled typo top-10 | top-10 overlap with Fuse |',
  )
  log('|---|---|---|---|---|---|---|---|---|---|---|')
  for (const row of rows) {
    const { median, p95 } = summarize(row.latencies)
    const [raw, gzip] = [row.indexRaw, row.indexGzip]
    log(
      `| ${row.name} | ${row.latencies.length} | ${fmtMs(median)} | ${fmtMs(p95)} | ${fmtMs(row.build)} | ` +
        `${raw ? fmtBytes(raw) : '—'} | ${gzip ? fmtBytes(gzip) : '—'} | ` +
        `${fmtMs(row.load)} | ${pct(Math.min(...row.recall))} (mean ${pct(mean(row.recall))}) | ${pct(mean(row.labelled))} | ${pct(mean(row.overlap))} |`,
    )
  }
}

function printKinds(label: string, queries: BenchQuery[], project: Row) {
  const kinds = [...new Set(queries.map((q) => q.kind))]
  const cells = kinds.map((kind) => {
    const samples = queries.flatMap((q) => (q.kind === kind ? project.byQuery.get(q)! : []))
    return `${kind} ${fmtMs(summarize(samples).p95)}`
  })
  log(`\nproject p95 by kind at ${label} (ms): ${cells.join(' · ')}`)
}

function checkBudgets(
  size: (typeof SIZES)[number],
  [project, fuse]: Row[],
  fuseQueries: BenchQuery[],
) {
  const { p95 } = summarize(project.latencies)
  if (p95 > size.p95Budget)
    failures.push(`${size.label}: p95 ${fmtMs(p95)} ms > ${size.p95Budget} ms`)
  if (Math.min(...project.recall) < 1) failures.push(`${size.label}: exact recall below 100%`)
  // Speed-up on the same queries stock Fuse ran.
  const same = fuseQueries.flatMap((q) => project.byQuery.get(q)!)
  const ratio = summarize(fuse.latencies).median / summarize(same).median
  log(`speed-up over stock Fuse (median, same queries): ${ratio.toFixed(0)}×`)
  if (size.items >= 24_000 && ratio < SPEEDUP)
    failures.push(`${size.label}: only ${ratio.toFixed(1)}× faster than stock Fuse`)
  for (const q of fuseQueries.filter((x) => !isExactKind(x))) {
    if (project.labelledBy.get(q)! < fuse.labelledBy.get(q)!)
      failures.push(`${size.label}: "${q.query}" top-10 worse than stock Fuse`)
  }
}

log()
if (failures.length) {
  log(`BUDGETS MISSED:\n- ${failures.join('\n- ')}`)
} else log('All budgets met.')
mkdirSync('bench/.out', { recursive: true })
writeFileSync('bench/.out/search-bench.md', out.join('\n') + '\n')
process.exit(failures.length ? BUDGET_MISSED_EXIT : 0)
