import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newContext } from './support/browser'

/** The reader against the built app: routes, navigation, anchors, theme and keyboard. */
const DIGEST = '2025-12-22-04'
const ITEM_5 = `${DIGEST}-fb0bdbd2`
const base = () => inject('baseUrl')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function withPage(
  run: (page: Page, ctx: Awaited<ReturnType<typeof newContext>>) => Promise<void>,
  options: Parameters<typeof newContext>[1] = {},
) {
  const ctx = await newContext(browser, options)
  try {
    await run(await ctx.newPage(), ctx)
    expect(ctx.errors).toEqual([])
  } finally {
    await ctx.context.close()
  }
}

const h1 = (page: Page) => page.locator('h1').first()

test('every route loads directly and survives a reload', async () => {
  const routes: [string, string, RegExp][] = [
    ['/', '时间线', /^时间线 · Digest Reader$/],
    [`/digests/${DIGEST}`, '2025.12.22.04 过去4小时全球AI发生了什么？', /过去4小时/],
    [`/items/${ITEM_5}`, 'Codex 正式支持 Skills 机制', /^Codex 正式支持/],
    ['/categories', '分类', /^分类 · /],
    ['/categories/模型应用', '模型应用', /^模型应用 · 分类/],
    ['/does/not/exist', '页面不存在', /^页面不存在/],
    ['/digests/1999-01-01-00', '页面不存在', /^页面不存在/],
    ['/items/nope-12345678', '页面不存在', /^页面不存在/],
    ['/categories/没有这个分类', '页面不存在', /^页面不存在/],
  ]
  await withPage(async (page) => {
    for (const [path, heading, title] of routes) {
      await page.goto(base() + path)
      await expect.poll(() => h1(page).textContent()).toContain(heading)
      expect(await page.title()).toMatch(title)
      await page.reload()
      await expect.poll(() => h1(page).textContent()).toContain(heading)
    }
  })
})

test('in-app navigation with back and forward', async () => {
  await withPage(async (page) => {
    await page.goto(base() + '/')
    await page.getByRole('link', { name: '12月22日 04:00' }).click()
    await expect.poll(() => page.url()).toBe(`${base()}/digests/${DIGEST}`)
    await page.getByRole('link', { name: /^Codex 正式支持/ }).click()
    await expect.poll(() => page.url()).toBe(`${base()}/items/${ITEM_5}`)
    await expect.poll(() => h1(page).textContent()).toContain('Codex')
    // Focus moved to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await page.goBack()
    await expect.poll(() => h1(page).textContent()).toContain('过去4小时')
    await page.goBack()
    await expect.poll(() => h1(page).textContent()).toBe('时间线')
    await page.goForward()
    await expect.poll(() => h1(page).textContent()).toContain('过去4小时')
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '分类' })
      .click()
    await page.getByRole('link', { name: /模型应用/ }).click()
    await expect.poll(() => decodeURIComponent(page.url())).toBe(`${base()}/categories/模型应用`)
    await page.getByRole('link', { name: '12月22日 04:00' }).waitFor()
  })
})

test('a #item link scrolls to and highlights that item', async () => {
  await withPage(async (page) => {
    await page.goto(`${base()}/digests/${DIGEST}#${ITEM_5}`)
    const card = page.locator(`[id="${ITEM_5}"]`)
    await expect.poll(() => card.getAttribute('class')).toContain('is-highlighted')
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
    const box = (await card.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeLessThan(200)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(ITEM_5)
    expect(await page.locator('.is-highlighted').count()).toBe(1)
  })
})

test('links to originals open safely in a new tab and say where they go', async () => {
  await withPage(async (page) => {
    await page.goto(`${base()}/digests/${DIGEST}`)
    const links = page.locator('a[data-original-link]')
    await expect.poll(() => links.count()).toBe(11)
    for (const link of await links.all()) {
      expect(await link.getAttribute('href')).toMatch(/^https:\/\/x\.com\//)
      expect(await link.getAttribute('target')).toBe('_blank')
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer')
      expect(await link.textContent()).toMatch(/^在 x\.com 查看原文 @\w+/)
    }
  })
})

test('the theme toggle is remembered across a reload', async () => {
  await withPage(async (page) => {
    await page.goto(base() + '/')
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'))
    expect(await isDark()).toBe(false)
    await page.getByRole('button', { name: '主题：跟随系统' }).click()
    await page.getByRole('button', { name: '主题：浅色' }).click()
    expect(await isDark()).toBe(true)
    await page.reload()
    await h1(page).waitFor()
    expect(await isDark()).toBe(true)
    expect(await page.evaluate(() => localStorage.getItem('digest-reader:theme'))).toBe('dark')
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(bg).not.toBe('rgb(251, 250, 248)')
  })
})

test('keyboard: j/k move between items, o opens the original, ? shows the shortcuts', async () => {
  await withPage(async (page, { context }) => {
    // The network is closed: answer the original post locally.
    await context.route('https://x.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>x</title>' }),
    )
    await page.goto(`${base()}/digests/${DIGEST}`)
    await page.locator('[data-item-id]').first().waitFor()
    const focused = () =>
      page.evaluate(() => document.activeElement?.closest('[data-item-id]')?.id ?? null)
    await page.keyboard.press('j')
    expect(await focused()).toBe(`${DIGEST}-0a70dce9`)
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    expect(await focused()).toBe(`${DIGEST}-46b3f5fd`)
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('o')])
    await expect.poll(() => popup.url()).toBe('https://x.com/dotey/status/2002465295047479548')
    await popup.close()
    await page.keyboard.press('?')
    await page.getByRole('dialog', { name: '键盘快捷键' }).waitFor()
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })
})

test('scroll position is restored on back', async () => {
  await withPage(
    async (page) => {
      await page.goto(`${base()}/digests/${DIGEST}`)
      const link = page.getByRole('link', { name: /^Ranke-4B/ })
      await link.scrollIntoViewIfNeeded()
      const before = await page.evaluate(() => window.scrollY)
      expect(before).toBeGreaterThan(500)
      await link.click()
      await expect.poll(() => h1(page).textContent()).toContain('Ranke-4B')
      await page.goBack()
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 50)
    },
    { width: 375, height: 700 },
  )
})

test('Tab shows a visible focus ring', async () => {
  await withPage(async (page) => {
    await page.goto(`${base()}/digests/${DIGEST}`)
    await h1(page).waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文')
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement!).outlineStyle,
    )
    expect(outline).toBe('solid')
  })
})

test('at 1280 px Tab crosses the header left to right, every stop with the same ring', async () => {
  await withPage(async (page) => {
    await page.goto(`${base()}/digests/${DIGEST}`)
    await h1(page).waitFor()
    const stops: { name: string; x: number; outline: string }[] = []
    await page.keyboard.press('Tab') // the skip link
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab')
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement
          const style = getComputedStyle(el)
          return {
            name: el.getAttribute('aria-label') || el.textContent!.trim(),
            x: Math.round(el.getBoundingClientRect().left),
            outline: `${style.outlineStyle} ${style.outlineColor}`,
          }
        }),
      )
    }
    const names = stops.map((s) => s.name)
    expect(names.slice(0, 6)).toEqual(['Digest Reader', '时间线', '分类', '话题', '收藏', '搜索'])
    const xs = stops.map((s) => s.x)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expect(new Set(stops.map((s) => s.outline)).size, JSON.stringify(stops)).toBe(1)
  })
})

test('on a phone in English, the header search box stays wide enough to read', async () => {
  await withPage(
    async (page) => {
      await page.goto(`${base()}/digests/${DIGEST}`)
      await h1(page).waitFor()
      await page.getByRole('button', { name: 'Switch to English' }).click()
      // A bookmark count makes the navigation wider still.
      await page
        .locator('[data-item-id]')
        .first()
        .getByRole('button', { name: /Bookmark/ })
        .click()
      const box = page.getByRole('searchbox', { name: 'Search' })
      const width = await box.evaluate((el) => el.getBoundingClientRect().width)
      expect(width).toBeGreaterThanOrEqual(144)
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }))
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
    },
    { width: 375, height: 812 },
  )
})

test('the not-found message reads as a paragraph, not a narrow column, at 1280 px', async () => {
  await withPage(
    async (page) => {
      await page.goto(`${base()}/does/not/exist`)
      const message = page.getByText(/这个地址没有对应的摘要/)
      await message.waitFor()
      const { lines, width } = await message.evaluate((p) => {
        const range = document.createRange()
        range.selectNodeContents(p)
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
        return { lines: tops.size, width: p.getBoundingClientRect().width }
      })
      // Two sentences fit on one line at this width; before, they broke into a ragged column.
      expect(lines).toBe(1)
      expect(width).toBeGreaterThan(480)
    },
    { width: 1280 },
  )
})

test('headings wrap without balancing, so Chinese titles do not break mid-word', async () => {
  await withPage(
    async (page) => {
      await page.goto(`${base()}/digests/${DIGEST}`)
      await h1(page).waitFor()
      // `balance` split "过去4 / 小时" on phones; `pretty` only guards the last line.
      expect(await h1(page).evaluate((h) => getComputedStyle(h).textWrap)).not.toBe('balance')
      const lines = await h1(page).evaluate((h) => {
        const range = document.createRange()
        range.selectNodeContents(h)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      })
      // At 375 px the title fills its first line before wrapping, instead of two half lines.
      const firstLine = await h1(page).evaluate((h) => {
        // The title's text node (inside the span that isolates it).
        const node = document.createTreeWalker(h, NodeFilter.SHOW_TEXT).nextNode()!
        const range = document.createRange()
        range.setStart(node, 0)
        range.setEnd(node, 1)
        const top = range.getBoundingClientRect().top
        const text = h.textContent!
        let n = 1
        for (; n < text.length; n++) {
          range.setEnd(node, n + 1)
          const rects = [...range.getClientRects()]
          if (rects.some((r) => Math.round(r.top) > Math.round(top))) break
        }
        return text.slice(0, n)
      })
      expect(lines).toBeGreaterThan(1)
      expect(firstLine).toContain('过去4小时')
    },
    { width: 375 },
  )
})

test('a malformed #fragment on a digest shows the digest, not an error', async () => {
  await withPage(async (page) => {
    await page.goto(`${base()}/digests/${DIGEST}#%E0`)
    await expect.poll(() => h1(page).textContent()).toContain('过去4小时')
  })
})
