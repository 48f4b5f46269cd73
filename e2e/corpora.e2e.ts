import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { assembleCorporaRoot, defaultCorporaDir } from '../pipeline/corpora-root'
import { fold } from '../src/lib/search-text/normalize'
import { launchBrowser, screenshot } from './support/browser'
import { openContext } from './support/context'
import { axeViolations } from './support/axe'
import { readBuiltContent } from './support/built-content'
import { buildApp, startPreview, type PreviewServer } from './support/server'

/**
 * The reader over a real multi-publisher archive: the three corpora in `../shared/corpora` beside
 * the seed, built once into its own output folder.
 */
const CORPORA = defaultCorporaDir()
const OUT = 'dist-corpora-e2e'
const hasCorpora = existsSync(CORPORA)
if (!hasCorpora && process.env.CI)
  throw new Error(`CI is set but the corpora are missing at ${CORPORA}`)
if (!hasCorpora) console.log(`corpora e2e skipped: no corpora at ${CORPORA}`)

/** A ylq-box weekly report: its items carry no link at all. */
const LINKLESS_DIGEST = 'ylq-box-2026-04-27-00-weekly'
const FILTER = { name: '按发布者筛选' }
describe.runIf(hasCorpora)('the reader over the corpora', () => {
  let server: PreviewServer
  let browser: Browser
  let content: ReturnType<typeof readBuiltContent>

  beforeAll(async () => {
    const root = await assembleCorporaRoot(CORPORA, 'content/digests')
    await buildApp({ outDir: OUT, digestsDir: root })
    content = readBuiltContent(OUT)
    server = await startPreview(OUT)
    browser = await launchBrowser()
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const publishersOnPage = (page: Page) =>
    page.$$eval('[data-publisher]', (nodes) => nodes.map((n) => n.getAttribute('data-publisher')))

  test('the timeline shows digests of several publishers, and the filter narrows it', async () => {
    expect(content.head.publishers.length).toBeGreaterThanOrEqual(3)
    const { context, errors, newPage } = await openContext(browser)
    const page = await newPage()
    const chunks: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/data/chunks/')) chunks.push(r.url())
    })
    await page.goto(server.url + '/')
    await page.locator('[data-item-id]').first().waitFor()
    // The newest digests may all be one publisher's: scrolling on meets the others.
    const seen = new Set<string>()
    await expect
      .poll(async () => {
        for (const p of await publishersOnPage(page)) if (p) seen.add(p)
        await page.mouse.wheel(0, 2500)
        return seen.size
      })
      .toBeGreaterThanOrEqual(2)
    await page.evaluate(() => window.scrollTo(0, 0))

    const filter = page.getByRole('navigation', FILTER)
    await filter.getByRole('link', { name: /Horizon 摘要/ }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('publisher')).toBe('horizon')
    await expect
      .poll(async () => new Set(await publishersOnPage(page)))
      .toEqual(new Set(['horizon']))

    // A reload keeps the filter, and fetches only Horizon's chunks: those of the digests on
    // screen, each once.
    chunks.length = 0
    await page.reload()
    await page.locator('[data-item-id]').first().waitFor()
    expect(await filter.locator('[aria-current="page"]').textContent()).toMatch(/Horizon 摘要/)
    expect(new Set(await publishersOnPage(page))).toEqual(new Set(['horizon']))
    const fetched = chunks.map((u) => u.replace(/^.*\/data\//, ''))
    expect(fetched.length).toBeGreaterThan(0)
    expect(fetched).toHaveLength(new Set(fetched).size)
    for (const file of fetched) expect(file).toMatch(/^chunks\/horizon-/)
    const [newest] = content.summaries.filter((d) => d.publisher === 'horizon')
    expect(fetched).toContain(newest!.chunk)

    // Scrolling on keeps to the publisher.
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 2500)
    await expect.poll(() => page.locator('section.digest-block').count()).toBeGreaterThan(1)
    expect(new Set(await publishersOnPage(page))).toEqual(new Set(['horizon']))
    expect(errors).toEqual([])
    await context.close()
  })

  test('a category page works with the publisher filter', async () => {
    const { context, errors, newPage } = await openContext(browser)
    const page = await newPage()
    const name = '技术创新'
    const inCategory = content.summaries.filter((d) => d.categories.includes(name))
    const publishers = new Set(inCategory.map((d) => d.publisher))
    expect(publishers.size).toBeGreaterThanOrEqual(2)
    const [chosen] = [...publishers]
    const count = inCategory.filter((d) => d.publisher === chosen).length
    await page.goto(`${server.url}/categories?publisher=${chosen}`)
    await page.getByRole('link', { name: new RegExp(`${name}\\s*${count} 期`) }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('publisher')).toBe(chosen)
    await page.locator('[data-item-id]').first().waitFor()
    await page.reload()
    await page.locator('[data-item-id]').first().waitFor()
    expect(await page.locator('h1').textContent()).toBe(name)
    expect(new Set(await publishersOnPage(page))).toEqual(new Set([chosen]))
    // The heading counts them; the page (virtual) renders those on screen, all of that publisher.
    expect(await page.getByText(`${count} 期摘要`).count()).toBe(1)
    const first = inCategory.find((d) => d.publisher === chosen)!
    await page.locator(`section[aria-labelledby="digest-${first.id}"]`).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  test('an item page of each publisher loads; a link-less item has no outbound link', async () => {
    const { context, errors, newPage } = await openContext(browser)
    const page = await newPage()
    for (const publisher of content.head.publishers) {
      const summary = content.summaries.find((d) => d.publisher === publisher.id)!
      const item = content.digest(summary).items[0]!
      await page.goto(`${server.url}/items/${encodeURIComponent(item.id)}`)
      await expect.poll(() => page.locator('h1').textContent()).toBe(item.title)
      expect(await page.locator('[data-publisher]').textContent()).toBe(publisher.name)
      expect(await page.locator('[data-original-link]').count()).toBe(item.url ? 1 : 0)
    }

    // Horizon lists tags (`**标签**: \`#python\``): they link to their topic like bold terms do.
    const horizon = content.summaries.find((d) => d.publisher === 'horizon')!
    await page.goto(`${server.url}/digests/${horizon.id}`)
    const tag = page.locator('[data-item-id] a.term-link', { has: page.locator('code') }).first()
    const tagText = (await tag.textContent())!
    expect(tagText).toMatch(/^#\S+$/)
    await tag.click()
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/topics\/./)
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 })

    await page.goto(`${server.url}/digests/${LINKLESS_DIGEST}`)
    const cards = page.locator('[data-item-id]')
    await cards.first().waitFor()
    expect(await cards.count()).toBeGreaterThan(1)
    const first = cards.first()
    expect(await first.locator('a[target="_blank"], [data-original-link]').count()).toBe(0)
    expect(await first.getByRole('link', { name: '永久链接' }).count()).toBe(1)
    expect(errors).toEqual([])
    await context.close()
  })

  test(
    'a first search fetches index shards only, and finds what an includes scan finds',
    {
      // Dozens of queries over the whole corpora, each checked against a scan: slow on 2 cores.
      timeout: 180_000,
    },
    async () => {
      // Every item's folded title, terms and summary: the ground truth a plain scan gives.
      const texts = new Map<string, string>()
      for (const file of new Set(content.summaries.map((d) => d.chunk))) {
        for (const digest of content.chunk(file).digests) {
          for (const item of digest.items) {
            texts.set(item.id, fold(`${item.title}\n${item.terms.join('\n')}\n${item.text}`))
          }
        }
      }
      const scan = (query: string) => {
        const words = fold(query).split(/\s+/).filter(Boolean)
        return [...texts]
          .filter(([, text]) => words.every((w) => text.includes(w)))
          .map(([id]) => id)
      }
      const root = content.searchRoot()
      const textShards = root.segments.reduce((n, s) => n + s.textCount, 0)
      const { context, errors, newPage } = await openContext(browser)
      const page = await newPage()
      const requests: string[] = []
      page.on('request', (r) => {
        if (r.url().includes('/data/')) requests.push(r.url().replace(/^.*\/data\//, ''))
      })
      const ids = async () => {
        // The list is virtual and paged: scroll to its end until every result has been on screen.
        const seen = new Set<string>()
        const total = Number(
          (await page.getByText(/共 \d+ 条结果/).textContent())!.match(/\d+/)![0],
        )
        for (let i = 0; i < 400 && seen.size < total; i++) {
          for (const id of await page
            .locator('main article[data-item-id]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')!)))
            seen.add(id)
          await page.mouse.wheel(0, 600)
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
        }
        return { seen, total }
      }
      await page.goto(`${server.url}/search?q=RLVR`)
      await page.getByText(/共 \d+ 条结果/).waitFor({ timeout: 30_000 })
      const first = [...requests]
      // The head, the filters' aggregates, index files and the topic index (which names each topic's
      // other forms, for results found through them): no chunk, no month page.
      expect(first.filter((f) => !/^(head\.|aggregates\.|search\/|topics\/)/.test(f))).toEqual([])
      for (const file of first.filter((f) => f.startsWith('search/'))) {
        expect(file).toMatch(
          /^search\/(root\.[0-9a-f]+|[\w-]+\.[0-9a-f]+\/(docs|vocab|terms|p\d+|t\d+))\.json$/,
        )
      }
      // Text only for the results it ranks and shows, never the whole archive's.
      const textFetched = first.filter((f) => /\/t\d+\.json$/.test(f)).length
      expect(textFetched).toBeGreaterThan(0)
      expect(textFetched).toBeLessThan(Math.min(textShards / 2, 80))
      for (const query of ['RLVR', 'Anthropic', '强化学习', 'Claude Code']) {
        await page.goto(`${server.url}/search?q=${encodeURIComponent(query)}`)
        await page.getByText(/共 \d+ 条结果/).waitFor({ timeout: 30_000 })
        const expected = scan(query)
        const { seen, total } = await ids()
        expect(total, query).toBeGreaterThanOrEqual(expected.length)
        expect(
          expected.filter((id) => !seen.has(id)),
          query,
        ).toEqual([])
      }
      expect(errors).toEqual([])
      await context.close()
    },
  )

  test('search covers every publisher, and its publisher filter narrows the results', async () => {
    const { context, errors, newPage } = await openContext(browser)
    const page = await newPage()
    const resultIds = () =>
      page
        .locator('article h2 a[href*="/items/"]')
        .evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!)))
    const total = async () =>
      Number((await page.getByText(/共 \d+ 条结果/).textContent())!.match(/\d+/)![0])

    await page.goto(`${server.url}/search?q=OpenAI`)
    await page.getByText(/共 \d+ 条结果/).waitFor({ timeout: 30_000 })
    const all = await total()
    expect(all).toBeGreaterThan(20)

    // The same query, filtered to one lenient publisher: fewer results, all of that publisher.
    await page.goto(`${server.url}/search?q=OpenAI&publisher=horizon`)
    await page.getByText(/共 \d+ 条结果/).waitFor({ timeout: 30_000 })
    const horizon = await total()
    expect(horizon).toBeGreaterThan(0)
    expect(horizon).toBeLessThan(all)
    // The rows render in a background pass after the count.
    await expect.poll(async () => (await resultIds()).length).toBeGreaterThan(0)
    const ids = await resultIds()
    for (const id of ids) expect(id).toMatch(/^\/items\/horizon-/)
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  })

  test('nothing scrolls sideways at 360 px: timeline, a ylq-box daily, Horizon digests', async () => {
    const { context, errors, newPage } = await openContext(browser, { width: 360, height: 740 })
    const page = await newPage()
    const newest = (publisher: string, suffix = '') =>
      content.summaries.find((d) => d.publisher === publisher && d.id.endsWith(suffix))!.id
    const paths = [
      '/',
      '/?publisher=ylq-box',
      `/digests/${newest('ylq-box', '-daily')}`,
      `/digests/${newest('horizon', '-zh')}`,
      `/digests/${newest('horizon', '-en')}`,
    ]
    for (const path of paths) {
      await page.goto(server.url + path)
      await page.locator('[data-item-id]').first().waitFor()
      await page.evaluate(() => document.fonts.ready)
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }))
      expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  /**
   * Going back may fetch several month chunks before the page can be restored: allow for a busy
   * machine rather than the default second.
   */
  const RESTORE_WAIT = { timeout: 15_000 }

  /** The first item card whose top is in the viewport, and where it is. */
  const topCard = (page: Page) =>
    page.evaluate(() => {
      const card = [...document.querySelectorAll('[data-item-id]')].find(
        (c) => c.getBoundingClientRect().top >= 0,
      )!
      return {
        y: Math.round(window.scrollY),
        id: card.getAttribute('data-item-id'),
        top: Math.round(card.getBoundingClientRect().top),
      }
    })

  test('a long digest met below the screen fills in over frames, then sits flush with the next', async () => {
    const { context, errors, newPage } = await openContext(browser, { width: 1280, height: 800 })
    const page = await newPage()
    await page.goto(server.url + '/')
    await page.locator('[data-item-id]').first().waitFor()
    // Notes, frame by frame, whether any row is marked as filling in (digest-feed.tsx).
    await page.evaluate(() => {
      const seen = window as unknown as { filling?: boolean }
      const look = () => {
        if (document.querySelector('[data-filling]')) seen.filling = true
        else requestAnimationFrame(look)
      }
      look()
    })
    const long = content.summaries.slice(1, 10).find((d) => d.itemCount > 20)
    expect(long, 'a digest of over 20 items among the newest ten').toBeDefined()
    const cards = page.locator(`[data-item-id^="${long!.id}-"]`)
    // Down a screen at a time, as a reader scrolls: the row mounts below the screen first.
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 700)
          return cards.count()
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as unknown as { filling?: boolean }).filling)).toBe(
      true,
    )
    await expect.poll(() => cards.count()).toBe(long!.itemCount)
    // Measured once whole: the next row starts where this one ends, no overlap, no gap.
    const row = cards.first().locator('xpath=ancestor::*[@data-index][1]')
    const index = Number(await row.getAttribute('data-index'))
    const next = page.locator(`[data-index="${index + 1}"]`)
    await expect
      .poll(async () => {
        const [a, b] = [await row.boundingBox(), await next.boundingBox()]
        return a && b ? Math.abs(Math.round(b.y - (a.y + a.height))) : null
      })
      .toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  test('back restores the exact scroll position of a long timeline', async () => {
    const { context, errors, newPage } = await openContext(browser, { width: 360, height: 740 })
    const page = await newPage()
    await page.goto(server.url + '/')
    await page.locator('[data-item-id]').first().waitFor()
    await page.evaluate(() => window.scrollTo(0, 3000))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(3000)
    const before = await topCard(page)
    await page.locator(`[data-item-id="${before.id}"] h4 a`).click()
    // Wait for the item page itself: the timeline has an <h1> too.
    await page.waitForURL(/\/items\//)
    await page.locator('article h1').waitFor()
    await page.goBack()
    await page.waitForURL(server.url + '/')
    await expect.poll(() => topCard(page), RESTORE_WAIT).toEqual(before)
    expect(errors).toEqual([])
    await context.close()
  })

  test('back restores the position even when the feed’s months are no longer cached', async () => {
    // A category whose newest digests fill one month and whose last lies in another: after a
    // reload on the item page only that item's month is cached when the reader goes back.
    const name = '技术创新'
    const inCategory = content.summaries.filter((d) => d.categories.includes(name))
    expect(new Set(inCategory.map((d) => d.chunk)).size).toBeGreaterThan(1)
    const last = inCategory.at(-1)!
    expect(inCategory.slice(0, -1).every((d) => d.chunk !== last.chunk)).toBe(true)
    const { context, errors, newPage } = await openContext(browser, { width: 1280, height: 800 })
    const page = await newPage()
    await page.goto(`${server.url}/categories/${encodeURIComponent(name)}`)
    await page.locator('[data-item-id]').first().waitFor()
    const target = page.locator(`[data-item-id^="${last.id}-"]`).nth(3)
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
        return target.count()
      })
      .toBe(1)
    await target.scrollIntoViewIfNeeded()
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
    const before = await topCard(page)
    await target.locator('a[href*="/items/"]').first().click()
    // Reload only once the item page is in place and its effects have run (the title is set by
    // one): React Router re-arms its pagehide handler in an effect, and a reload a few
    // milliseconds earlier would save the item page's scroll under the category's entry.
    await page.waitForURL(/\/items\//)
    const itemTitle = (await page.locator('article h1').textContent())!
    await expect.poll(() => page.title()).toContain(itemTitle.trim())
    await page.reload()
    await page.locator('article h1').waitFor()
    await page.goBack()
    // The item page has an item card too: wait for the category page's feed.
    await page.waitForURL(/\/categories\//)
    await expect.poll(() => topCard(page), RESTORE_WAIT).toEqual(before)
    expect(errors).toEqual([])
    await context.close()
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [375, 1280]) {
      test(`screenshots and accessibility at ${width}px in ${colorScheme}`, async () => {
        const { context, errors, newPage } = await openContext(browser, {
          width,
          height: width < 600 ? 812 : 860,
          colorScheme,
        })
        const page = await newPage()
        for (const [name, path] of [
          ['timeline', '/'],
          ['digest', `/digests/${LINKLESS_DIGEST}`],
          ['', '/categories?publisher=horizon'],
        ] as const) {
          await page.goto(server.url + path)
          if (name) await page.locator('[data-item-id]').first().waitFor()
          else await page.getByRole('navigation', FILTER).waitFor()
          await page.evaluate(() => document.fonts.ready)
          if (name) await screenshot(page, `corpora-${name}-${width}-${colorScheme}`, true)
          expect(await axeViolations(page), path).toEqual([])
        }
        expect(errors).toEqual([])
        await context.close()
      })
    }
  }
})
