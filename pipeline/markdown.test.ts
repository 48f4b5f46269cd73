import { describe, expect, test } from 'vitest'
import type { Link, List, Paragraph } from 'mdast'
import { parseMarkdown } from './markdown.ts'

const first = <T>(markdown: string) => parseMarkdown(markdown).children[0] as T
const at = (node: { position?: { start: { line: number; column: number } } }) =>
  `${node.position?.start.line}:${node.position?.start.column}`

describe('markdown → mdast', () => {
  test('a numbered list of linked titles, with file positions', () => {
    const list = first<List>(
      '1.  [First](https://a.example/1)\n\n    Summary **RLVR**.\n\n2.  [Second](https://a.example/2)\n',
    )
    expect(list).toMatchObject({ type: 'list', ordered: true, start: 1, spread: true })
    const [one, two] = list.children
    expect([at(one!), at(two!)]).toEqual(['1:1', '5:1'])
    const [title, summary] = one!.children as Paragraph[]
    expect(at(title!)).toBe('1:5')
    expect(at(summary!)).toBe('3:5')
    const link = title!.children[0] as Link
    expect(link).toMatchObject({ type: 'link', url: 'https://a.example/1' })
    expect(at(link)).toBe('1:5')
    expect(summary!.children.map((c) => c.type)).toEqual(['text', 'strong', 'text'])
  })

  test('a link is located by its own markup, not by an earlier bracket on the line', () => {
    const p = first<Paragraph>('See [注] and [here](https://b.example/x).')
    const link = p.children.find((c) => c.type === 'link') as Link
    expect(at(link)).toBe('1:13')
  })

  test('bold next to CJK punctuation closes, as the publishers write it', () => {
    const p = first<Paragraph>('**可验证奖励强化学习（RLVR）**成为新范式')
    expect(p.children.map((c) => c.type)).toEqual(['strong', 'text'])
  })

  test('a bare url is a link without the punctuation after it (GFM)', () => {
    const p = first<Paragraph>('Paper: https://a.example/paper_. Next')
    const link = p.children.find((c) => c.type === 'link') as Link
    expect(link.url).toBe('https://a.example/paper')
    expect(p.children.map((c) => (c.type === 'text' ? c.value : c.type))).toEqual([
      'Paper: ',
      'link',
      '_. Next',
    ])
  })

  test('urls stay as written, and a javascript: link reaches the reader (which refuses it)', () => {
    expect((first<Paragraph>('[a](https://x.example/grâce%20b)').children[0] as Link).url).toBe(
      'https://x.example/grâce%20b',
    )
    expect((first<Paragraph>('[a](javascript:alert(1))').children[0] as Link).url).toBe(
      'javascript:alert(1)',
    )
  })

  test('one tilde is a tilde (paths like ~/.ssh stay text); two strike through', () => {
    expect(first<Paragraph>('keys in ~/.ssh/ and ~/.aws/').children.map((c) => c.type)).toEqual([
      'text',
    ])
    expect(first<Paragraph>('~~gone~~').children[0]!.type).toBe('delete')
  })

  test('tables, raw HTML and code are kept as their own nodes', () => {
    const root = parseMarkdown(
      '| a | b |\n|---|---|\n| [x](https://c.example) | 2 |\n\n<div>raw</div>\n\n```js\ncode\n```\n',
    )
    expect(root.children.map((c) => c.type)).toEqual(['table', 'html', 'code'])
    const link = JSON.stringify(root.children[0])
    expect(link).toContain('"url":"https://c.example"')
  })
})
