import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { openContext } from './support/context'

/**
 * The timeline groups digests by their publisher's local day, not the reader's: a browser east of
 * UTC (Shanghai, +8), one west (Los Angeles, −8/−7) and UTC see the same days, slots and order.
 */
let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The day headings and digest slots of the timeline, in order. */
async function timeline(page: Page) {
  await page.goto(inject('baseUrl') + '/')
  await page.locator('main [data-item-id]').first().waitFor()
  return page
    .locator('main h2.day-heading, main section.digest-block h3')
    .evaluateAll((els) => els.map((el) => `${el.tagName} ${el.textContent}`))
}

test('the same days and slots in Shanghai, Los Angeles and UTC', async () => {
  const seen: Record<string, string[]> = {}
  for (const timezoneId of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
    const { errors, newPage } = await openContext(browser, { timezoneId })
    const page = await newPage()
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      timezoneId,
    )
    seen[timezoneId] = await timeline(page)
    expect(errors).toEqual([])
  }
  expect(seen['Asia/Shanghai']!.length).toBeGreaterThan(1)
  expect(seen['America/Los_Angeles']).toEqual(seen['Asia/Shanghai'])
  expect(seen['UTC']).toEqual(seen['Asia/Shanghai'])
})
