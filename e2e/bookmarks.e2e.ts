import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/browser'
import { openContext } from './support/context'
import { buildApp, startPreview } from './support/server'

const KEY = 'digest-reader:bookmarks'
const SEED = 'content/digests/ai-4h/2025/12/2025-12-22-04.md'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const base = () => inject('baseUrl')
const cards = (page: Page) => page.locator('main [data-item-id]')
const toggleOf = (page: Page, itemId: string) =>
  page.locator(`[data-item-id="${itemId}"]`).getByRole('button', { name: '收藏', exact: true })
const listedTitles = (page: Page) =>
  page.getByRole('list', { name: '收藏列表' }).getByRole('heading').allTextContents()
const stored = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY)

/** Bookmarks the first `n` items of the timeline by clicking their toggles; returns their ids. */
async function bookmarkFirst(page: Page, n: number): Promise<string[]> {
  await page.goto(base() + '/')
  await cards(page).first().waitFor()
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const id = (await cards(page).nth(i).getAttribute('data-item-id'))!
    await toggleOf(page, id).click()
    await expect.poll(() => toggleOf(page, id).getAttribute('aria-pressed')).toBe('true')
    ids.push(id)
  }
  return ids
}

/** Keeps `raw` under the bookmarks key on the first page load of a context only. */
function seedOnce(raw: string) {
  return [
    ([key, value]: [string, string]) => {
      // Init scripts also run in about:blank, where storage is off limits.
      if (!location.protocol.startsWith('http') || sessionStorage.getItem('seeded')) return
      localStorage.setItem(key, value)
      sessionStorage.setItem('seeded', '1')
    },
    [KEY, raw] as [string, string],
  ] as const
}

test('a bookmark made on the timeline (click and `b`) survives a reload and is listed', async () => {
  const { context, errors, newPage } = await openContext(browser)
  const page = await newPage()
  const [first] = await bookmarkFirst(page, 1)
  const title = await page.locator(`[data-item-id="${first}"]`).getByRole('heading').textContent()

  // Keyboard: j focuses a card, b toggles the focused one.
  await page.locator('body').click({ position: { x: 1, y: 1 } })
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  const focused = await page.evaluate(
    () => document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id') ?? null,
  )
  expect(focused).not.toBeNull()
  expect(focused).not.toBe(first)
  await page.keyboard.press('b')
  await expect.poll(() => toggleOf(page, focused!).getAttribute('aria-pressed')).toBe('true')
  const focusedTitle = await page
    .locator(`[data-item-id="${focused}"]`)
    .getByRole('heading')
    .textContent()

  await page.reload()
  await expect.poll(() => toggleOf(page, first).getAttribute('aria-pressed')).toBe('true')
  const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /收藏/ })
  expect(await nav.textContent()).toContain('2')
  await nav.click()
  await expect.poll(() => listedTitles(page)).toEqual([focusedTitle, title])
  expect(errors).toEqual([])
  await context.close()
})

test('two pages of one browser stay in sync', async () => {
  const { context, errors, newPage } = await openContext(browser)
  const timeline = await newPage()
  const list = await newPage()
  await list.goto(base() + '/bookmarks')
  await list.getByText('还没有收藏').waitFor()
  const [id] = await bookmarkFirst(timeline, 1)
  await expect.poll(() => listedTitles(list)).toHaveLength(1)

  await list.getByRole('button', { name: /^移除收藏/ }).click()
  await expect.poll(() => toggleOf(timeline, id).getAttribute('aria-pressed')).toBe('false')
  const badge = timeline
    .getByRole('navigation', { name: '主导航' })
    .getByRole('link', { name: /收藏/ })
  await expect.poll(() => badge.textContent()).toBe('收藏')
  expect(errors).toEqual([])
  await context.close()
})

test('a page that cannot save keeps its bookmarks when another page writes, then saves them', async () => {
  const { context, errors, newPage } = await openContext(browser)
  const full = await newPage()
  const other = await newPage()
  for (const page of [full, other]) {
    await page.goto(base() + '/')
    await cards(page).first().waitFor()
  }
  const ids = await cards(full).evaluateAll((els) =>
    els.slice(0, 3).map((el) => el.getAttribute('data-item-id')!),
  )
  // Storage is full for this page only (the other page's writes still go through).
  await full.evaluate(() => {
    const flag = window as unknown as { storageFull: boolean }
    const setItem = Storage.prototype.setItem
    flag.storageFull = true
    Storage.prototype.setItem = function (key: string, value: string) {
      if (flag.storageFull) throw new DOMException('full', 'QuotaExceededError')
      setItem.call(this, key, value)
    }
  })
  const header = full.getByRole('navigation', { name: '主导航' })
  await toggleOf(full, ids[0]).click()
  await expect.poll(() => header.getByRole('status').textContent()).toContain('收藏未能保存')

  await toggleOf(other, ids[1]).click()
  // The other page's write arrives; this page keeps its unsaved bookmark on top of it.
  await expect.poll(() => toggleOf(full, ids[1]).getAttribute('aria-pressed')).toBe('true')
  expect(await toggleOf(full, ids[0]).getAttribute('aria-pressed')).toBe('true')
  expect(await header.getByRole('status').textContent()).toContain('收藏未能保存')
  expect((await stored(other)).bookmarks.map((b: { itemId: string }) => b.itemId)).toEqual([ids[1]])

  // Room again: the next write from the other page brings everything into storage.
  await full.evaluate(() => {
    ;(window as unknown as { storageFull: boolean }).storageFull = false
  })
  await toggleOf(other, ids[2]).click()
  await expect
    .poll(async () =>
      (await stored(other)).bookmarks.map((b: { itemId: string }) => b.itemId).sort(),
    )
    .toEqual([...ids].sort())
  await expect.poll(() => header.getByRole('status').textContent()).toBe('')
  await expect.poll(() => toggleOf(other, ids[0]).getAttribute('aria-pressed')).toBe('true')
  expect(errors).toEqual([])
  await context.close()
})

test('export, clear, import gives back the same bookmarks', async () => {
  const { context, errors, newPage } = await openContext(browser)
  const page = await newPage()
  await bookmarkFirst(page, 3)
  await page.goto(base() + '/bookmarks')
  await page
    .getByRole('textbox', { name: /^备注：/ })
    .nth(1)
    .fill('周末细读')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await stored(page)).bookmarks[1].note).toBe('周末细读')
  const before = await stored(page)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出', exact: true }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^digest-reader-bookmarks-\d{4}-\d{2}-\d{2}\.json$/)
  const file = (await download.path())!

  // The same bookmarks for other tools: Markdown, and a file browsers import as bookmarks.
  for (const [label, extension, head] of [
    ['导出 Markdown', 'md', '# Digest Reader bookmarks'],
    ['导出为浏览器书签', 'html', '<!DOCTYPE NETSCAPE-Bookmark-file-1>'],
  ] as const) {
    const [other] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label, exact: true }).click(),
    ])
    expect(other.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`))
    const text = readFileSync((await other.path())!, 'utf8')
    expect(text.startsWith(head)).toBe(true)
    for (const bookmark of before.bookmarks) expect(text).toContain(bookmark.url)
  }

  await page.evaluate(() => localStorage.clear())
  await page.reload()
  await page.getByText('还没有收藏').waitFor()
  await page.locator('input[type=file]').setInputFiles(file)
  await page.getByText('新增 3 条，更新 0 条').waitFor()
  expect(await stored(page)).toEqual(before)

  // Importing a foreign file is refused and changes nothing.
  const foreign = join(mkdtempSync(join(tmpdir(), 'bm-')), 'manifest.json')
  writeFileSync(foreign, JSON.stringify({ schemaVersion: 1, digests: [] }))
  await page.locator('input[type=file]').setInputFiles(foreign)
  await page
    .getByRole('alert')
    .getByText(/不是 Digest Reader 导出的收藏文件/)
    .waitFor()
  expect(await stored(page)).toEqual(before)
  expect(errors).toEqual([])
  await context.close()
})

test(
  'a bookmark whose item left the content still shows its snapshot',
  { timeout: 120_000 },
  async () => {
    // A second build of the app from content with item 3 of the seed digest deleted.
    const dir = mkdtempSync(join(tmpdir(), 'bm-content-'))
    cpSync('content/digests', dir, { recursive: true })
    const seedCopy = join(dir, SEED.replace('content/digests/', ''))
    const markdown = readFileSync(seedCopy, 'utf8')
    const pruned = markdown.replace(/\n3\. {2}\[[\s\S]*?(?=\n4\. )/, '\n')
    expect(pruned.length).toBeLessThan(markdown.length)
    writeFileSync(seedCopy, pruned)
    const outDir = 'dist-bookmarks-pruned'
    await buildApp({ outDir, digestsDir: dir })
    const server = await startPreview(outDir)
    try {
      const { context, errors, newPage } = await openContext(browser)
      const page = await newPage()
      await bookmarkFirst(page, 4)
      const titles = await listedAfterOpen(page)
      const doc = await stored(page)
      await context.close()

      const other = await openContext(browser)
      await other.context.addInitScript(...seedOnce(JSON.stringify(doc)))
      const prunedPage = await other.newPage()
      await prunedPage.goto(server.url + '/bookmarks')
      await expect.poll(() => listedTitles(prunedPage)).toEqual(titles)
      await prunedPage.getByText('已不在存档中').waitFor()
      const gone = prunedPage.getByRole('listitem').filter({ hasText: '已不在存档中' })
      expect(await gone.count()).toBe(1)
      expect(await gone.getByRole('heading').textContent()).toBe(titles[1])
      expect(await gone.getByRole('link', { name: /原文/ }).getAttribute('href')).toMatch(
        /^https:\/\//,
      )
      // The others resolve in the rebuilt, renumbered digest and still link to their item pages.
      expect(
        await prunedPage
          .getByRole('list', { name: '收藏列表' })
          .getByRole('heading')
          .getByRole('link')
          .count(),
      ).toBe(3)
      expect([...errors, ...other.errors]).toEqual([])
      await other.context.close()
    } finally {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
      rmSync(outDir, { recursive: true, force: true })
    }
  },
)

async function listedAfterOpen(page: Page) {
  await page.goto(base() + '/bookmarks')
  await expect.poll(async () => (await listedTitles(page)).length).toBe(4)
  return listedTitles(page)
}

test('corrupt stored data: the app loads, explains, and offers the untouched backup', async () => {
  const raw = '{"version":2,"bookmarks":[{"itemId":'
  const { context, errors, newPage } = await openContext(browser)
  await context.addInitScript(...seedOnce(raw))
  const page = await newPage()
  await page.goto(base() + '/')
  await cards(page).first().waitFor()
  await page.goto(base() + '/bookmarks')
  await page.getByRole('heading', { name: '无法读取已保存的收藏' }).waitFor()
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(raw)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载备份' }).click(),
  ])
  expect(readFileSync((await download.path())!, 'utf8')).toBe(raw)

  await page.getByRole('button', { name: '重新开始（保留备份）' }).click()
  await page.getByText('还没有收藏').waitFor()
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('digest-reader:bookmarks:backup:'))
      .map((k) => localStorage.getItem(k)),
  )
  expect(backups).toEqual([raw])
  expect(await stored(page)).toEqual({ version: 2, bookmarks: [] })
  expect(errors).toEqual([])
  await context.close()
})

test('corrupt data and no room for a backup: the raw text downloads and is never replaced', async () => {
  const raw = '{"version":2,"bookmarks":[{"itemId":'
  const { context, errors, newPage } = await openContext(browser, { width: 375, height: 812 })
  await context.addInitScript(...seedOnce(raw))
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('digest-reader:bookmarks:backup:')) {
        throw new DOMException('full', 'QuotaExceededError')
      }
      setItem.call(this, key, value)
    }
  })
  const page = await newPage()
  await page.goto(base() + '/')
  await cards(page).first().waitFor()
  await toggleOf(page, (await cards(page).first().getAttribute('data-item-id'))!).click()
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /收藏/ }).click()
  await page.getByText(/请先下载原始数据/).waitFor()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载原始数据' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^digest-reader-bookmarks-raw-\d+\.txt$/)
  expect(readFileSync((await download.path())!, 'utf8')).toBe(raw)

  await page.getByRole('button', { name: '重新开始（保留备份）' }).click()
  await page.getByText(/所以没有重新开始/).waitFor()
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(raw)
  await page.getByText('当前 1 条收藏尚未保存。').waitFor()
  await page.evaluate(() => document.fonts.ready)
  await screenshot(page, 'bookmarks-corrupt-no-backup-375')
  expect(errors).toEqual([])
  await context.close()
})

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    test(`bookmarks page screenshot at ${width}px ${colorScheme}`, async () => {
      const { context, errors, newPage } = await openContext(browser, {
        width,
        height: width < 600 ? 812 : 860,
        colorScheme,
      })
      const page = await newPage()
      await bookmarkFirst(page, 3)
      // One bookmark of an item from a digest that is no longer in the archive.
      await page.evaluate((key) => {
        const doc = JSON.parse(localStorage.getItem(key)!)
        // Saved last, so it leads the list and shows in the viewport-sized screenshot.
        const at = new Date().toISOString()
        doc.bookmarks.push({
          itemId: '2025-12-19-20-5e1f0a7c',
          title: 'OpenAI 发布 GPT-5.2 Codex：更长的自主编码任务',
          url: 'https://x.com/openai/status/2001234567890123456',
          digestId: '2025-12-19-20',
          digestDate: '2025-12-19T20:05:00+08:00',
          digestTitle: '2025.12.19.20 过去4小时全球AI发生了什么？',
          excerpt:
            'OpenAI 推出面向长时间自主编码任务的新模型，在大型代码库重构和多步骤调试上表现更稳定。',
          savedAt: at,
          note: '和 Claude Code 对比一下',
          updatedAt: at,
        })
        localStorage.setItem(key, JSON.stringify(doc))
      }, KEY)
      await page.goto(base() + '/bookmarks')
      await page.getByText('已不在存档中').waitFor()
      await page
        .getByRole('textbox', { name: /^备注：/ })
        .nth(2)
        .fill('值得细读的年终回顾')
      await page.keyboard.press('Enter')
      await page.evaluate(() => window.scrollTo(0, 0))
      await page.evaluate(() => document.fonts.ready)
      const path = await screenshot(page, `bookmarks-${width}-${colorScheme}`, true)
      expect(statSync(path).size).toBeGreaterThan(10_000)
      expect(errors).toEqual([])
      await context.close()
    })
  }
}
