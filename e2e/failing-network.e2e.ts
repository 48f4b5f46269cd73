import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page, Route } from 'playwright-core'
import { launchBrowser, type Watched } from './support/browser'
import { openContext } from './support/context'
import { buildApp, startPreview, type PreviewServer } from './support/server'

/**
 * The reader when the network fails: the head, an old month's chunk or a search shard blocked
 * (aborted) or slowed, against a build of the seed plus seven digests, so that the timeline has
 * rows beyond the head's newest six (December's chunk) and a month of its own (November).
 */
const SEED = 'ai-4h/2025/12/2025-12-22-04.md'
const OUT = 'dist-network-e2e'
const OLD = '2025-11-30-20'
const OLD_TITLE = '11月30日20时摘要'

let dir: string
let server: PreviewServer
let browser: Browser
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'network-'))
  cpSync('content/digests', dir, { recursive: true })
  const seed = readFileSync(join(dir, SEED), 'utf8')
  const variant = (path: string, date: string, title: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(
      join(dir, path),
      seed.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*$/m, `title: "${title}"`),
    )
  }
  for (const hour of ['00', '04', '08', '12', '16', '20']) {
    variant(
      `ai-4h/2025/12/2025-12-21-${hour}.md`,
      `2025-12-21T${hour}:05:00+08:00`,
      `21日${hour}时`,
    )
  }
  variant(`ai-4h/2025/11/${OLD}.md`, '2025-11-30T20:05:00+08:00', OLD_TITLE)
  await buildApp({ outDir: OUT, digestsDir: dir })
  server = await startPreview(OUT)
  browser = await launchBrowser()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
  rmSync(OUT, { recursive: true, force: true })
})

/** Files of the build, as the page requests them. */
const HEAD = '**/data/head.*.json'
const NOVEMBER_CHUNK = '**/data/chunks/2025-11*.json'
const POSTINGS = '**/data/search/**/p*.json'

/** Blocks requests matching `pattern` until the returned function is called; counts them. */
async function block(page: Page, pattern: string) {
  const blocked: string[] = []
  const abort = (route: Route) => {
    blocked.push(route.request().url())
    return route.abort('failed')
  }
  await page.context().route(pattern, abort)
  return {
    blocked,
    unblock: () => page.context().unroute(pattern, abort),
  }
}

/** Errors of the context other than the console's note on each request this test aborted. */
const unexpected = (ctx: Watched) =>
  ctx.errors.filter((e) => !/Failed to load resource: net::ERR_FAILED/.test(e))

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name })

test('the head fails: an error page with a retry that brings the timeline', async () => {
  const ctx = await openContext(browser)
  const page = await ctx.newPage()
  const head = await block(page, HEAD)
  await page.goto(server.url + '/')
  const alert = page.getByRole('alert')
  await alert.getByRole('heading', { name: '内容加载失败' }).waitFor()
  expect(head.blocked.length).toBeGreaterThan(0)
  // Still failing: retry shows the error again, nothing half-rendered. The retry asks twice (the
  // query's own single retry comes a second after the first attempt): wait for both, or the second
  // could go out after the unblock below and bring the timeline before the test clicks.
  const beforeRetry = head.blocked.length
  await alert.getByRole('button', { name: '重试', exact: true }).click()
  await expect.poll(() => head.blocked.length).toBe(beforeRetry + 2)
  await alert.getByRole('button', { name: '重试', exact: true }).waitFor()
  expect(await heading(page, '时间线').count()).toBe(0)

  await head.unblock()
  await alert.getByRole('button', { name: '重试', exact: true }).click()
  await heading(page, '时间线').waitFor()
  await page.getByRole('link', { name: '12月22日 04:00' }).waitFor()
  expect(await page.getByRole('alert').count()).toBe(0)
  expect(unexpected(ctx)).toEqual([])
})

test('an old chunk fails while scrolling: that digest says so and retries; the rest works', async () => {
  const ctx = await openContext(browser, { height: 700 })
  const page = await ctx.newPage()
  const chunk = await block(page, NOVEMBER_CHUNK)
  await page.goto(server.url + '/')
  await heading(page, '时间线').waitFor()
  const old = page.locator(`section[aria-labelledby="digest-${OLD}"]`)
  await expect
    .poll(async () => {
      await page.keyboard.press('End')
      return old.getByRole('alert').count()
    })
    .toBe(1)
  await old.getByText('内容加载失败。').waitFor()
  // Only that digest: the one above it, from December's chunk, shows its items.
  const neighbour = page.locator('section[aria-labelledby="digest-2025-12-21-04"]')
  await expect.poll(() => neighbour.locator('[data-item-id]').count()).toBeGreaterThan(0)
  expect(await old.locator('[data-item-id]').count()).toBe(0)
  expect(chunk.blocked.length).toBeGreaterThan(0)

  await chunk.unblock()
  await old.getByRole('button', { name: '重试', exact: true }).click()
  await expect.poll(() => old.locator('[data-item-id]').count()).toBeGreaterThan(0)
  expect(await old.getByRole('alert').count()).toBe(0)
  expect(unexpected(ctx)).toEqual([])
})

test('an old digest opened while its chunk fails: error with retry; header and another digest work', async () => {
  const ctx = await openContext(browser)
  const page = await ctx.newPage()
  const chunk = await block(page, NOVEMBER_CHUNK)
  await page.goto(`${server.url}/digests/${OLD}`)
  await page.getByRole('alert').getByRole('heading', { name: '内容加载失败' }).waitFor()

  // The header's navigation still works, and so does a digest in another chunk.
  await page.getByRole('navigation').getByRole('link', { name: '时间线' }).first().click()
  await heading(page, '时间线').waitFor()
  await page.getByRole('link', { name: '12月22日 04:00' }).click()
  await heading(page, /2025\.12\.22\.04/).waitFor()
  expect(await page.locator('[data-item-id]').count()).toBeGreaterThan(0)

  // Back on the old digest, still blocked: the error again; unblocked, retry shows it.
  await page.goto(`${server.url}/digests/${OLD}`)
  const alert = page.getByRole('alert')
  await alert.getByRole('button', { name: '重试', exact: true }).waitFor()
  await chunk.unblock()
  await alert.getByRole('button', { name: '重试', exact: true }).click()
  await heading(page, OLD_TITLE).waitFor()
  expect(await page.locator('[data-item-id]').count()).toBeGreaterThan(0)
  expect(unexpected(ctx)).toEqual([])
})

test('a search shard fails: the search page says so, and retry finds the results', async () => {
  const ctx = await openContext(browser)
  const page = await ctx.newPage()
  const shards = await block(page, POSTINGS)
  await page.goto(`${server.url}/search?q=RLVR`)
  const alert = page.getByRole('alert')
  await alert.getByText('搜索索引加载失败。').waitFor()
  expect(shards.blocked.length).toBeGreaterThan(0)
  // The rest of the page stands: its heading and the search box with the query.
  expect(await page.getByRole('searchbox').inputValue()).toBe('RLVR')

  await shards.unblock()
  await alert.getByRole('button', { name: '重试', exact: true }).click()
  await page
    .getByRole('link', { name: /Andrej Karpathy 2025 年 LLM 回顾/ })
    .first()
    .waitFor()
  expect(await page.getByRole('alert').count()).toBe(0)
  expect(unexpected(ctx)).toEqual([])
})

test('a slow chunk: the old digest shows a loading state, then its items', async () => {
  const ctx = await openContext(browser)
  const page = await ctx.newPage()
  let asked = 0
  let answered = false
  // The network is slow, not the test: the chunk is answered 2.5 s after it is asked for.
  await page.context().route(NOVEMBER_CHUNK, async (route) => {
    asked++
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    await route.continue()
    answered = true
  })
  await page.goto(`${server.url}/digests/${OLD}`)
  await page.getByRole('status', { name: '正在加载' }).first().waitFor()
  await expect.poll(() => asked).toBe(1)
  // Seen while the chunk was still on its way, and with nothing of the digest yet.
  expect(answered).toBe(false)
  expect(await heading(page, OLD_TITLE).count()).toBe(0)
  await heading(page, OLD_TITLE).waitFor()
  expect(await page.locator('[data-item-id]').count()).toBeGreaterThan(0)
  expect(await page.getByRole('status', { name: '正在加载' }).count()).toBe(0)
  expect(ctx.errors).toEqual([])
})
