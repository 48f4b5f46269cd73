import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { launchBrowser, newContext, screenshot } from './support/browser'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

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

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[]
}

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
        // Accessibility, including colour contrast in this theme: no serious or critical issues.
        await page.addScriptTag({ content: axeSource })
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<AxeResult> } }).axe
          const result = await axe.run()
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
        })
        expect(violations, view.path).toEqual([])
      }
      expect(errors).toEqual([])
      await context.close()
    })
  }
}
