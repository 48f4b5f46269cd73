import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { SECURITY_HEADERS, SUBRESOURCE_HEADERS } from '../deploy/security-headers'
import { launchBrowser } from './support/browser'
import { readBuiltContent } from './support/built-content'
import { openContext } from './support/context'
import { watchCsp } from './support/csp-watch'
import { hasNginx, startNginx, type NginxServer } from './support/nginx'

/**
 * The built app served by the deploy's own nginx config (deploy/nginx/), as it is deployed: every
 * route by deep link, a search, a bookmark and a reload, under the real headers. Any CSP violation
 * (page or search worker), console error, page error or wrong header fails it.
 */
const outDir = process.env.E2E_DIST || 'dist'
const content = readBuiltContent(outDir)
const digest = content.digest(content.summaries[0]!)
const item = digest.items[0]!
const category = content.aggregates().categories[0]!.name

const ROUTES = [
  { path: '/', heading: null },
  { path: `/digests/${encodeURIComponent(digest.id)}`, heading: digest.title },
  { path: `/items/${encodeURIComponent(item.id)}`, heading: item.title },
  { path: '/categories', heading: '分类' },
  { path: `/categories/${encodeURIComponent(category)}`, heading: category },
  { path: '/search?q=RLVR', heading: '搜索' },
  { path: '/bookmarks', heading: '收藏' },
  { path: '/no/such/page', heading: '页面不存在' },
  { path: '/digests/no-such-digest', heading: '页面不存在' },
]

let browser: Browser
let server: NginxServer
beforeAll(async () => {
  // CI installs nginx (.ci/run): a missing one must fail this suite, not skip it.
  if (!hasNginx()) throw new Error('nginx is not installed (apt-get install nginx)')
  server = await startNginx(outDir)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A context watching for console errors, page errors and CSP violations in pages and workers. */
async function open() {
  const watched = await openContext(browser)
  const csp = await watchCsp(watched.context)
  const page = await watched.newPage()
  /** Everything that went wrong so far; tests assert it is empty. */
  const problems = async () => [...watched.errors, ...(await csp.collect())]
  return { ...watched, page, problems }
}

const heading = (page: Page) => page.locator('main h1').first()

async function request(path: string, encoding = 'br, gzip') {
  const res = await fetch(server.url + path, { headers: { 'accept-encoding': encoding } })
  await res.arrayBuffer()
  return res
}

function expectSecurityHeaders(res: Response, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(res.headers.get(name), `${what}: ${name}`).toBe(value)
  }
}

/** A fetched file's: nosniff and a policy allowing nothing, none of the document-only ones. */
function expectSubresourceHeaders(res: Response, what: string) {
  for (const name of Object.keys(SECURITY_HEADERS)) {
    expect(res.headers.get(name), `${what}: ${name}`).toBe(SUBRESOURCE_HEADERS[name] ?? null)
  }
}

describe('headers', () => {
  const html = readBuiltContent(outDir)
  const indexHtml = () => fetch(server.url + '/').then((r) => r.text())
  const assetsOf = async () => {
    const page = await indexHtml()
    return [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  }

  test('index.html and deep links: no-cache, the CSP and every security header', async () => {
    for (const { path } of ROUTES) {
      const res = await request(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
      expectSecurityHeaders(res, path)
    }
  })

  test('hashed code and styles: immutable, brotli or gzip, with the headers of a fetched file', async () => {
    const assets = await assetsOf()
    expect(assets.length).toBeGreaterThan(2)
    for (const asset of assets) {
      const br = await request(`/${asset}`)
      expect(br.status, asset).toBe(200)
      expect(br.headers.get('cache-control'), asset).toBe('public, max-age=31536000, immutable')
      expect(br.headers.get('content-encoding'), asset).toBe('br')
      expectSubresourceHeaders(br, asset)
      const gz = await request(`/${asset}`, 'gzip')
      expect(gz.headers.get('content-encoding'), asset).toBe('gzip')
    }
  })

  test('the search worker script carries the CSP it runs under', async () => {
    // A worker's policy is its own script's response headers, not the page's.
    const worker = readdirSync(join(outDir, 'assets')).find((f) =>
      /^search\.worker-.*\.js$/.test(f),
    )
    expect(worker).toBeDefined()
    const res = await request(`/assets/${worker}`)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    expect(res.headers.get('content-encoding')).toBe('br')
    expectSecurityHeaders(res, worker!)
  })

  test('data files: immutable, compressed, the headers of a fetched file; a missing one is a 404, never index.html', async () => {
    const headFile = /data-digest-head="([^"]+)"/.exec(await indexHtml())![1]!
    const files = [headFile, `data/${html.head.aggregates}`, `data/${html.summaries[0]!.chunk}`]
      .map((f) => `/${f}`)
      // nginx leaves files under 512 bytes (gzip_min_length) as they are.
      .filter((f) => statSync(join(outDir, f)).size >= 512)
    expect(files.length).toBeGreaterThanOrEqual(2)
    for (const file of files) {
      const res = await request(file)
      expect(res.status, file).toBe(200)
      expect(res.headers.get('content-type'), file).toMatch(/^application\/json/)
      expect(res.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('content-encoding'), file).toBe('br')
      expectSubresourceHeaders(res, file)
      expect((await request(file, 'gzip')).headers.get('content-encoding'), file).toBe('gzip')
    }
    for (const gone of ['/data/chunks/gone.0000.json', '/assets/gone-1234.js']) {
      const res = await fetch(server.url + gone)
      expect(res.status, gone).toBe(404)
      expect(await res.text(), gone).not.toContain('<div id="root">')
    }
  })
})

describe('in the browser, under those headers', () => {
  test('every route by deep link renders with no error and no CSP violation', async () => {
    const { page, problems } = await open()
    for (const route of ROUTES) {
      const res = await page.goto(server.url + route.path)
      expect(res?.headers()['content-security-policy'], route.path).toBe(
        SECURITY_HEADERS['Content-Security-Policy'],
      )
      await heading(page).waitFor()
      if (route.heading) await expect.poll(() => heading(page).innerText()).toContain(route.heading)
      else await page.locator('main [data-item-id]').first().waitFor()
      expect(await problems(), route.path).toEqual([])
    }
  })

  test('a search runs in the worker under the CSP; a bookmark survives a reload', async () => {
    const { page, problems } = await open()
    await page.goto(server.url + '/')
    const box = page.getByRole('searchbox', { name: '搜索', exact: true })
    await box.fill('强化学习')
    const results = page.locator('main [data-query="强化学习"][aria-busy="false"]')
    await results.waitFor({ timeout: 15_000 })
    expect(page.workers().length).toBe(1)
    const card = page.locator('main article[data-item-id]').first()
    const id = await card.getAttribute('data-item-id')
    const toggle = card.getByRole('button', { name: '收藏', exact: true })
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    await page.reload()
    await page.locator(`main article[data-item-id="${id}"]`).waitFor({ timeout: 15_000 })
    await expect
      .poll(() =>
        page
          .locator(`main article[data-item-id="${id}"] [data-bookmark-toggle]`)
          .getAttribute('aria-pressed'),
      )
      .toBe('true')
    await page.goto(server.url + '/bookmarks')
    const listed = page.locator(`main a[href="/items/${encodeURIComponent(id!)}"]`)
    await expect.poll(() => listed.count()).toBe(1)
    expect(await problems()).toEqual([])
  })

  test('a saved dark theme applies before the app runs (no flash of the light one)', async () => {
    const { context, page, problems } = await open()
    await context.addInitScript(() => {
      if (location.protocol.startsWith('http')) localStorage.setItem('digest-reader:theme', 'dark')
    })
    // Without the app's code, only public/theme.js can have set the class.
    await page.route('**/assets/*.js', (route) => route.abort())
    await page.goto(server.url + '/digests/x')
    expect(await page.evaluate(() => document.documentElement.className)).toBe('dark')
    // The aborted scripts are console errors of this test's making, not the app's.
    expect((await problems()).filter((p) => !/net::ERR_FAILED/.test(p))).toEqual([])
  })

  test('the watch is not blind: an inline script and a worker fetch elsewhere are caught', async () => {
    const { page, problems, errors } = await open()
    await page.goto(server.url + '/search?q=RLVR')
    await page.locator('main [data-query="RLVR"][aria-busy="false"]').waitFor({ timeout: 15_000 })
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.ran = true'
      document.head.append(script)
    })
    await page.workers()[0]!.evaluate(() => fetch('https://example.com/').catch(() => {}))
    // Both are reported, in whichever order the page and the worker get to it.
    for (const report of [/page: script-src-elem blocked inline/, /worker: connect-src blocked/]) {
      await expect.poll(async () => (await problems()).join('\n')).toMatch(report)
    }
    expect(await page.evaluate(() => 'ran' in window)).toBe(false)
    errors.length = 0
  })
})
