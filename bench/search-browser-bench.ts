/**
 * `npm run bench:search:browser`: 24k synthetic items through the real worker in headless
 * Chromium. Serves the bench build (dist-bench), swaps the search data for the synthetic corpus
 * with `page.route`, and reads the app's `digest-search` User Timing entries (main thread →
 * worker → main thread round trips).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { launchBrowser } from '../e2e/support/browser.ts'
import { startPreview } from '../e2e/support/server.ts'
import { benchQueries } from './queries.ts'
import { fmtBytes, fmtMs, summarize } from './stats.ts'
import { generateCorpus } from './synthetic-corpus.ts'

const ITEMS = 24_000
const corpus = generateCorpus(ITEMS)
const body = JSON.stringify({ schemaVersion: 1, contentHash: 'bench', docs: corpus.docs })
const queries = benchQueries(corpus)

const server = await startPreview(process.env.BENCH_DIST || 'dist-bench')
const browser = await launchBrowser()
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.route('**/data/search.*.json', (route) =>
    route.fulfill({ body, contentType: 'application/json' }),
  )
  const box = page.getByRole('searchbox', { name: '搜索', exact: true })
  const measures = () =>
    page.evaluate(() =>
      performance.getEntriesByName('digest-search').map((e) => {
        const detail = (e as PerformanceMeasure).detail
        return {
          ms: e.duration,
          worker: detail.ms as number,
          setup: detail.setup,
          query: detail.query as string,
        }
      }),
    )

  // First use: download, validate and index the data, then answer.
  const start = Date.now()
  await page.goto(`${server.url}/search?q=${encodeURIComponent(queries[0].query)}`)
  await page.getByText(/共 \d+ 条结果/).waitFor({ timeout: 120_000 })
  const firstSearch = Date.now() - start

  const setup = (await measures())[0].setup as { loadMs: number; buildMs: number }
  const unanswered: string[] = []
  const pasteAll = async (list: typeof queries) => {
    const before = (await measures()).length
    for (const q of list) {
      const count = (await measures()).length
      await box.fill(q.query)
      // A query the page already answered (TanStack Query's cache) sends nothing to the worker:
      // no measure comes, so it is skipped rather than awaited forever.
      await page
        .waitForFunction((n) => performance.getEntriesByName('digest-search').length > n, count, {
          timeout: 10_000,
        })
        .catch(() => unanswered.push(q.query))
    }
    return (await measures()).slice(before)
  }
  // One search per query, pasted: first cold (each query's first run in this worker), then again
  // under a date filter that keeps every item (a new query key, so the cache does not answer).
  const cold = await pasteAll(queries.slice(1))
  await box.fill('')
  await page.getByLabel('截止日期').fill('2099-12-31')
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2099-12-31')
  await page.waitForTimeout(300)
  const warm = await pasteAll(queries)
  // Then each query typed key by key, as people do, under another all-keeping filter so the cache
  // does not answer; the box searches once typing pauses, so this measures what typing sends.
  await box.fill('')
  await page.getByLabel('起始日期').fill('2000-01-01')
  await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2000-01-01')
  const before = (await measures()).length
  for (const q of queries) {
    await box.fill('')
    await box.pressSequentially(q.query, { delay: 30 })
    // The box updates the URL (and so searches) once typing pauses for 150 ms.
    await page.waitForTimeout(600)
  }
  const typed = (await measures()).slice(before)

  const lines = [
    `Browser (headless Chromium, real worker), ${ITEMS} items, search data ${fmtBytes(Buffer.byteLength(body))}:`,
    '',
    '| measure | samples | median ms | p95 ms |',
    '|---|---|---|---|',
    `| first search: page load to results | 1 | ${firstSearch} | — |`,
    `| … fetch + validate in the worker | 1 | ${fmtMs(setup.loadMs)} | — |`,
    `| … index build in the worker | 1 | ${fmtMs(setup.buildMs)} | — |`,
    row(
      'in the worker, each query cold',
      cold.map((m) => m.worker),
    ),
    row(
      'in the worker, each query warm',
      warm.map((m) => m.worker),
    ),
    row(
      'round trip (main → worker → main), warm',
      warm.map((m) => m.ms),
    ),
    row(
      'round trip while typing (searches the box sent)',
      typed.map((m) => m.ms),
    ),
  ]
  if (unanswered.length) {
    lines.push(
      '',
      `no worker round trip measured for: ${unanswered.map((q) => `“${q}”`).join(', ')}`,
    )
  }
  console.log(lines.join('\n'))
  if (process.env.BENCH_VERBOSE) {
    queries.forEach((q, i) =>
      console.log(q.query, fmtMs(cold[i - 1]?.worker ?? NaN), fmtMs(warm[i].worker)),
    )
    const slowest = [...typed].sort((a, b) => b.ms - a.ms).slice(0, 10)
    console.log('slowest typed prefixes (round trip / in the worker, ms):')
    for (const m of slowest) console.log(`  ${m.query}: ${fmtMs(m.ms)} / ${fmtMs(m.worker)}`)
  }
  mkdirSync('bench/.out', { recursive: true })
  writeFileSync('bench/.out/search-browser-bench.md', lines.join('\n') + '\n')
} finally {
  await browser.close()
  await server.stop()
}

function row(label: string, samples: number[]): string {
  if (samples.length === 0) return `| ${label} | 0 | — | — |`
  const { median, p95 } = summarize(samples)
  return `| ${label} | ${samples.length} | ${fmtMs(median)} | ${fmtMs(p95)} |`
}
