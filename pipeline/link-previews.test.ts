// @vitest-environment jsdom
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { digestsNewestFirst } from './feeds-archive.ts'
import { resolveSite } from './feeds-site.ts'
import { previewTemplate } from './link-previews.ts'
import { writePreviewPages } from './link-previews-write.ts'
import { compiled, digestFile } from './test-support.ts'

const site = resolveSite({ siteUrl: 'https://digest.example.org', base: '/' })
const INDEX = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="site" />
    <title>Digest Reader</title>
    <script src="/theme.js"></script>
    <script type="module" crossorigin src="/assets/index.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`
const HOSTILE = 'T </title><script>alert(1)</script> "q" \' &amp;'

const front = (title: string, hour: string) =>
  `---\ntitle: ${JSON.stringify(title)}\ndate: 2025-12-22T${hour}:08:38+08:00\n---\n`

async function build(itemPages?: { newestDigests: number }) {
  const content = await compiled(
    {
      'a.md': digestFile(
        `- [${HOSTILE}](https://a.com/1)\n  Summary ${HOSTILE}\n- [Two](javascript:alert(1))\n  two\n`,
        front(HOSTILE, '04'),
      ),
      'b.md': digestFile('- [Older](https://c.com/1)\n  older text\n', front('Older digest', '00')),
    },
    { lenient: true },
  )
  const out = await mkdtemp(join(tmpdir(), 'previews-'))
  const stats = await writePreviewPages({
    outDir: out,
    indexHtml: INDEX,
    digests: digestsNewestFirst(content),
    site,
    itemPages,
  })
  return { content, out, stats }
}

const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')

/** An HTML text parsed as a document (jsdom's DOMParser: nothing runs). */
const htmlDoc = (html: string) => new DOMParser().parseFromString(html, 'text/html')

describe('link-preview pages', () => {
  test('each digest and item page: its own title, description, canonical URL, OG and Twitter tags, readable text; the app shell unchanged', async () => {
    const { content, out, stats } = await build()
    try {
      const digests = [...digestsNewestFirst(content)]
      expect(stats.digestPages).toBe(2)
      expect(stats.itemPages).toBe(digests.reduce((n, d) => n + d.items.length, 0))
      const digest = digests[0]!
      const item = digest.items[0]!
      const html = await readFile(join(out, 'items', `${item.id}.html`), 'utf8')
      const doc = htmlDoc(html)
      expect(doc.title).toBe(`${item.title} · Digest Reader`)
      expect(meta(doc, 'og:title')).toBe(item.title)
      expect(meta(doc, 'twitter:title')).toBe(item.title)
      expect(meta(doc, 'og:description')).toContain('Summary T')
      expect(meta(doc, 'description')).toBe(meta(doc, 'og:description'))
      expect(doc.querySelectorAll('meta[name="description"]')).toHaveLength(1)
      expect(meta(doc, 'og:url')).toBe(`https://digest.example.org/items/${item.id}`)
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        meta(doc, 'og:url'),
      )
      expect(meta(doc, 'og:type')).toBe('article')
      expect(meta(doc, 'og:site_name')).toBe('Digest Reader')
      expect(meta(doc, 'twitter:card')).toBe('summary')
      // The untrusted title stays text: the template's two scripts and no other element.
      expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('src'))).toEqual([
        '/theme.js',
        '/assets/index.js',
      ])
      const root = doc.getElementById('root')!
      expect(root.querySelector('h1')?.textContent).toBe(item.title)
      expect(root.textContent).toContain('Summary T')
      expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
        'https://a.com/1',
        `/digests/${digest.id}`,
      ])

      const other = digest.items[1]!
      const second = htmlDoc(await readFile(join(out, 'items', `${other.id}.html`), 'utf8'))
      // A javascript: link is never linked.
      expect([...second.querySelectorAll('#root a')].map((a) => a.getAttribute('href'))).toEqual([
        `/digests/${digest.id}`,
      ])

      const page = htmlDoc(await readFile(join(out, 'digests', `${digest.id}.html`), 'utf8'))
      expect(meta(page, 'og:title')).toBe(digest.title)
      expect(meta(page, 'og:description')).toContain(item.title)
      expect(page.querySelectorAll('#root li a')).toHaveLength(digest.items.length)
      expect(page.querySelectorAll('script')).toHaveLength(2)
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  test('item pages for the newest digests only, when asked', async () => {
    const { out, stats } = await build({ newestDigests: 1 })
    try {
      expect(stats.digestPages).toBe(2)
      expect((await readdir(join(out, 'items'))).length).toBe(stats.itemPages)
      expect(stats.itemPages).toBe(2)
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  })

  test('an index.html without a <title> or an empty #root is refused', () => {
    expect(() => previewTemplate(INDEX.replace(/<title>.*<\/title>/, ''))).toThrow(/title/)
    expect(() =>
      previewTemplate(INDEX.replace('<div id="root"></div>', '<div id="app"></div>')),
    ).toThrow(/root/)
  })
})

describe('SITE_URL', () => {
  test('an origin and the base path make the root; unset or with a path, the default and a warning', () => {
    expect(resolveSite({ siteUrl: 'https://x.org/', base: '/r/' })).toEqual({
      root: 'https://x.org/r/',
    })
    expect(resolveSite({ siteUrl: undefined, base: '/' }).warning).toMatch(/SITE_URL is not set/)
    expect(resolveSite({ siteUrl: 'https://x.org/r', base: '/' }).warning).toMatch(/BASE_PATH/)
    expect(resolveSite({ siteUrl: 'ftp://x.org', base: '/' }).root).toBe('http://localhost:4173/')
  })
})
