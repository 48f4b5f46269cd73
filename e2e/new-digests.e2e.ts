import {
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, screenshot } from './support/browser'
import { axeViolations } from './support/axe'
import { openContext } from './support/context'
import { watchCsp } from './support/csp-watch'
import { hasNginx, startNginx, type NginxServer } from './support/nginx'
import { buildApp } from './support/server'

/**
 * A tab left open while a new deploy with one more digest goes out: the tab notices (on focus;
 * the timer takes the same path), offers "1 条新摘要", and accepting shows the new digest on top
 * with no reload, the bookmark still set and the card the reader was on at the same place on
 * screen. Served by the deploy's nginx config from a folder whose files are swapped, as a deploy
 * swaps them, with the service worker controlling the page.
 */
const BUNDLED = 'content/digests/ai-4h/2025/12/2025-12-22-04.md'
const NEW_TITLE = '2025.12.22.08 过去4小时全球AI发生了什么？'
const work = mkdtempSync(join(tmpdir(), 'new-digests-'))
const DIST_OLD = 'dist-updates-old'
const DIST_NEW = 'dist-updates-new'
// Served by nginx, whose worker may not read a private temp folder: beside the other builds.
// `live` is a symbolic link to the deployed copy.
const live = 'dist-updates-live'
let deploys = 0

/** The bundled content plus copies of its digest at other 4-hour slots. */
function contentRoot(name: string, slots: string[]): string {
  const root = join(work, name)
  cpSync('content/digests', root, { recursive: true })
  const source = readFileSync(BUNDLED, 'utf8')
  for (const slot of slots) {
    const text = source
      .replace('2025.12.22.04', `2025.12.22.${slot}`)
      .replace('2025-12-22T04:08:38', `2025-12-22T${slot}:08:38`)
    writeFileSync(join(root, `ai-4h/2025/12/2025-12-22-${slot}.md`), text)
  }
  return root
}

/**
 * Replaces the served files with a build's at once, as a host's deploy does: the old files are
 * gone, and no request ever sees half a copy. (Removing and copying in place left a window where
 * a page's late request, such as the offline chunk fetched once the page is idle, got a 404.)
 */
function deploy(dist: string): void {
  rmSync(`${live}.next`, { force: true })
  const previous = deploys > 0 ? `${live}-${deploys}` : undefined
  deploys += 1
  const copy = `${live}-${deploys}`
  cpSync(dist, copy, { recursive: true })
  symlinkSync(copy, `${live}.next`)
  renameSync(`${live}.next`, live)
  if (previous) rmSync(previous, { recursive: true, force: true })
}

let browser: Browser
let server: NginxServer
beforeAll(async () => {
  if (!hasNginx()) throw new Error('nginx is not installed (apt-get install nginx)')
  // Two builds (the CI cost of this file): before and after one more digest.
  await buildApp({ outDir: DIST_OLD, digestsDir: contentRoot('old', ['00']) })
  await buildApp({ outDir: DIST_NEW, digestsDir: contentRoot('new', ['00', '08']) })
  // A folder left by an older version of this file would block the link.
  rmSync(live, { recursive: true, force: true })
  deploy(DIST_OLD)
  server = await startNginx(live)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
  for (const dir of [work, DIST_OLD, DIST_NEW, live, `${live}-${deploys}`])
    rmSync(dir, { recursive: true, force: true })
})

const banner = (page: Page, name: string | RegExp) =>
  page.getByRole('status').getByRole('button', { name })

/** The first item card below the top of the viewport, and where it is. */
function cardOnScreen(page: Page) {
  return page.evaluate(() => {
    for (const card of document.querySelectorAll('main [data-item-id]')) {
      const top = card.getBoundingClientRect().top
      if (top > 80) return { id: card.getAttribute('data-item-id')!, top }
    }
    throw new Error('no card on screen')
  })
}
const topOf = (page: Page, id: string) =>
  page.locator(`main [data-item-id="${id}"]`).evaluate((card) => card.getBoundingClientRect().top)

describe('new digests while reading', () => {
  test('an open tab offers "1 条新摘要"; accepting keeps the bookmark and the place', async () => {
    deploy(DIST_OLD)
    const watched = await openContext(browser, { serviceWorkers: 'allow' })
    const csp = await watchCsp(watched.context)
    const page = await watched.newPage()
    await page.goto(server.url + '/')
    await page.locator('main [data-item-id]').first().waitFor()
    // The worker controls the page: its index.html check must still reach the network.
    await expect
      .poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 })
      .toBe(true)

    await page.evaluate(() => window.scrollTo(0, 1500))
    const before = await cardOnScreen(page)
    const card = page.locator(`main [data-item-id="${before.id}"]`)
    const toggle = card.getByRole('button', { name: '收藏', exact: true })
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    const place = await topOf(page, before.id)

    deploy(DIST_NEW)
    await page.evaluate(() => window.dispatchEvent(new Event('focus')))
    const offer = banner(page, '1 条新摘要')
    await offer.waitFor({ timeout: 15_000 })
    expect(await axeViolations(page)).toEqual([])
    // Nothing moved while the offer appeared.
    expect(await topOf(page, before.id)).toBeCloseTo(place, 0)

    // A plain mouse click where the offer is: locator.click() first scrolls a sticky element
    // "into view" by a few pixels, which a reader's click does not.
    const box = (await offer.boundingBox())!
    const seen = await topOf(page, before.id)
    const navigations: string[] = []
    page.on('framenavigated', (frame) => navigations.push(frame.url()))
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(() => banner(page, /新摘要/).count()).toBe(0)
    // Same card, same place on screen, still bookmarked; and no reload.
    const drift = async () => Math.round((await topOf(page, before.id)) - seen)
    await expect.poll(drift).toBe(0)
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    expect(navigations).toEqual([])
    // The new digest is on top.
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect.poll(() => page.locator('main').innerText()).toContain('3 期摘要')
    await expect
      .poll(async () => {
        const text = await page.locator('main').innerText()
        return text.includes(NEW_TITLE) && text.indexOf(NEW_TITLE) < text.indexOf('2025.12.22.04')
      })
      .toBe(true)
    expect([...watched.errors, ...(await csp.collect())]).toEqual([])
  })

  test('screenshots: the offer at 375 and 1280, light and dark', async () => {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        deploy(DIST_OLD)
        const watched = await openContext(browser, { width, colorScheme })
        const page = await watched.newPage()
        await page.goto(server.url + '/')
        await page.locator('main [data-item-id]').first().waitFor()
        await page.evaluate(() => window.scrollTo(0, 900))
        deploy(DIST_NEW)
        await page.evaluate(() => window.dispatchEvent(new Event('focus')))
        await banner(page, '1 条新摘要').waitFor({ timeout: 15_000 })
        expect(await axeViolations(page), `${width} ${colorScheme}`).toEqual([])
        await screenshot(page, `new-digests-${width}-${colorScheme}`, true)
        expect(watched.errors).toEqual([])
        await watched.context.close()
      }
    }
  })
})
