import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/browser'
import { axeViolations } from './support/axe'
import { readBuiltContent } from './support/built-content'
import { openContext } from './support/context'
import { watchCsp } from './support/csp-watch'
import { hasNginx, startNginx, type NginxServer } from './support/nginx'

/**
 * The service worker, as deployed (deploy/nginx/): after one visit the app reloads with no
 * network, from its caches, says it is offline, opens a digest already read by deep link, and
 * says nothing once the network is back. No CSP violation, no console error.
 */
const outDir = process.env.E2E_DIST || 'dist'
const content = readBuiltContent(outDir)
// An older digest, read online first: its month page and chunk are what must open offline.
const older = content.summaries.at(-1)!

let browser: Browser
let server: NginxServer
beforeAll(async () => {
  if (!hasNginx()) throw new Error('nginx is not installed (apt-get install nginx)')
  server = await startNginx(outDir)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const indicator = (page: Page) => page.locator('header [data-offline-indicator]')
const firstCard = (page: Page) => page.locator('main [data-item-id]').first()

/** Waits until the service worker controls the page and has kept every data file it read. */
async function waitForWorker(page: Page) {
  await expect
    .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
    .toBe(true)
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const read = performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((url) => url.includes('/data/'))
          const cache = await caches.open('digest-immutable-v1')
          const kept = await Promise.all(read.map((url) => cache.match(url)))
          return read.length > 0 && kept.every(Boolean)
        }),
      { timeout: 20_000 },
    )
    .toBe(true)
}

describe('offline', () => {
  test('after a visit the app reloads offline, opens a digest read before, and says so', async () => {
    const watched = await openContext(browser, { serviceWorkers: 'allow' })
    const csp = await watchCsp(watched.context)
    const page = await watched.newPage()
    const sw = await page.request.get(server.url + '/sw.js')
    expect(sw.headers()['cache-control']).toBe('no-cache')
    const manifest = await page.request.get(server.url + '/manifest.webmanifest')
    expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/)
    expect((await manifest.json()) as unknown).toMatchObject({ start_url: '/', scope: '/' })

    await page.goto(server.url + '/')
    await firstCard(page).waitFor()
    await waitForWorker(page)
    expect(await indicator(page).innerText()).toBe('')
    await page.goto(server.url + `/digests/${encodeURIComponent(older.id)}`)
    await expect.poll(() => page.locator('main h1').innerText()).toContain(older.title)
    await waitForWorker(page)

    await watched.context.setOffline(true)
    await page.goto(server.url + '/')
    await firstCard(page).waitFor()
    await expect.poll(() => indicator(page).innerText()).toBe('离线')
    await page.reload()
    await firstCard(page).waitFor()
    expect(await indicator(page).innerText()).toBe('离线')
    expect(await axeViolations(page)).toEqual([])
    // A deep link opened offline: the one cached index.html answers every path.
    await page.goto(server.url + `/digests/${encodeURIComponent(older.id)}`)
    await expect.poll(() => page.locator('main h1').innerText()).toContain(older.title)
    expect(await indicator(page).innerText()).toBe('离线')

    await watched.context.setOffline(false)
    await expect.poll(() => indicator(page).innerText()).toBe('')
    expect([...watched.errors, ...(await csp.collect())]).toEqual([])
  })

  test('screenshots: the offline indicator at 375 and 1280, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const watched = await openContext(browser, { width, colorScheme })
        const page = await watched.newPage()
        await page.goto(server.url + '/')
        await firstCard(page).waitFor()
        // A visit that went as far as loading offline support (its chunk loads once the page is
        // idle; workers are blocked in this context): going offline before that is another case.
        await page.waitForFunction(() =>
          performance.getEntriesByType('resource').some((e) => e.name.includes('/register-sw-')),
        )
        await watched.context.setOffline(true)
        await expect.poll(() => indicator(page).innerText()).toBe('离线')
        expect(await axeViolations(page), `${width} ${colorScheme}`).toEqual([])
        await screenshot(page, `offline-${width}-${colorScheme}`, true)
        expect(watched.errors).toEqual([])
        await watched.context.close()
      }
    }
  })
})
