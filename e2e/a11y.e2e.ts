import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, newContext, type Watched } from './support/browser'
import { axeViolations } from './support/axe'
import { readBuiltContent } from './support/built-content'

/**
 * axe-core on every route of the app, in both themes, at phone and desktop widths: no serious or
 * critical issue (colour contrast in each theme included). Also the states a route can be in that
 * draw other things: search with results and with none, bookmarks empty and full, the shortcut
 * sheet open.
 */
const content = readBuiltContent(process.env.E2E_DIST || 'dist')
const digest = content.digest(content.summaries[0]!)
const item = digest.items[0]!
const category = content.aggregates().categories[0]!.name

const ROUTES: { path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { path: '/', ready: (p) => p.locator('main [data-item-id]').first().waitFor() },
  {
    path: `/digests/${encodeURIComponent(digest.id)}`,
    ready: (p) => p.locator('main [data-item-id]').first().waitFor(),
  },
  {
    path: `/items/${encodeURIComponent(item.id)}`,
    ready: (p) => p.locator('main [data-item-id]').first().waitFor(),
  },
  { path: '/categories', ready: (p) => p.locator('main li').first().waitFor() },
  {
    path: `/categories/${encodeURIComponent(category)}`,
    ready: (p) => p.locator('main [data-item-id]').first().waitFor(),
  },
  { path: '/search', ready: (p) => p.getByText('最近的话题').waitFor() },
  {
    path: '/search?q=RLVR',
    ready: (p) => p.locator('main [data-query="RLVR"][aria-busy="false"]').waitFor(),
  },
  {
    path: '/search?q=zzzqqq',
    ready: (p) => p.locator('main [data-query="zzzqqq"][aria-busy="false"]').waitFor(),
  },
  { path: '/bookmarks', ready: (p) => p.locator('main h1').waitFor() },
  { path: '/no/such/page', ready: (p) => p.getByRole('heading', { name: '页面不存在' }).waitFor() },
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
    describe(`${width}px, ${colorScheme}`, () => {
      // One page per width and theme, reused route after route (contexts are costly here).
      let watched: Watched
      let page: Page
      beforeAll(async () => {
        watched = await newContext(browser, { width, colorScheme })
        page = await watched.newPage()
      })
      afterAll(async () => {
        await watched?.context.close()
      })

      for (const route of ROUTES) {
        test(route.path, async () => {
          watched.errors.length = 0
          await page.goto(inject('baseUrl') + route.path)
          await route.ready(page)
          expect(await axeViolations(page)).toEqual([])
          expect(watched.errors).toEqual([])
        })
      }

      test('bookmarks listed, English UI, the shortcut sheet open', async () => {
        watched.errors.length = 0
        await page.goto(inject('baseUrl') + '/')
        const card = page.locator('main [data-item-id]').first()
        await card.locator('[data-bookmark-toggle]').click()
        await page.goto(inject('baseUrl') + '/bookmarks')
        await page.locator('main a[href^="/items/"]').first().waitFor()
        expect(await axeViolations(page), 'bookmarks').toEqual([])
        await page.evaluate(() => localStorage.setItem('digest-reader:lang', 'en'))
        try {
          for (const path of ['/', '/search?q=RLVR']) {
            await page.goto(inject('baseUrl') + path)
            await page.locator('main [data-item-id]').first().waitFor()
            expect(await axeViolations(page), `${path} in English`).toEqual([])
          }
          await page.keyboard.press('?')
          await page.getByRole('dialog').waitFor()
          expect(await axeViolations(page), 'shortcut sheet').toEqual([])
        } finally {
          await page.evaluate(() => localStorage.clear())
        }
        expect(watched.errors).toEqual([])
      })
    })
  }
}
