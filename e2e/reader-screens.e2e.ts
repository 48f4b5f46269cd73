import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, newContext, screenshot } from './support/browser'

/** Screenshots of every view at phone and desktop widths, light and dark, for docs/screenshots. */
const ITEM = '2025-12-22-04-fb0bdbd2'
const VIEWS = [
  { name: 'timeline', path: '/', items: true },
  { name: 'digest', path: '/digests/2025-12-22-04', items: true },
  { name: 'item', path: `/items/${ITEM}`, items: true },
  { name: 'categories', path: '/categories', items: false },
  { name: 'category', path: `/categories/${encodeURIComponent('模型应用')}`, items: true },
  { name: 'not-found', path: '/no/such/page', items: false },
]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1280]) {
    test(`every view renders at ${width}px in ${colorScheme}`, async () => {
      const { context, errors, newPage } = await newContext(browser, {
        width,
        height: width < 600 ? 812 : 860,
        colorScheme,
      })
      const page = await newPage()
      for (const view of VIEWS) {
        await page.goto(inject('baseUrl') + view.path)
        await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0)
        if (view.items) await page.locator('[data-item-id]').first().waitFor()
        await page.evaluate(() => document.fonts.ready)
        const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'))
        expect(dark).toBe(colorScheme === 'dark')
        await screenshot(page, `${view.name}-${width}-${colorScheme}`, true)
      }
      expect(errors).toEqual([])
      await context.close()
    })
  }
}
