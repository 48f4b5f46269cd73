import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './support/browser'
import { openContext } from './support/context'
import { readBuiltContent } from './support/built-content'

/**
 * Screenshots of every view at phone and desktop widths, light and dark, for docs/screenshots.
 * (axe checks every route in e2e/a11y.e2e.ts.)
 */
const ITEM = '2025-12-22-04-fb0bdbd2'
const content = readBuiltContent(process.env.E2E_DIST || 'dist')
const seed = content.digest(content.summaries.find((s) => s.id === '2025-12-22-04')!)
const itemTitle = seed.items.find((i) => i.id === ITEM)!.title
/** Each view with text that must be on screen when it is photographed. */
const VIEWS = [
  { name: 'timeline', path: '/', items: true, text: seed.title },
  { name: 'digest', path: '/digests/2025-12-22-04', items: true, text: seed.title },
  { name: 'item', path: `/items/${ITEM}`, items: true, text: itemTitle },
  { name: 'categories', path: '/categories', items: false, text: '模型应用' },
  {
    name: 'category',
    path: `/categories/${encodeURIComponent('模型应用')}`,
    items: true,
    text: '模型应用',
  },
  { name: 'not-found', path: '/no/such/page', items: false, text: '页面不存在' },
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
      const { errors, newPage } = await openContext(browser, {
        width,
        height: width < 600 ? 812 : 860,
        colorScheme,
      })
      const page = await newPage()
      for (const view of VIEWS) {
        await page.goto(inject('baseUrl') + view.path)
        await page.locator('h1').first().waitFor()
        if (view.items) await page.locator('[data-item-id]').first().waitFor()
        await page.evaluate(() => document.fonts.ready)
        const dark = await page.evaluate(() => document.documentElement.classList.contains('dark'))
        expect(dark).toBe(colorScheme === 'dark')
        // What the picture shows: the view's own text, on a page no wider than the window.
        await expect.poll(() => page.getByText(view.text).first().isVisible()).toBe(true)
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(overflow, `${view.path}: horizontal overflow`).toBe(0)
        await screenshot(page, `${view.name}-${width}-${colorScheme}`, true)
      }
      expect(errors).toEqual([])
    })
  }
}
