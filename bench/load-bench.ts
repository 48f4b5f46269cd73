/**
 * `npm run bench:load`: what the archive's size costs a reader and a publisher, at 1 digest (the
 * bundled seed), a synthetic year, three synthetic years and the real corpora:
 * - compile: cold, and after one new digest (the incremental cache), in this process;
 * - `vite build`: time and output;
 * - in headless Chromium against the deploy's own nginx config (deploy/nginx/, brotli and gzip as a
 *   browser receives them): first-screen transfer, first digest visible (median of 5 cold loads),
 *   long tasks while scrolling the timeline through 1,000 items, opening a digest two years back
 *   (median of 5 cold clicks, from the click to the heading's paint as the page notes them),
 *   and the JS heap of the page and the search worker after the timeline and 20 searches.
 * Every figure is printed beside the 1-digest build measured in the same run; a missed budget
 * exits non-zero.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { compileDir } from '../pipeline/compile-dir.ts'
import type { Head, MonthPage } from '../src/types/content.ts'
import type { TopicsIndex } from '../src/types/topics.ts'
import { shardOf, topicKey } from '../src/lib/topics/topic-key.ts'
import { CHROMIUM_ARGS } from '../e2e/support/browser.ts'
import { startNginx } from '../e2e/support/nginx.ts'
import { benchQueries } from './queries.ts'
import { generateCorpus } from './synthetic-corpus.ts'
import { DIGESTS_PER_YEAR, ITEMS_PER_DIGEST } from './synthetic-archive.ts'
import { summarize } from './stats.ts'
import { availableSizes, buildOf, folderSize, type Build, type SizeName } from './support/builds.ts'
import { kb, mb, ms, Report, s } from './support/report.ts'
import {
  headingPaintedAfterClick,
  heapOf,
  newBenchContext,
  newTimedTracker,
  newTracker,
} from './support/browser-measures.ts'

const BUDGET = {
  firstScreenBytes: 150 * 1024,
  firstScreenRatio: 1.1,
  firstDigestMs: 1000,
  firstDigestRatio: 1.2,
  longTaskMs: 50,
  oldDigestMs: 300,
  coldCompile: { '1 year': 8000, '3 years': 25_000 } as Partial<Record<SizeName, number>>,
  warmCompile3y: 1000,
}
const LOADS = 5
const SCROLL_ITEMS = 1000

interface Figures {
  coldCompileMs?: number
  warmCompileMs?: number
  buildMs?: number
  output?: { files: number; bytes: number }
  firstScreen: { bytes: number; requests: number; js: number; css: number; data: number }
  firstDigest: { median: number; p95: number }
  scroll: { items: number; longest: number; over: number }
  oldDigest?: { click: number; p95: number; label: string }
  heap: { page: number; worker: number }
  topicPage?: { name: string; ms: number; bytes: number; data: string[]; extra: string[] }
}

const report = new Report('load-bench')
const sizes = availableSizes()
const figures = new Map<SizeName, Figures>()
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
})
try {
  for (const size of sizes) {
    console.log(`\n== ${size}`)
    const compile = size === '1 year' || size === '3 years' ? await measureCompile(size) : {}
    const build = await buildOf(size)
    const server = await startNginx(build.dist)
    try {
      figures.set(size, {
        ...compile,
        buildMs: build.buildMs,
        output: folderSize(build.dist),
        firstScreen: await firstScreen(browser, server.url),
        firstDigest: await firstDigest(browser, server.url),
        scroll: await scrollTimeline(browser, server.url),
        oldDigest: await openOldDigest(browser, server.url, build),
        heap: await heapAfterUse(browser, server.url),
        topicPage: await openTopicPage(browser, server.url, build),
      })
    } finally {
      await server.stop()
    }
  }
} finally {
  await browser.close()
}
printReport()
report.finish()

/** Compile times: cold (empty cache), then after one new digest with the cache of the cold run. */
async function measureCompile(size: SizeName) {
  const { contentRoot } = await buildOf(size, { cache: true })
  const cache = join('.bench-cache', `compile-cache-${size.replace(/\s+/g, '-')}`)
  rmSync(cache, { recursive: true, force: true })
  const cold = await compileDir(contentRoot, { cache })
  if (!cold.ok) throw new Error(`${size} did not compile`)
  // One more digest, four hours after the newest: what a publisher's next build compiles.
  const newest = cold.content.head.newest[0]!
  const file = join(contentRoot, 'ai-4h', 'bench-new-digest.md')
  const next = new Date(newest.time + 4 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 13)
  writeFileSync(
    file,
    `---\ntitle: "新一期"\ndate: ${next}:05:00+08:00\ncategories: ["AI 发展"]\n---\n\n` +
      `1.  [A new digest](https://x.com/bench/status/1)\n\n    **新的** 一条。\n`,
  )
  try {
    const warm = await compileDir(contentRoot, { cache })
    if (!warm.ok) throw new Error(`${size} did not compile with the new digest`)
    console.log(`compile: cold ${s(cold.ms)}, after one new digest ${s(warm.ms)}`)
    return { coldCompileMs: cold.ms, warmCompileMs: warm.ms }
  } finally {
    rmSync(file)
    rmSync(cache, { recursive: true, force: true })
  }
}

/**
 * What a first visit to `/` transfers for its first digest: every request sent before the first
 * item card was painted, in full. (What the page asks for once it has painted, such as the rows
 * below the fold, is not the first screen's.)
 */
async function firstScreen(browser: Browser, url: string) {
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    const tracker = newTimedTracker(page)
    await page.goto(url)
    const paintedAt =
      (await page.evaluate(() => performance.timeOrigin)) + (await firstItemPainted(page))
    // Requests sent before the paint may still be on their way.
    await page.waitForLoadState('networkidle')
    const requests = (await tracker.settled()).filter((r) => r.sentAt <= paintedAt)
    const sum = (test: (u: string) => boolean) =>
      requests.filter((r) => test(r.url)).reduce((n, r) => n + r.bytes, 0)
    const result = {
      bytes: sum(() => true),
      requests: requests.length,
      js: sum((u) => u.endsWith('.js')),
      css: sum((u) => u.endsWith('.css')),
      data: sum((u) => u.includes('/data/')),
    }
    console.log(`first screen: ${kb(result.bytes)} in ${result.requests} requests`)
    return result
  } finally {
    await context.close()
  }
}

/** When the first item card was painted (the page's performance.now(); see FIRST_ITEM_PAINT_SCRIPT). */
async function firstItemPainted(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as { __firstItemPainted?: number }).__firstItemPainted,
  )
  return (await handle.jsonValue()) as number
}

/** Navigation start → first item card visible, over cold loads (a fresh cache each). */
async function firstDigest(browser: Browser, url: string) {
  const samples: number[] = []
  for (let i = 0; i < LOADS; i++) {
    const context = await newBenchContext(browser)
    try {
      const page = await context.newPage()
      await page.goto(url, { waitUntil: 'commit' })
      samples.push(await firstItemPainted(page))
    } finally {
      await context.close()
    }
  }
  const result = summarize(samples)
  console.log(`first digest visible: median ${ms(result.median)}`)
  return result
}

/** Scrolls the timeline through SCROLL_ITEMS items, collecting long tasks on the way. */
async function scrollTimeline(browser: Browser, url: string) {
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(url)
    await firstItemPainted(page)
    // A string, not a function: tsx's helpers (`__name`) do not exist in the page.
    const result = (await page.evaluate(`(async (target) => {
      const tasks = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration)
      }).observe({ type: 'longtask' })
      const seen = new Set()
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
      const deadline = performance.now() + 120000
      let stuck = 0
      while (seen.size < target && performance.now() < deadline) {
        const before = window.scrollY
        window.scrollBy(0, 500)
        await frame()
        await frame()
        for (const card of document.querySelectorAll('article[data-item-id]')) {
          if (card.querySelector('h4')) seen.add(card.getAttribute('data-item-id'))
        }
        // At the end of the archive, or waiting for a month to arrive: let it load.
        if (window.scrollY === before) {
          if (++stuck > 200) break
          await new Promise((resolve) => setTimeout(resolve, 20))
        } else stuck = 0
      }
      await frame()
      return { items: seen.size, tasks }
    })(${SCROLL_ITEMS})`)) as { items: number; tasks: number[] }
    const longest = Math.max(0, ...result.tasks)
    const over = result.tasks.filter((t) => t > BUDGET.longTaskMs).length
    console.log(`scroll: ${result.items} items, longest task ${ms(longest)}, ${over} over 50 ms`)
    return { items: result.items, longest, over }
  } finally {
    await context.close()
  }
}

/**
 * Opens a digest about two years back (or the oldest one) from a search result, the way a reader
 * reaches it: click to its page on screen. The time runs from the click to the digest's heading.
 */
async function openOldDigest(browser: Browser, url: string, build: Build) {
  const head = readJson<Head>(
    build.dist,
    readFileSync(join(build.dist, 'index.html'), 'utf8').match(/data-digest-head="([^"]+)"/)![1]!,
  )
  const back = Math.min(head.months.length - 1, 24)
  const month = readJson<MonthPage>(build.dist, `data/${head.months[back]!.file}`)
  // Up to LOADS digests spread over that month, each opened from a cold context: its month page
  // and chunk are not in the cache of an earlier sample.
  const count = Math.min(LOADS, month.digests.length)
  const targets = Array.from(
    { length: count },
    (_, i) => month.digests[Math.floor(((i + 0.5) * month.digests.length) / count)]!,
  )
  const samples: number[] = []
  for (const target of targets) {
    const chunk = readJson<{ digests: { id: string; items: { title: string }[] }[] }>(
      build.dist,
      `data/${target.chunk}`,
    )
    const item = chunk.digests.find((d) => d.id === target.id)!.items[0]!
    const context = await newBenchContext(browser)
    try {
      const page = await context.newPage()
      // An item's own title: the search finds it and its result links to its digest.
      await page.goto(`${url}/search?q=${encodeURIComponent(item.title)}`)
      const link = page.locator(`a[href^="/digests/${encodeURIComponent(target.id)}"]`).first()
      await link.waitFor()
      samples.push(await headingPaintedAfterClick(page, target.title, () => link.click()))
    } finally {
      await context.close()
    }
  }
  const { median, p95 } = summarize(samples)
  const label = `${head.months[back]!.month} (${back} months back)`
  console.log(`old digest ${label}: median ${ms(median)}, p95 ${ms(p95)} after the click`)
  return { click: median, p95, label }
}

/**
 * A cold visit to the page of the archive's most recent topic: it may fetch the head, the topics
 * index and that topic's shard, nothing else (no other shard, no page of older items, no chunk).
 */
async function openTopicPage(browser: Browser, url: string, build: Build) {
  const headFile = readFileSync(join(build.dist, 'index.html'), 'utf8').match(
    /data-digest-head="([^"]+)"/,
  )![1]!
  const head = readJson<Head>(build.dist, headFile)
  if (!head.topics) return undefined
  const index = readJson<TopicsIndex>(build.dist, `data/${head.topics}`)
  const name = index.topics[0]![0]
  const shard = index.topicShards[shardOf(topicKey(name), index.topicShards.length)]!
  const allowed = new Set([headFile, `data/${head.topics}`, `data/${shard}`])
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    const tracker = newTracker(page)
    const start = Date.now()
    await page.goto(`${url}/topics/${encodeURIComponent(name)}`)
    await page.getByRole('heading', { level: 1, name }).waitFor()
    // The page's items are on screen: its data has arrived.
    await page.locator('main a[href^="/items/"]').first().waitFor()
    const took = Date.now() - start
    const data = (await tracker.settled()).filter((r) => r.url.includes('/data/'))
    const files = data.map((r) => new URL(r.url).pathname.slice(1))
    const result = {
      name,
      ms: took,
      bytes: data.reduce((n, r) => n + r.bytes, 0),
      data: files,
      extra: files.filter((f) => !allowed.has(f)),
    }
    console.log(
      `topic page ${name}: ${ms(took)}, ${kb(result.bytes)} of data in ${files.length} files`,
    )
    return result
  } finally {
    await context.close()
  }
}

/** JS heap of the page and of the search worker after the timeline and 20 searches. */
async function heapAfterUse(browser: Browser, url: string) {
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(url)
    await firstItemPainted(page)
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, 3000)
      await page.waitForTimeout(30)
    }
    await page.getByRole('searchbox', { name: '搜索', exact: true }).click()
    const queries = benchQueries(generateCorpus(DIGESTS_PER_YEAR * ITEMS_PER_DIGEST)).slice(0, 20)
    const box = page.getByRole('searchbox', { name: '搜索', exact: true })
    for (const q of queries) {
      const before = await page.evaluate(() => performance.getEntriesByName('digest-search').length)
      await box.fill(q.query)
      await page.waitForFunction(
        (n) => performance.getEntriesByName('digest-search').length > n,
        before,
        { timeout: 30_000 },
      )
    }
    const heap = await heapOf(browser, page)
    console.log(`heap: page ${mb(heap.page)}, worker ${mb(heap.worker)}`)
    return heap
  } finally {
    await context.close()
  }
}

function readJson<T>(dist: string, path: string): T {
  return JSON.parse(readFileSync(join(dist, path), 'utf8')) as T
}

function printReport() {
  const columns = sizes as string[]
  const base = figures.get('1 digest')!
  const v = (f: (x: Figures) => string | undefined) =>
    Object.fromEntries(sizes.map((size) => [size, f(figures.get(size)!) ?? '—']))
  report.log('\n## bench:load\n')
  report.log(
    'Headless Chromium against deploy/nginx (brotli/gzip as sent); sizes as in bench/support/builds.ts.\n',
  )
  const screenOk = sizes.every((size) => {
    const bytes = figures.get(size)!.firstScreen.bytes
    const ok =
      bytes <= BUDGET.firstScreenBytes && bytes <= BUDGET.firstScreenRatio * base.firstScreen.bytes
    return report.check(
      `first screen at ${size}`,
      ok,
      `${kb(bytes)} (1 digest: ${kb(base.firstScreen.bytes)})`,
    )
  })
  const three = figures.get('3 years')
  const digestOk =
    !three ||
    report.check(
      'first digest visible at 3 years',
      three.firstDigest.median <= BUDGET.firstDigestMs &&
        three.firstDigest.median <= BUDGET.firstDigestRatio * base.firstDigest.median,
      `${ms(three.firstDigest.median)} (1 digest: ${ms(base.firstDigest.median)})`,
    )
  const scrollOk = sizes.every((size) => {
    const f = figures.get(size)!
    const enough = size === '1 digest' || f.scroll.items >= SCROLL_ITEMS
    return report.check(
      `scrolling the timeline at ${size}`,
      enough && f.scroll.over === 0,
      `${f.scroll.items} items, ${f.scroll.over} tasks over ${BUDGET.longTaskMs} ms (longest ${ms(f.scroll.longest)})`,
    )
  })
  const oldOk =
    !three?.oldDigest ||
    report.check(
      'opening a digest two years back at 3 years',
      three.oldDigest.click <= BUDGET.oldDigestMs,
      ms(three.oldDigest.click),
    )
  const compileOk = (['1 year', '3 years'] as const).every((size) => {
    const f = figures.get(size)
    if (!f?.coldCompileMs) return true
    return report.check(
      `cold compile at ${size}`,
      f.coldCompileMs <= BUDGET.coldCompile[size]!,
      s(f.coldCompileMs),
    )
  })
  const warmOk =
    !three?.warmCompileMs ||
    report.check(
      'compile after one new digest at 3 years',
      three.warmCompileMs <= BUDGET.warmCompile3y,
      s(three.warmCompileMs),
    )
  const topicOk = sizes.every((size) => {
    const topic = figures.get(size)!.topicPage
    if (!topic) return true
    return report.check(
      `topic page at ${size} fetches only that topic's data`,
      topic.extra.length === 0,
      topic.extra.length ? `also fetched ${topic.extra.join(', ')}` : `${topic.data.length} files`,
    )
  })
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`
  report.table(columns, [
    {
      measure: 'compile, cold',
      values: v((f) => (f.coldCompileMs === undefined ? undefined : s(f.coldCompileMs))),
      budget: '8 s (1 year), 25 s (3 years)',
      ok: compileOk,
    },
    {
      measure: 'compile after one new digest',
      values: v((f) => (f.warmCompileMs === undefined ? undefined : s(f.warmCompileMs))),
      budget: '1 s at 3 years',
      ok: warmOk,
    },
    {
      measure: '`vite build` (compile cache cold on first build)',
      values: v((f) => (f.buildMs === undefined ? 'cached' : s(f.buildMs))),
    },
    {
      measure: 'build output',
      values: v((f) => f.output && `${f.output.files} files, ${mb(f.output.bytes)}`),
    },
    {
      measure: 'first screen transfer',
      values: v(
        (f) => `${kb(f.firstScreen.bytes)} (${ratio(f.firstScreen.bytes, base.firstScreen.bytes)})`,
      ),
      budget: '150 KB and 1.1× 1 digest',
      ok: screenOk,
    },
    {
      measure: '… JS / CSS / data',
      values: v(
        (f) => `${kb(f.firstScreen.js)} / ${kb(f.firstScreen.css)} / ${kb(f.firstScreen.data)}`,
      ),
    },
    {
      measure: 'first digest visible (median of 5)',
      values: v(
        (f) =>
          `${ms(f.firstDigest.median)} (${ratio(f.firstDigest.median, base.firstDigest.median)})`,
      ),
      budget: '1.0 s and 1.2× 1 digest at 3 years',
      ok: digestOk,
    },
    {
      measure: 'timeline scroll: items, longest task',
      values: v((f) => `${f.scroll.items}, ${ms(f.scroll.longest)}`),
      budget: '1,000 items, no task over 50 ms',
      ok: scrollOk,
    },
    {
      measure: 'open an old digest (click → heading painted, 5 cold)',
      values: v(
        (f) =>
          f.oldDigest &&
          `median ${ms(f.oldDigest.click)}, p95 ${ms(f.oldDigest.p95)} (${f.oldDigest.label})`,
      ),
      budget: '300 ms two years back',
      ok: oldOk,
    },
    {
      measure: 'JS heap after timeline + 20 searches: page / worker',
      values: v((f) => `${mb(f.heap.page)} / ${mb(f.heap.worker)}`),
    },
    {
      measure: 'topic page (cold): load → items, data transfer, files',
      values: v(
        (f) =>
          f.topicPage &&
          `${ms(f.topicPage.ms)}, ${kb(f.topicPage.bytes)}, ${f.topicPage.data.length} files`,
      ),
      budget: "only the head, the topics index and the topic's shard",
      ok: topicOk,
    },
  ])
}
