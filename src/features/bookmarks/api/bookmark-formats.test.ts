import { describe, expect, test } from 'vitest'
import MarkdownIt from 'markdown-it'
import { makeBookmark } from '../testing/bookmark-fixtures'
import { toBookmarksHtml, toMarkdown } from './bookmark-formats'

const context = {
  now: new Date(Date.UTC(2026, 11, 2, 8)),
  itemUrl: (id: string) => `https://reader.example/items/${encodeURIComponent(id)}`,
}
const hostile = makeBookmark(3, {
  title: 'A <script>alert(1)</script> [x](javascript:alert(2)) *bold* & "q"',
  note: 'line one\n\n# not a heading <img src=x onerror=alert(3)>',
  url: 'https://x.com/a/status/3?x=<b>',
})
const plain = makeBookmark(1, { note: '值得一读' })
const linkless = makeBookmark(2, { url: undefined, title: '没有链接的条目' })

/** The document a Markdown renderer makes of the export (markdown-it, as notes apps use). */
function renderedMarkdown(markdown: string): Document {
  const html = new MarkdownIt().render(markdown)
  return new DOMParser().parseFromString(html, 'text/html')
}

describe('Markdown export', () => {
  test('each bookmark is a link to its post with its digest, its page in the reader and its note', () => {
    const doc = renderedMarkdown(toMarkdown([plain, linkless], context))
    const entries = [...doc.querySelectorAll('body > ul > li')]
    expect(entries).toHaveLength(2)
    const first = entries[0]!
    const link = first.querySelector('a')!
    expect(link.textContent).toBe('条目 1')
    expect(link.getAttribute('href')).toBe('https://x.com/a/status/1')
    expect(first.textContent).toContain(
      'Digest: 2025.12.22.04 过去4小时全球AI发生了什么？ · 2025-12-22',
    )
    expect(first.textContent).toContain('Note: 值得一读')
    const reader = [...first.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(reader).toContain('https://reader.example/items/2025-12-22-04-00000001')
    // No original link: the title is text, the reader's page is still linked.
    expect(entries[1]!.querySelector('li > a')?.textContent).not.toBe('没有链接的条目')
    expect(entries[1]!.textContent).toContain('没有链接的条目')
  })

  test('stored text stays text: no markup, no other links, no broken structure', () => {
    const doc = renderedMarkdown(toMarkdown([hostile], context))
    expect(doc.querySelector('script, img, strong, em, h2')).toBeNull()
    // The export's own title is the one heading: the note's "#" did not start another.
    expect([...doc.querySelectorAll('h1')].map((h) => h.textContent)).toEqual([
      'Digest Reader bookmarks',
    ])
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))
    expect(hrefs.every((h) => h?.startsWith('https://'))).toBe(true)
    expect(hrefs).toHaveLength(2)
    expect(doc.querySelector('a')!.textContent).toBe(
      'A <script>alert(1)</script> [x](javascript:alert(2)) *bold* & "q"',
    )
    expect(doc.body.textContent).toContain(
      'Note: line one # not a heading <img src=x onerror=alert(3)>',
    )
  })
})

describe('browser bookmarks export', () => {
  test('a Netscape bookmark file: one folder, an entry per bookmark with its save time and note', () => {
    const html = toBookmarksHtml([plain, linkless], context)
    expect(html.startsWith('<!DOCTYPE NETSCAPE-Bookmark-file-1>')).toBe(true)
    const doc = new DOMParser().parseFromString(html, 'text/html')
    expect(doc.querySelector('h3')!.textContent).toBe('Digest Reader')
    const links = [...doc.querySelectorAll('dl dl a')]
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['条目 1', 'https://x.com/a/status/1'],
      ['没有链接的条目', 'https://reader.example/items/2025-12-22-04-00000002'],
    ])
    expect(links[0]!.getAttribute('add_date')).toBe(String(Date.parse(plain.savedAt) / 1000))
    expect(doc.querySelector('dd')!.textContent!.trim()).toBe('值得一读')
  })

  test('stored text is escaped: no element, attribute or entry of its own', () => {
    const doc = new DOMParser().parseFromString(toBookmarksHtml([hostile], context), 'text/html')
    expect(doc.querySelector('script, img, b')).toBeNull()
    const links = doc.querySelectorAll('a')
    expect(links).toHaveLength(1)
    expect(links[0]!.getAttribute('href')).toBe('https://x.com/a/status/3?x=<b>')
    expect(links[0]!.textContent).toBe(hostile.title)
    expect(doc.querySelectorAll('dd')).toHaveLength(1)
  })
})
