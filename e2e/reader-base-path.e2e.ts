import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { openContext } from './support/context'
import { buildApp, startPreview, type PreviewServer } from './support/server'

/** The app deployed under a sub-path (BASE_PATH=/sub/): every link and data file respects it. */
const OUT = 'dist-reader-sub'
let browser: Browser
let server: PreviewServer
beforeAll(async () => {
  await buildApp({ outDir: OUT, base: '/sub/' })
  server = await startPreview(OUT, '/sub/')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

test('deep links, in-app links and data all live under the base path', async () => {
  const { context, errors, newPage } = await openContext(browser)
  const page = await newPage()
  await page.goto(`${server.url}/items/2025-12-22-04-fb0bdbd2`)
  await expect.poll(() => page.locator('h1').textContent()).toContain('Codex')
  const hrefs = await page
    .locator('a[href^="/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!))
  expect(hrefs.length).toBeGreaterThan(5)
  // The home link is `/sub` itself; everything else lives below it.
  expect(hrefs.filter((href) => href !== '/sub' && !href.startsWith('/sub/'))).toEqual([])
  await page.getByRole('link', { name: /12月22日 04:00 摘要/ }).click()
  await expect
    .poll(() => page.url())
    .toBe(`${server.url}/digests/2025-12-22-04#2025-12-22-04-fb0bdbd2`)
  await page.reload()
  await expect.poll(() => page.locator('.is-highlighted').count()).toBe(1)
  await page.getByRole('link', { name: '分类' }).first().click()
  await expect.poll(() => page.url()).toBe(`${server.url}/categories`)
  expect(errors).toEqual([])
  await context.close()
})
