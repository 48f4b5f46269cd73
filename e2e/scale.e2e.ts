import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { buildOf } from '../bench/support/builds'
import { launchBrowser } from './support/browser'
import { openContext } from './support/context'
import { readBuiltContent } from './support/built-content'
import { startPreview, type PreviewServer } from './support/server'

/**
 * The reader at three years of archive (6,570 digests from the seeded generator, the build shared
 * with `npm run bench:load`): the timeline is one long virtual list that reaches its oldest digest,
 * and the way back from an old item lands where the reader was.
 */
describe('three years of digests', () => {
  let server: PreviewServer
  let browser: Browser
  let content: ReturnType<typeof readBuiltContent>

  beforeAll(async () => {
    const build = await buildOf('3 years')
    content = readBuiltContent(build.dist)
    server = await startPreview(build.dist)
    browser = await launchBrowser()
  }, 600_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const topCard = (page: Page) =>
    page.evaluate(() => {
      const card = [...document.querySelectorAll('[data-item-id]')].find(
        (c) => c.getBoundingClientRect().top >= 0 && c.querySelector('h4'),
      )
      return card
        ? {
            y: Math.round(window.scrollY),
            id: card.getAttribute('data-item-id'),
            top: Math.round(card.getBoundingClientRect().top),
          }
        : null
    })

  test('the timeline scrolls to the oldest digest, and back from its item returns to it', async () => {
    expect(content.summaries).toHaveLength(6570)
    const oldest = content.summaries.at(-1)!
    const { context, errors, newPage } = await openContext(browser, { width: 1280, height: 900 })
    const page = await newPage()
    await page.goto(server.url + '/')
    await page.locator('[data-item-id]').first().waitFor()
    expect(await page.getByText('6570 期摘要').count()).toBe(1)
    // End jumps to the bottom of the whole archive; rows measured on the way make the page
    // longer or shorter, so go on until the oldest digest is on screen.
    const oldestBlock = page.locator(`section[aria-labelledby="digest-${oldest.id}"]`)
    await expect
      .poll(
        async () => {
          await page.keyboard.press('End')
          return oldestBlock.locator('h4').count()
        },
        { timeout: 60_000, interval: 300 },
      )
      .toBe(oldest.itemCount)
    await expect(page.getByText('— 已经到底了 —').isVisible()).resolves.toBe(true)

    await oldestBlock.locator('h4').first().scrollIntoViewIfNeeded()
    const reached = await topCard(page)
    // Rows above mount and are measured for a moment after the scroll (the page moves to keep what
    // is on screen still): take the place once two readings a quarter second apart agree.
    let last: Awaited<ReturnType<typeof topCard>> = null
    await expect
      .poll(
        async () => {
          const now = await topCard(page)
          const same = now !== null && JSON.stringify(now) === JSON.stringify(last)
          last = now
          return same
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBe(true)
    const before = last!
    // Rows above that mounted or grew meanwhile moved the page by as much, not what is on screen.
    expect({ id: before.id, near: Math.abs(before.top - reached!.top) <= 4 }).toEqual({
      id: reached!.id,
      near: true,
    })
    // A click where the reader sees the title, as a pointer does. (Playwright's own click, meeting
    // a card that moved under it, scrolls the page to a new place and clicks again: the place
    // saved is then not the one read above.)
    const title = await page.locator(`[data-item-id="${before.id}"] h4 a`).boundingBox()
    await page.mouse.click(title!.x + Math.min(20, title!.width / 2), title!.y + title!.height / 2)
    await page.waitForURL(/\/items\//)
    await page.locator('article h1').waitFor()
    await page.goBack()
    await page.waitForURL(server.url + '/')
    // What the reader sees: the same item at the same place on screen. (The page offset itself
    // may differ by rows far above that were measured meanwhile: 14.6 million pixels of estimates.)
    // Within a few pixels: offsets are rounded from fractional layout positions, and a row far
    // above measured meanwhile may shift the page by a pixel or two.
    const seen = (card: Awaited<ReturnType<typeof topCard>>) =>
      card && { id: card.id, near: Math.abs(card.top - before.top) <= 4 }
    await expect
      .poll(async () => seen(await topCard(page)), { timeout: 15_000 })
      .toEqual({ id: before.id, near: true })
    expect(errors).toEqual([])
    await context.close()
  })
})
