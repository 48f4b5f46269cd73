import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newContext, screenshot } from './support/browser'
import { openContext } from './support/context'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const KARPATHY = 'Andrej Karpathy 2025 年 LLM 回顾：六大变革'
const NANO_PRO = 'Nano Banana Pro 城市海报生成与模型性能观察'
const REDIS = 'Redis之父 Salvatore Sanfilippo 对 AI 的 8 条年终反思'

const box = (page: Page) => page.getByRole('searchbox', { name: '搜索', exact: true })
/** The result count or the no-results message. */
const outcome = (page: Page) =>
  page.getByRole('status').filter({ hasText: /共 \d+ 条结果|没有找到/ })
const results = (page: Page) => page.locator('main article h2')
const titles = (page: Page) => results(page).allInnerTexts()

async function open(path = '/', options: Parameters<typeof newContext>[1] = {}) {
  const watched = await openContext(browser, options)
  const page = await watched.newPage()
  await page.goto(inject('baseUrl') + path)
  return { ...watched, page }
}

/** Types a query into the header box and waits for the results of exactly that query. */
async function search(page: Page, query: string) {
  await box(page).fill(query)
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(query)
  // The results (or no-results message) that answer exactly this query, not the previous ones.
  await page
    .locator(`main [data-query="${query.trim().replaceAll('"', '\\"')}"][aria-busy="false"]`)
    .waitFor({ timeout: 15_000 })
  await expect
    .poll(() => outcome(page).innerText(), { timeout: 15_000 })
    .toMatch(/共 \d+ 条结果|没有找到/)
}

describe('search through the real UI and worker', () => {
  test('RLVR from the home page: Karpathy first, highlighted, URL pushed', async () => {
    const { context, errors, page } = await open('/')
    await box(page).waitFor()
    await page.keyboard.press('/')
    await expect.poll(() => box(page).evaluate((el) => el === document.activeElement)).toBe(true)
    await box(page).blur()
    await page.keyboard.press('Control+k')
    await expect.poll(() => box(page).evaluate((el) => el === document.activeElement)).toBe(true)
    await search(page, 'RLVR')
    expect(new URL(page.url()).pathname).toBe('/search')
    expect(await page.title()).toBe('“RLVR” · 搜索 · Digest Reader')
    // While typing in another field, `/` is just a character.
    const from = page.getByLabel('起始日期')
    await from.focus()
    await page.keyboard.press('/')
    expect(await from.evaluate((el) => el === document.activeElement)).toBe(true)
    expect((await titles(page))[0]).toBe(KARPATHY)
    const marks = page.locator('main article mark')
    expect(await marks.count()).toBeGreaterThan(0)
    expect(await marks.first().isVisible()).toBe(true)
    expect(await marks.allInnerTexts()).toContain('RLVR')
    // Back leaves the search (typing from another page pushed one entry, not one per key).
    await page.goBack()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/')
    expect(errors).toEqual([])
    await context.close()
  })

  test('ranking, typos and Chinese anywhere in the text', async () => {
    const { context, errors, page } = await open('/search')
    // A lone character runs once typing pauses; a longer query replaces it.
    await search(page, '强')
    expect(await titles(page)).toEqual(expect.arrayContaining([KARPATHY, REDIS]))
    await search(page, 'Nano Banana')
    let found = await titles(page)
    expect(found.indexOf(NANO_PRO)).toBeGreaterThanOrEqual(0)
    expect(found.indexOf(NANO_PRO)).toBeLessThan(found.indexOf(KARPATHY))
    for (const typo of ['Nano Banan', 'Claud Code', 'Karpaty']) {
      await search(page, typo)
      expect(await titles(page)).toContain(KARPATHY)
    }
    for (const chinese of ['强化学习', '可验证奖励']) {
      await search(page, chinese)
      found = await titles(page)
      expect(found).toEqual(expect.arrayContaining([KARPATHY, REDIS]))
    }
    // 避免灭绝 closes item 2's summary, far past Fuse's default reach of ~60 characters.
    await search(page, '避免灭绝')
    expect(await titles(page)).toEqual([REDIS])
    expect(await page.locator('main article mark').allInnerTexts()).toContain('避免灭绝')
    await search(page, 'Gemini 信息图')
    expect(await titles(page)).toEqual(['AI 赋能下的内容创作：PPT与信息图生成技巧'])
    expect(errors).toEqual([])
    await context.close()
  })

  test('filters live in the URL; back and forward restore results; Esc clears', async () => {
    const { context, errors, page } = await open('/search?q=AI')
    // The first search of a page starts the worker and fetches the index: allow for a busy machine.
    await expect
      .poll(() => titles(page).then((t) => t.length), { timeout: 15_000 })
      .toBeGreaterThan(3)
    const all = await titles(page)
    await page.getByLabel('来源').selectOption('@dotey')
    await expect.poll(() => new URL(page.url()).searchParams.get('source')).toBe('@dotey')
    await expect.poll(() => titles(page).then((t) => t.length)).toBeLessThan(all.length)
    const dotey = await titles(page)
    expect(dotey).toContain(REDIS)
    await page.getByLabel('起始日期').fill('2025-12-23')
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2025-12-23')
    await expect.poll(() => page.getByText(/没有找到/).count()).toBe(1)
    await page.goBack()
    await expect.poll(() => titles(page)).toEqual(dotey)
    await page.goBack()
    await expect.poll(() => titles(page)).toEqual(all)
    expect(await box(page).inputValue()).toBe('AI')
    await page.goForward()
    await expect.poll(() => titles(page)).toEqual(dotey)
    // A result's title is its permalink; back from the item returns to the same results.
    await results(page).getByRole('link').first().click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/items\//)
    await page.goBack()
    await expect.poll(() => titles(page)).toEqual(dotey)
    await box(page).press('Escape')
    await expect.poll(() => box(page).inputValue()).toBe('')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(null)
    await expect.poll(() => page.title()).toBe('搜索 · Digest Reader')
    expect(errors).toEqual([])
    await context.close()
  })

  test('a failed index load offers a retry that recovers', async () => {
    const { context, page } = await open('/')
    let fail = true
    await page.route('**/data/search/root.*.json', (route) =>
      fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue(),
    )
    await box(page).fill('RLVR')
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.innerText(), { timeout: 15_000 }).toMatch(/加载失败/)
    fail = false
    await alert.getByRole('button', { name: '重试' }).click()
    await expect.poll(() => titles(page), { timeout: 15_000 }).toContain(KARPATHY)
    await context.close()
  })
})

describe('typing fast and the keyboard', () => {
  /**
   * Records every value the box shows, frame by frame, from now on: a late echo of an older URL
   * that rewrote the box, even for a moment, is in the list.
   */
  async function recordBox(page: Page) {
    await box(page).evaluate((input: HTMLInputElement) => {
      const seen: string[] = []
      ;(window as unknown as { __boxValues: string[] }).__boxValues = seen
      const sample = () => {
        if (seen.at(-1) !== input.value) seen.push(input.value)
        requestAnimationFrame(sample)
      }
      sample()
    })
  }

  /**
   * The box and the URL once typing has settled (the URL follows after a short pause). Proof, not
   * a pause: the results of exactly `value` are on screen, so the last URL change has been
   * rendered; from the first frame the box showed `value`, it never showed anything else.
   */
  async function settledTo(page: Page, value: string) {
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(value)
    await page
      .locator(`main [data-query="${value.trim()}"][aria-busy="false"]`)
      .waitFor({ timeout: 15_000 })
    expect(await box(page).inputValue()).toBe(value)
    expect(new URL(page.url()).searchParams.get('q')).toBe(value)
    const seen = await page.evaluate(
      () => (window as unknown as { __boxValues: string[] }).__boxValues,
    )
    expect(seen.slice(seen.indexOf(value))).toEqual([value])
  }

  for (const [from, start, typed, expected] of [
    ['/', '', 'Karpaty', 'Karpaty'],
    ['/search', '', 'Karpaty', 'Karpaty'],
    ['/search?q=x', 'x', 'araty', 'xaraty'],
    // Over a page of results, which take a while to render on a slow phone.
    ['/search?q=AI', 'AI', 'Karpaty', 'Karpaty'],
    ['/categories', '', 'Claude Code 强化学习', 'Claude Code 强化学习'],
  ] as const) {
    test(`typing "${typed}" with no delay from ${from} keeps every letter`, async () => {
      const { context, errors, page } = await open(from)
      await box(page).waitFor()
      expect(await box(page).inputValue()).toBe(start)
      // A slow phone: each navigation takes longer than a keystroke, so the URL lags the box.
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 })
      await box(page).focus()
      await recordBox(page)
      // Type on after the text, or over it when the query is replaced.
      await page.keyboard.press(expected.startsWith(start) ? 'End' : 'Control+a')
      await box(page).pressSequentially(typed, { delay: 0 })
      await settledTo(page, expected)
      expect(new URL(page.url()).pathname).toBe('/search')
      await expect
        .poll(() => outcome(page).innerText(), { timeout: 15_000 })
        .toMatch(/共 \d+ 条结果|没有找到/)
      if (!from.startsWith('/search')) {
        // One entry for the whole query: back returns to the page the search started from.
        await page.goBack()
        // Still six times slower than this machine: give the page time to render the way back.
        await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(from)
        await expect.poll(() => box(page).inputValue(), { timeout: 10_000 }).toBe('')
      }
      expect(errors).toEqual([])
      await context.close()
    })
  }

  test('a bold term link and back/forward set the box', async () => {
    const { context, errors, page } = await open('/search?q=Gemnii')
    const suggestion = page.getByRole('link', { name: 'Gemini', exact: true })
    await suggestion.click()
    await expect.poll(() => box(page).inputValue()).toBe('Gemini')
    await page.goBack()
    await expect.poll(() => box(page).inputValue()).toBe('Gemnii')
    await page.goForward()
    await expect.poll(() => box(page).inputValue()).toBe('Gemini')
    expect(errors).toEqual([])
    await context.close()
  })

  test('j/k move between result cards, o opens the original, b bookmarks', async () => {
    const { context, errors, page } = await open('/search?q=AI')
    await expect
      .poll(() => titles(page).then((t) => t.length), { timeout: 15_000 })
      .toBeGreaterThan(2)
    const cards = page.locator('main article[data-item-id]')
    const ids = await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-item-id')))
    const focused = () =>
      page.evaluate(() =>
        document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id'),
      )
    await page.keyboard.press('j')
    await expect.poll(focused).toBe(ids[0])
    await page.keyboard.press('j')
    await expect.poll(focused).toBe(ids[1])
    await page.keyboard.press('k')
    await expect.poll(focused).toBe(ids[0])
    const toggle = cards.first().locator('[data-bookmark-toggle]')
    const before = await toggle.getAttribute('aria-pressed')
    await page.keyboard.press('b')
    await expect.poll(() => toggle.getAttribute('aria-pressed')).not.toBe(before)
    const href = await cards.first().locator('a[data-original-link]').getAttribute('href')
    await context.route('https://**/*', (route) => route.fulfill({ status: 200, body: 'original' }))
    const popup = context.waitForEvent('page')
    await page.keyboard.press('o')
    // A new page starts at about:blank: wait for it to reach the original.
    const opened = await popup
    await opened.waitForURL(href!)
    expect(opened.url()).toBe(href)
    expect(errors).toEqual([])
    await context.close()
  })

  test('the heading matches the other pages; the "/" hint shows only with room for a keyboard', async () => {
    for (const width of [375, 1280]) {
      const { context, errors, page } = await open('/categories', { width })
      const size = () => page.locator('main h1').evaluate((el) => getComputedStyle(el).fontSize)
      // The header and the page rendered: only then does "not visible" mean something.
      await box(page).waitFor()
      await page.locator('main h1').waitFor()
      const categories = await size()
      const hint = page.locator('[data-search-hint]')
      await expect.poll(() => hint.isVisible()).toBe(width >= 640)
      expect(await hint.count()).toBe(1)
      await page.goto(inject('baseUrl') + '/search')
      expect(await size()).toBe(categories)
      await box(page).fill('RLVR')
      expect(await hint.isVisible()).toBe(false)
      expect(errors).toEqual([])
      await context.close()
    }
  })
})

describe('worker failures and titles', () => {
  test('a worker script that fails to load (stale after a deploy) shows the retry, which recovers', async () => {
    const { context, page } = await open('/search')
    let fail = true
    await page.route('**/assets/search.worker-*.js', (route) =>
      fail ? route.fulfill({ status: 404, body: 'gone' }) : route.continue(),
    )
    await box(page).fill('RLVR')
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.innerText(), { timeout: 15_000 }).toMatch(/加载失败/)
    expect(await page.getByText('正在载入搜索索引…').count()).toBe(0)
    fail = false
    // Retry starts a fresh worker, whose script now loads.
    await alert.getByRole('button', { name: '重试' }).click()
    await expect.poll(() => titles(page), { timeout: 15_000 }).toContain(KARPATHY)
    await context.close()
  })

  test('the title names the query in English too', async () => {
    const { context, errors, page } = await open('/')
    await page.evaluate(() => localStorage.setItem('digest-reader:lang', 'en'))
    await page.goto(inject('baseUrl') + '/search?q=RLVR')
    await expect
      .poll(() => page.title(), { timeout: 15_000 })
      .toBe('“RLVR” · Search · Digest Reader')
    await page.goto(inject('baseUrl') + '/search')
    await expect.poll(() => page.title()).toBe('Search · Digest Reader')
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('screenshots', () => {
  const states = [
    ['results', '/search?q=Nano%20Banana'],
    ['empty', '/search'],
    ['no-results', '/search?q=Gemnii'],
  ] as const
  for (const width of [375, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`${width} ${colorScheme}`, async () => {
        const { context, errors, page } = await open('/', { width, colorScheme })
        for (const [name, path] of states) {
          await page.goto(inject('baseUrl') + path)
          if (name === 'empty') {
            await expect.poll(() => page.getByText('最近的话题').count()).toBe(1)
          } else {
            await expect
              .poll(() => outcome(page).innerText(), { timeout: 15_000 })
              .toMatch(/共 \d+ 条结果|没有找到/)
          }
          await screenshot(page, `search-${name}-${width}-${colorScheme}`, true)
        }
        expect(errors).toEqual([])
        await context.close()
      })
    }
  }
})
