import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, screenshot } from './support/browser'
import { openContext } from './support/context'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

test('the app shell loads the seed digest from the built content', async () => {
  const { context, errors, newPage } = await openContext(browser)
  const page = await newPage()
  await page.goto(inject('baseUrl') + '/')
  await expect
    .poll(() => page.getByText('2025.12.22.04 过去4小时全球AI发生了什么？').count())
    .toBeGreaterThan(0)
  await screenshot(page, 'shell')
  expect(errors).toEqual([])

  // index.html preloads the head, and the app's fetch reuses that response: one request, made by
  // the <link> while the scripts were still downloading (a second entry would be the app's own).
  // The first screen needs nothing else of the archive: no month page, chunk or aggregates.
  const dataLoads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/data/'))
      .map((e) => [
        e.name.replace(/^.*\/data\//, '').replace(/[0-9a-f]{10,}/, '#'),
        (e as PerformanceResourceTiming).initiatorType,
      ]),
  )
  expect(dataLoads).toEqual([['head.#.json', 'link']])
  await context.close()
})
