import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, newContext, screenshot, type PageOptions } from './support/browser'
import { buildApp, startPreview, type PreviewServer } from './support/server'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const KARPATHY = 'Andrej Karpathy 2025 年 LLM 回顾：六大变革'
const REDIS = 'Redis之父 Salvatore Sanfilippo 对 AI 的 8 条年终反思'
const RLVR_NAME = '可验证奖励强化学习'

async function open(path: string, options: PageOptions = {}, base = inject('baseUrl')) {
  const watched = await newContext(browser, options)
  const page = await watched.newPage()
  await page.goto(base + path)
  return { ...watched, page }
}

describe('topics on the seed', () => {
  test('/topics/RLVR redirects to the topic, lists items 1 and 2 and the first appearance', async () => {
    const { context, errors, page } = await open('/topics/RLVR')
    await page.getByRole('heading', { level: 1, name: RLVR_NAME }).waitFor()
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/topics/${RLVR_NAME}`)
    const items = page.getByRole('list', { name: `${RLVR_NAME} 的条目` })
    await expect.poll(() => items.getByRole('link').allInnerTexts()).toEqual([KARPATHY, REDIS])
    const first = page.locator('[data-first-appearance]')
    expect(await first.innerText()).toMatch(/2025年12月22日.*此后共 2 条提及/)
    // The chart has a text alternative, and its numbers are a table one click away.
    const chart = page.getByRole('img')
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy()
    await page.getByRole('button', { name: '以表格查看' }).click()
    expect(await page.getByRole('table').innerText()).toMatch(/2025-12-22\s+2/)
    expect(errors).toEqual([])
    await context.close()
  })

  test('the RLVR term on the digest page leads to its topic', async () => {
    const { context, errors, page } = await open('/digests/2025-12-22-04')
    await page
      .getByRole('link', { name: /^可验证奖励强化学习（RLVR）$/ })
      .first()
      .click()
    await page.getByRole('heading', { level: 1, name: RLVR_NAME }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  test('a search for RLVR also returns item 2, marked as found through its alias', async () => {
    const { context, errors, page } = await open('/search?q=RLVR')
    const via = page.locator('[data-topic-via]')
    await via.waitFor({ timeout: 20_000 })
    await expect.poll(() => via.getByRole('link').allInnerTexts()).toEqual([RLVR_NAME, REDIS])
    expect(await via.locator('[data-via]').innerText()).toBe(`通过别名 ${RLVR_NAME}`)
    // Direct hits come first: Karpathy's item is among the results above, not repeated here.
    const results = await page.locator('main article h2').allInnerTexts()
    expect(results).toContain(KARPATHY)
    expect(results).not.toContain(REDIS)
    expect(errors).toEqual([])
    await context.close()
  })

  test('/sources/dotey lists the seed’s @dotey items (four, not three) and chips lead there', async () => {
    const { context, errors, page } = await open('/digests/2025-12-22-04')
    await page.locator('[data-source-chip]', { hasText: '@dotey' }).first().click()
    await page.getByRole('heading', { level: 1, name: '@dotey' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/sources/dotey')
    const list = page.getByRole('list', { name: '来自 @dotey 的条目' })
    await expect.poll(() => list.getByRole('link').count()).toBe(4)
    expect(await list.getByRole('link').first().innerText()).toBe(REDIS)
    expect(errors).toEqual([])
    await context.close()
  })

  test('screenshots of /topics, a topic and a source at 375 and 1280 px, light and dark', async () => {
    const pages = [
      ['topics', '/topics'],
      ['topic', `/topics/${encodeURIComponent(RLVR_NAME)}`],
      ['source', '/sources/dotey'],
    ] as const
    for (const [name, path] of pages)
      for (const width of [375, 1280])
        for (const colorScheme of ['light', 'dark'] as const) {
          const { context, errors, page } = await open(path, { width, colorScheme })
          await page.getByRole('heading', { level: 1 }).waitFor()
          await page.waitForLoadState('networkidle')
          // Nothing wider than the screen at 375 px.
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
          ).toBeLessThanOrEqual(width)
          await screenshot(page, `${name}-${width}-${colorScheme}`, true)
          expect(errors).toEqual([])
          await context.close()
        }
  })
})

describe('the same story in two digests', () => {
  let dir: string
  let server: PreviewServer
  const digest = (date: string, title: string) =>
    `---\ntitle: '${title}'\ndate: ${date}\n---\n\n` +
    `1.  [${title} 的报道](https://x.com/someone/status/1234567890)\n\n    同一条推文，**GPT-5** 发布。\n\n` +
    `2.  [另一条 ${title}](https://example.com/${date.slice(0, 10)})\n\n    别的消息，也提到 **GPT-5**。\n`
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'story-'))
    mkdirSync(join(dir, 'in'))
    writeFileSync(
      join(dir, 'in', '2025-12-20-08.md'),
      digest('2025-12-20T08:00:00+08:00', '第一期'),
    )
    writeFileSync(
      join(dir, 'in', '2025-12-21-08.md'),
      digest('2025-12-21T08:00:00+08:00', '第二期'),
    )
    await buildApp({ outDir: join(dir, 'dist'), digestsDir: join(dir, 'in') })
    server = await startPreview(join(dir, 'dist'))
  }, 300_000)
  afterAll(async () => {
    await server?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('the item page shows the other digest’s item as the same story, first appearance first', async () => {
    const { context, errors, page } = await open('/digests/2025-12-21-08', {}, server.url)
    await page.getByRole('link', { name: '第二期 的报道' }).first().click()
    const story = page.locator('[data-same-story]')
    await story.waitFor()
    const rows = story.getByRole('listitem')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.nth(0).innerText()).toMatch(/第一期 的报道[\s\S]*最早出现/)
    expect(await rows.nth(1).innerText()).toMatch(/第二期 的报道[\s\S]*本条/)
    // Related through the shared topic, not repeated as the story.
    const related = page.getByRole('region', { name: '相关条目' })
    expect(await related.innerText()).toMatch(/另一条/)
    expect(errors).toEqual([])
    await context.close()
  })
})
