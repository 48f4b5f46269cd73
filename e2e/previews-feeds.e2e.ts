import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { FEEDS } from '../pipeline/feeds'
import { launchBrowser } from './support/browser'
import { readBuiltContent } from './support/built-content'
import { openContext } from './support/context'
import { watchCsp } from './support/csp-watch'
import { hasNginx, startNginx, type NginxServer } from './support/nginx'

/**
 * Link previews and feeds as crawlers, chat apps and feed readers see them: plain HTTP GETs with
 * no JS, against the built app served by the deploy's nginx config and by `vite preview`; and the
 * same URLs in Chromium still boot the app, with no console error and no CSP violation.
 */
const outDir = process.env.E2E_DIST || 'dist'
const content = readBuiltContent(outDir)
const digest = content.digest(content.summaries[0]!)
const item = digest.items.find((i) => i.summary.length > 0)!
const digestPath = `/digests/${encodeURIComponent(digest.id)}`
const itemPath = `/items/${encodeURIComponent(item.id)}`
const topicFeed = readdirSync(join(outDir, 'feeds', 'topics'))[0]

/** The text of an attribute value as written in HTML (what the pages escape). */
const unescape = (text: string) =>
  text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

async function get(url: string) {
  // A crawler's request: HTML accepted, no script run.
  const res = await fetch(url, { headers: { accept: 'text/html,*/*' } })
  const body = await res.text()
  const title = /<title>([^<]*)<\/title>/.exec(body)?.[1]
  const og = /<meta property="og:description" content="([^"]*)"/.exec(body)?.[1]
  return {
    res,
    body,
    title: title && unescape(title),
    description: og && unescape(og),
  }
}

let browser: Browser
let nginx: NginxServer
beforeAll(async () => {
  // CI installs nginx (.ci/run): a missing one must fail this suite, not skip it.
  if (!hasNginx()) throw new Error('nginx is not installed (apt-get install nginx)')
  nginx = await startNginx(outDir)
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await nginx?.stop()
})

const servers = [
  { name: 'nginx (deploy/nginx)', url: () => nginx.url },
  { name: 'vite preview', url: () => inject('baseUrl') },
]

describe.each(servers)('served by $name', ({ url }) => {
  test('a plain GET of a digest URL returns its title and og:description', async () => {
    const page = await get(url() + digestPath)
    expect(page.res.status).toBe(200)
    expect(page.res.redirected).toBe(false)
    expect(page.res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(page.title).toBe(`${digest.title} · Digest Reader`)
    expect(page.description).toContain(digest.items[0]!.title)
  })

  test('a plain GET of an item URL returns its title and og:description', async () => {
    const page = await get(url() + itemPath)
    expect(page.res.status).toBe(200)
    expect(page.res.redirected).toBe(false)
    expect(page.title).toBe(`${item.title} · Digest Reader`)
    const summaryStart = item.summary
      .map((r) => r.text)
      .join('')
      .slice(0, 20)
    expect(page.description).toContain(summaryStart.trim())
    expect(page.body).toContain(`<h1>${item.title.replaceAll('&', '&amp;')}</h1>`)
  })

  test('any other path still gets the app shell (no preview tags)', async () => {
    for (const path of ['/digests/no-such-digest', '/search?q=RLVR', '/no/such/page']) {
      const page = await get(url() + path)
      expect(page.res.status, path).toBe(200)
      expect(page.title, path).toBe('Digest Reader')
      expect(page.description, path).toBeUndefined()
      expect(page.body, path).toContain('<div id="root"></div>')
    }
  })

  test('the feeds are served as XML and JSON feeds', async () => {
    for (const { file, type } of FEEDS) {
      const res = await fetch(`${url()}/${file}`)
      expect(res.status, file).toBe(200)
      expect(res.headers.get('content-type'), file).toMatch(
        // vite preview knows no feed types: generic XML/JSON is what it can say.
        new RegExp(`^(${type.replace('+', '\\+')}|application/xml|text/xml|application/json)`),
      )
      const text = await res.text()
      if (file.endsWith('.json')) expect(JSON.parse(text).version).toMatch(/jsonfeed/)
      else expect(text.startsWith('<?xml')).toBe(true)
    }
    expect(topicFeed).toBeDefined()
    const topic = await fetch(`${url()}/feeds/topics/${topicFeed}`)
    expect(topic.headers.get('content-type')).toMatch(/xml/)
  })
})

describe('nginx sends the feed types themselves', () => {
  test('RSS, Atom, JSON Feed and topic feeds, revalidated; a missing feed is a 404', async () => {
    for (const { file, type } of FEEDS) {
      const res = await fetch(`${nginx.url}/${file}`)
      expect(res.headers.get('content-type'), file).toBe(`${type}; charset=utf-8`)
      expect(res.headers.get('cache-control'), file).toBe('no-cache')
    }
    const topic = await fetch(`${nginx.url}/feeds/topics/${topicFeed}`)
    expect(topic.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect((await fetch(`${nginx.url}/feeds/nope.xml`)).status).toBe(404)
  })
})

describe.each(servers)('in Chromium, served by $name', ({ url }) => {
  test.each([
    ['digest', digestPath, digest.title],
    ['item', itemPath, item.title],
  ])('a %s page boots the app over its preview text', async (_kind, path, title) => {
    const watched = await openContext(browser)
    const csp = await watchCsp(watched.context)
    const page = await watched.newPage()
    await page.goto(url() + path)
    // The app's header exists only once React has replaced the preview text.
    await page.locator('#root header').first().waitFor()
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe(title)
    expect(await page.locator('#root > main').count()).toBe(0)
    expect([...watched.errors, ...(await csp.collect())]).toEqual([])
  })
})
