import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { openContext } from './support/context'

/**
 * A full flow by keyboard alone (Tab, typing, Enter, Space): search, open a result, bookmark it,
 * back. Run with single-key shortcuts on and off: the flow must not depend on them.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** What has the focus, described for assertions. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { role: 'body', text: '', inResult: false }
    return {
      role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      text: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      inResult: !!el.closest('main article[data-item-id] h2'),
      toggle: el.hasAttribute('data-bookmark-toggle'),
    }
  })

/** Presses Tab until `found` holds for the focused element; fails after `max` presses. */
async function tabTo(
  page: Page,
  found: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  max = 40,
) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    if (found(await focused(page))) return
  }
  throw new Error(
    `not reached in ${max} Tab presses; focus on ${JSON.stringify(await focused(page))}`,
  )
}

describe('keyboard only', () => {
  for (const shortcuts of ['on', 'off'] as const) {
    test(`search, open a result, bookmark it, back (single-key shortcuts ${shortcuts})`, async () => {
      const { context, errors, newPage } = await openContext(browser)
      if (shortcuts === 'off') {
        await context.addInitScript(() => {
          if (location.protocol.startsWith('http'))
            localStorage.setItem('digest-reader:single-key-shortcuts', 'off')
        })
      }
      const page = await newPage()
      await page.goto(inject('baseUrl') + '/')
      await page.locator('main [data-item-id]').first().waitFor()
      await tabTo(page, (f) => f.type === 'search')
      await page.keyboard.type('RLVR')
      const results = page.locator('main [data-query="RLVR"][aria-busy="false"]')
      await results.waitFor({ timeout: 15_000 })
      expect(new URL(page.url()).pathname).toBe('/search')

      await tabTo(page, (f) => f.inResult)
      const title = (await focused(page)).text
      await page.keyboard.press('Enter')
      await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/items\//)
      await expect.poll(() => page.locator('main h1').innerText()).toBe(title)

      await tabTo(page, (f) => !!f.toggle)
      await page.keyboard.press('Space')
      const toggle = page.locator('main [data-bookmark-toggle]').first()
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')

      await page.goBack()
      await expect.poll(() => new URL(page.url()).search).toBe('?q=RLVR')
      await results.waitFor({ timeout: 15_000 })
      const card = page.locator('main article[data-item-id]').filter({ hasText: title }).first()
      await expect
        .poll(() => card.locator('[data-bookmark-toggle]').getAttribute('aria-pressed'))
        .toBe('true')
      await page.keyboard.press('Tab')
      expect((await focused(page)).role).not.toBe('body')
      expect(errors).toEqual([])
    })
  }
})
