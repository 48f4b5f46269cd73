/**
 * `npm run bench:search`: the project's search engine vs stock Fuse vs a plain `includes` scan on
 * seeded synthetic corpora (1 digest, 24k and 72k items). Prints Markdown tables (also written to
 * bench/.out/search-bench.md) and exits non-zero when a budget is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import Fuse from 'fuse.js'
import type { SearchDoc } from '../src/types/content.ts'
import { includesScan, projectEngine, STOCK_FUSE, stockFuse, type BenchEngine } from './engines.ts'
import { benchQueries, isExactKind, type BenchQuery } from './queries.ts'
import { fmtBytes, fmtMs, summarize, timed } from './stats.ts'
import { generateCorpus } from './synthetic-corpus.ts'

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
  const json = JSON.stringify({ schemaVersion: 1, contentHash: 'bench', docs: corpus.docs })
  const parse = timed(() => JSON.parse(json).docs as SearchDoc[])
  const docs = parse.value
  log(`\n### ${size.label}: ${docs.length} items`)
  log(
    `search data ${fmtBytes(bytes(json))} raw / ${fmtBytes(gzipSync(json).length)} gzip,` +
      ` JSON.parse ${fmtMs(parse.ms)} ms`,
  )

  const scan = timed(() => includesScan(docs))
  const project = timed(() => projectEngine(docs))
  const truth = (q: string) => new Set(scan.value.all(q))
  const fuseQueries = size.fuseSample ? size.fuseSample.map((i) => queries[i]) : queries

  // The fast engines run before stock Fuse, whose garbage would otherwise land in their timings.
  const rows: Row[] = []
  const tops = new Map<BenchEngine, Map<string, string[]>>()
  for (const [engine, build] of [
    [project.value, project.ms],
    [scan.value, scan.ms],
  ] as const) {
    const indexBytes: [number, number | null] =
      engine === project.value ? [engine.indexBytes, null] : [0, 0]
    const row = emptyRow(engine, build, indexBytes, parse.ms + build)
    for (const q of queries) engine.top(q.query, 20)
    // Repetitions go round the whole set, so a pause of the machine does not hit one query five times.
    for (let r = 0; r < REPS; r++) {
      for (const q of queries) {
        const ms = timed(() => engine.top(q.query, 20)).ms
        row.latencies.push(ms)
        row.byQuery.set(q, [...(row.byQuery.get(q) ?? []), ms])
      }
    }
    const engineTops = new Map<string, string[]>()
    for (const q of queries) {
      const top = engine.top(q.query, 10)
      engineTops.set(q.query, top)
      score(row, q, top, new Set(engine.all(q.query)), truth)
    }
    tops.set(engine, engineTops)
    rows.push(row)
  }

  const fuse = timed(() => stockFuse(docs))
  const fuseIndex = fuseLoad(json, docs)
  const fuseRow = emptyRow(fuse.value, fuse.ms, [fuseIndex.raw, fuseIndex.gzip], fuseIndex.ms)
  for (const q of fuseQueries) {
    const run = timed(() => fuse.value.all(q.query))
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
  printKinds(size.label, queries, rows[0])
  checkBudgets(size, rows, fuseQueries)
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
        `${raw ? fmtBytes(raw) + (row.name === 'project' ? ' (memory)' : '') : '—'} | ${gzip ? fmtBytes(gzip) : '—'} | ` +
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
process.exit(failures.length ? 1 : 0)
