// @vitest-environment jsdom
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { CompiledContent } from './assemble.ts'
import { compileContent } from './compile.ts'
import { readContentDir } from './fs-content.ts'
import { digestsNewestFirst } from './feeds-archive.ts'
import { resolveSite } from './feeds-site.ts'
import { buildTopicFeeds } from './feeds-topics.ts'
import { buildDigestFeeds, FEED_DIGESTS, type FeedFile } from './feeds.ts'
import { writePreviewPages } from './link-previews-write.ts'
import { compiled, digestFile } from './test-support.ts'

const site = resolveSite({ siteUrl: 'https://digest.example.org', base: '/reader/' })
const TEMPLATE =
  '<!doctype html><html><head><meta charset="UTF-8" /><title>Digest Reader</title></head><body><div id="root"></div></body></html>'

const xml = (text: string) => {
  const doc = new DOMParser().parseFromString(text, 'application/xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  return doc
}
const textOf = (parent: Element | Document, tag: string) =>
  parent.getElementsByTagName(tag)[0]?.textContent ?? ''

/** Every link of a feed's entries and of their content, as paths under the app's root. */
const pagePath = (url: string) => {
  expect(url.startsWith(site.root), url).toBe(true)
  return decodeURIComponent(url.slice(site.root.length))
}

function contentLinks(html: string): string[] {
  const doc = htmlDoc(html)
  return [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')!)
}

/** An HTML text parsed as a document (jsdom's DOMParser: nothing runs). */
const htmlDoc = (html: string) => new DOMParser().parseFromString(html, 'text/html')

describe('feeds of the bundled seed, read back with an XML parser and JSON.parse', () => {
  let content: CompiledContent
  let out: string
  let feeds: FeedFile[]
  const feed = (file: string) => feeds.find((f) => f.file === file)!.text
  /** A built page for an entry link: `items/x` → `items/x.html` must be on disk. */
  const expectPage = (url: string) => {
    const path = pagePath(url)
    expect(existsSync(join(out, `${path}.html`)), `${path}.html`).toBe(true)
  }

  beforeAll(async () => {
    // compileContent, not compileDir: the jsdom environment's URL cannot resolve the compiler's
    // own file (compileDir hashes it for its cache); nothing here needs a cache.
    const result = await compileContent(await readContentDir('content/digests'))
    if (!result.ok) throw new Error('the seed does not compile')
    content = result.content
    out = await mkdtemp(join(tmpdir(), 'feeds-'))
    await writePreviewPages({
      outDir: out,
      indexHtml: TEMPLATE,
      digests: digestsNewestFirst(content),
      site,
    })
    feeds = [
      ...buildDigestFeeds(digestsNewestFirst(content), site),
      ...buildTopicFeeds(content, site),
    ]
  })
  afterAll(() => rm(out, { recursive: true, force: true }))

  test('RSS 2.0: channel title, link, description; items with title, link, guid', () => {
    const doc = xml(feed('feeds/rss.xml'))
    expect(doc.documentElement.getAttribute('version')).toBe('2.0')
    const channel = doc.getElementsByTagName('channel')[0]!
    expect(textOf(channel, 'title')).toBe('Digest Reader')
    expect(textOf(channel, 'link')).toBe(site.root)
    expect(textOf(channel, 'description')).not.toBe('')
    const items = [...doc.getElementsByTagName('item')]
    expect(items).toHaveLength(content.head.digestCount)
    for (const item of items) {
      expect(textOf(item, 'title')).not.toBe('')
      expect(textOf(item, 'guid')).not.toBe('')
      expectPage(textOf(item, 'link'))
      const links = contentLinks(textOf(item, 'content:encoded'))
      expect(links.length).toBeGreaterThan(0)
      for (const href of links) {
        expect(href).toMatch(/^https?:\/\//)
        if (href.startsWith(site.root)) expectPage(href)
      }
    }
  })

  test('Atom 1.0: feed id, title, updated; entries with id, title, updated, link', () => {
    const doc = xml(feed('feeds/atom.xml'))
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2005/Atom')
    const root = doc.documentElement
    for (const tag of ['id', 'title', 'updated']) expect(textOf(root, tag), tag).not.toBe('')
    expect(Number.isNaN(Date.parse(textOf(root, 'updated')))).toBe(false)
    const entries = [...doc.getElementsByTagName('entry')]
    expect(entries).toHaveLength(content.head.digestCount)
    for (const entry of entries) {
      for (const tag of ['id', 'title', 'updated']) expect(textOf(entry, tag), tag).not.toBe('')
      expectPage(entry.getElementsByTagName('link')[0]!.getAttribute('href')!)
      for (const href of contentLinks(textOf(entry, 'content')))
        if (href.startsWith(site.root)) expectPage(href)
    }
  })

  test('JSON Feed 1.1: version, title; items with id and content_html', () => {
    const json = JSON.parse(feed('feeds/feed.json')) as {
      version: string
      title: string
      items: { id: string; url: string; content_html?: string; content_text?: string }[]
    }
    expect(json.version).toBe('https://jsonfeed.org/version/1.1')
    expect(json.title).toBe('Digest Reader')
    expect(json.items).toHaveLength(content.head.digestCount)
    for (const item of json.items) {
      expect(item.id).not.toBe('')
      expect(item.content_html ?? item.content_text).toBeTruthy()
      expectPage(item.url)
    }
  })

  test('topic feeds: valid RSS whose entries are item pages that exist', () => {
    const topics = feeds.filter((f) => f.file.startsWith('feeds/topics/'))
    expect(topics.length).toBeGreaterThan(0)
    for (const topic of topics) {
      expect(topic.file).toMatch(/^feeds\/topics\/[a-z0-9-]+\.xml$/)
      const doc = xml(topic.text)
      const items = [...doc.getElementsByTagName('item')]
      expect(items.length).toBeGreaterThan(0)
      for (const item of items) expectPage(textOf(item, 'link'))
    }
  })
})

describe('feeds of hostile content', () => {
  const HOSTILE = 'A ]]> <script>alert(1)</script> & "q" \u0001'
  test('titles and summaries stay text in every format; only http(s) links', async () => {
    const content = await compiled({
      'a.md': digestFile(
        `- [${HOSTILE.replace(/[[\]]/g, '')}](https://a.com/1)\n  ${HOSTILE} [x](https://b.com/2)\n`,
        `---\ntitle: ${JSON.stringify(HOSTILE)}\ndate: 2025-12-22T04:08:38+08:00\n---\n`,
      ),
    })
    const feeds = buildDigestFeeds(digestsNewestFirst(content), site)
    const rss = xml(feeds[0]!.text)
    const atom = xml(feeds[1]!.text)
    const expected = HOSTILE.replace('\u0001', '')
    // RSS and Atom titles are HTML: escaped markup that reads back as the text.
    for (const doc of [rss, atom]) {
      const title = textOf(doc.getElementsByTagName(doc === rss ? 'item' : 'entry')[0]!, 'title')
      expect(htmlDoc(title).body.textContent).toBe(expected)
    }
    const html = textOf(rss, 'content:encoded')
    const body = htmlDoc(html)
    expect(body.querySelector('script')).toBeNull()
    // The compiler drops raw HTML from summaries; what is left must read back as the same text.
    expect(body.body.textContent).toContain('A ]]> alert(1) & "q"')
    expect([...body.querySelectorAll('a')].map((a) => a.href)).toEqual(
      expect.arrayContaining(['https://a.com/1']),
    )
    const json = JSON.parse(feeds[2]!.text) as { items: { title: string }[] }
    expect(json.items[0]!.title).toBe(HOSTILE)
    expect(feeds.length).toBe(3)
    expect(FEED_DIGESTS).toBeGreaterThan(0)
  })
})
