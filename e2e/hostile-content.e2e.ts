import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { openContext } from './support/context'
import { readBuiltContent } from './support/built-content'
import { buildApp, startPreview, type PreviewServer } from './support/server'

/**
 * The seed plus one digest of hostile text, built and served on its own: a title and a query with
 * U+202E (right-to-left override), a 3,000-character category, a 300-character x.com handle, and
 * categories named `.`, `..` and `~x`. At 360 px nothing may widen the page; the override must not
 * reorder the app's words; every category is reachable by link and by deep link.
 */
const RLO = '\u202e'
const LONG_CATEGORY = 'C'.repeat(3000)
const HANDLE = 'h'.repeat(300)
const TITLE = `Evil ${RLO}title reversed`
const DOT_CATEGORIES = ['.', '..', '~x']
const DIGEST = `---
title: '2025.12.23.08 ${RLO}过去4小时全球AI发生了什么？'
date: 2025-12-23T08:00:00+08:00
categories: ['${LONG_CATEGORY}', '.', '..', '~x']
---

1.  [${TITLE}](https://x.com/${HANDLE}/status/2002765844682862597)

    A summary with **a term** and an unbroken ${'w'.repeat(400)} word.
`

const OUT = 'dist-hostile-e2e'
let dir: string
let server: PreviewServer
let browser: Browser
let content: ReturnType<typeof readBuiltContent>
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-'))
  cpSync('content/digests', dir, { recursive: true })
  writeFileSync(join(dir, 'ai-4h/2025/12/2025-12-23-08.md'), DIGEST)
  await buildApp({ outDir: OUT, digestsDir: dir })
  content = readBuiltContent(OUT)
  server = await startPreview(OUT)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
  rmSync(OUT, { recursive: true, force: true })
})

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** Left edges of each character of `text`, found in the element's rendered text, in order. */
function charPositions(page: Page, selector: string, text: string) {
  return page.locator(selector).evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted)
      if (at === -1) continue
      return [...wanted].map((_, i) => {
        const range = document.createRange()
        range.setStart(node, at + i)
        range.setEnd(node, at + i + 1)
        return range.getBoundingClientRect().left
      })
    }
    return []
  }, text)
}

describe('hostile text at 360 px', () => {
  test('no route is wider than the window', async () => {
    const { errors, newPage } = await openContext(browser, { width: 360, height: 740 })
    const page = await newPage()
    const item = content.digest(content.summaries.find((s) => s.id.includes('2025-12-23'))!)
      .items[0]!
    for (const path of [
      '/',
      `/digests/${encodeURIComponent(content.summaries[0]!.id)}`,
      `/items/${encodeURIComponent(item.id)}`,
      '/categories',
      `/categories/${LONG_CATEGORY}`,
    ]) {
      await page.goto(server.url + path)
      await page.locator('main h1').first().waitFor()
      await page.locator('main [data-item-id], main li').first().waitFor()
      expect(await overflow(page), path).toBe(0)
    }
    // The item page shows the handle in its original-post link, inside the page.
    await page.goto(`${server.url}/items/${encodeURIComponent(item.id)}`)
    const link = page.locator('main a[data-original-link]').first()
    await expect.poll(() => link.innerText()).toContain(HANDLE.slice(0, 50))
    const box = (await link.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(360)
    expect(await overflow(page)).toBe(0)
    expect(errors).toEqual([])
  })

  test('categories named ".", ".." and "~x" open from their chips and by deep link', async () => {
    const { errors, newPage } = await openContext(browser, { width: 360, height: 740 })
    const page = await newPage()
    for (const name of DOT_CATEGORIES) {
      await page.goto(server.url + '/categories')
      await page.locator('main li').first().waitFor()
      await page
        .getByRole('link', { name: new RegExp(`^${name.replace(/\./g, '\\.')}\\s*1`) })
        .click()
      await expect.poll(() => page.locator('main h1').innerText()).toBe(name)
      const deepLink = page.url()
      await page.goto(server.url + '/')
      await page.goto(deepLink)
      await expect.poll(() => page.locator('main h1').innerText(), { timeout: 10_000 }).toBe(name)
      await page.locator('main [data-item-id]').first().waitFor()
    }
    expect(errors).toEqual([])
  })

  test('U+202E in a title or a query leaves the app words in order and out of the page title', async () => {
    const { errors, newPage } = await openContext(browser)
    const page = await newPage()
    const item = content.digest(content.summaries.find((s) => s.id.includes('2025-12-23'))!)
      .items[0]!
    await page.goto(`${server.url}/items/${encodeURIComponent(item.id)}`)
    await page.locator('main h1').waitFor()
    await expect.poll(() => page.title()).toBe('Evil title reversed · Digest Reader')
    // English content inside the Chinese UI is marked English.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    expect(await page.locator('main h1').getAttribute('lang')).toBe('en')
    // The digest's title (with its own override) sits inside the app's "收录于 …" line.
    await page.goto(server.url + '/search?q=' + encodeURIComponent(`${RLO}zzzqqq`))
    const status = page.getByRole('status').filter({ hasText: '没有找到' })
    await status.waitFor({ timeout: 15_000 })
    await expect.poll(() => page.title()).toBe('“zzzqqq” · 搜索 · Digest Reader')
    // The app's words after the query still read left to right: 相 before 关 before 的 …
    const after = await charPositions(page, 'main [role="status"]', '相关的内容')
    expect(after).toHaveLength(5)
    expect([...after].sort((a, b) => a - b)).toEqual(after)
    // And the reverse: in the English UI, Chinese content stays marked Chinese.
    await page.evaluate(() => localStorage.setItem('digest-reader:lang', 'en'))
    await page.goto(`${server.url}/digests/${encodeURIComponent(content.summaries.at(-1)!.id)}`)
    await page.locator('main [data-item-id]').first().waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await page.locator('main h1').getAttribute('lang')).toBe('zh-CN')
    const titles = page.locator('main [data-item-id] :is(h2, h3) [lang]')
    expect(await titles.first().getAttribute('lang')).toBe('zh-CN')
    expect(errors).toEqual([])
  })
})
