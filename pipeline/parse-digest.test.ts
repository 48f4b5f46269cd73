import { describe, expect, test } from 'vitest'
import { digestFile, parseText } from './test-support.ts'

/** Parses a body that must produce no diagnostics; returns its items without their lines. */
function items(body: string, front?: string) {
  const { parsed, messages } = parseText(digestFile(body, front))
  expect(messages).toEqual([])
  return parsed!.items.map(({ line: _line, ...item }) => item)
}

describe('accepted body shapes', () => {
  test("the seed's numbered list with an indented summary and bold terms", () => {
    const body = [
      '',
      '1.  [Karpathy 回顾](https://x.com/vista8/status/1)',
      '',
      '    指出：**可验证奖励强化学习（RLVR）**成为新范式；**Cursor**展现潜力。',
      '',
      '2.  [第二条](https://example.com/b)',
      '',
      '    第二条摘要。',
    ].join('\n')
    expect(items(body)).toEqual([
      {
        title: 'Karpathy 回顾',
        url: 'https://x.com/vista8/status/1',
        summary: [
          { kind: 'text', text: '指出：' },
          { kind: 'strong', text: '可验证奖励强化学习（RLVR）' },
          { kind: 'text', text: '成为新范式；' },
          { kind: 'strong', text: 'Cursor' },
          { kind: 'text', text: '展现潜力。' },
        ],
        text: '指出：可验证奖励强化学习（RLVR）成为新范式；Cursor展现潜力。',
        terms: ['可验证奖励强化学习', 'RLVR', 'Cursor'],
      },
      {
        title: '第二条',
        url: 'https://example.com/b',
        summary: [{ kind: 'text', text: '第二条摘要。' }],
        text: '第二条摘要。',
        terms: [],
      },
    ])
  })

  test.each(['-', '*'])('%s bullets, with em and code in the summary', (bullet) => {
    const body = `${bullet} [T1](https://a.com/1)\n  summary one\n${bullet} [T2](https://a.com/2)\n  a *two* and \`x()\`\n`
    expect(items(body)).toEqual([
      {
        title: 'T1',
        url: 'https://a.com/1',
        summary: [{ kind: 'text', text: 'summary one' }],
        text: 'summary one',
        terms: [],
      },
      {
        title: 'T2',
        url: 'https://a.com/2',
        summary: [
          { kind: 'text', text: 'a ' },
          { kind: 'em', text: 'two' },
          { kind: 'text', text: ' and ' },
          { kind: 'code', text: 'x()' },
        ],
        text: 'a two and x()',
        terms: [],
      },
    ])
  })

  test('## / ### headings holding the link, followed by several paragraphs', () => {
    const body =
      '## [H1](https://a.com/1)\n\n第一段。\n\n第二段\n续行。\n\n### [H2](https://a.com/2)\n\ntext\n'
    expect(items(body)).toEqual([
      {
        title: 'H1',
        url: 'https://a.com/1',
        summary: [{ kind: 'text', text: '第一段。\n\n第二段续行。' }],
        text: '第一段。\n\n第二段续行。',
        terms: [],
      },
      {
        title: 'H2',
        url: 'https://a.com/2',
        summary: [{ kind: 'text', text: 'text' }],
        text: 'text',
        terms: [],
      },
    ])
  })

  test('text after the link on the title line opens the summary; inline links are kept', () => {
    const body =
      '* [T](https://a.com/1) — first words\n\n  more with [a link](https://b.com/x).\n\n## [H](https://a.com/2): heading rest\n'
    expect(items(body)).toEqual([
      {
        title: 'T',
        url: 'https://a.com/1',
        summary: [
          { kind: 'text', text: 'first words\n\nmore with ' },
          { kind: 'link', text: 'a link', href: 'https://b.com/x' },
          { kind: 'text', text: '.' },
        ],
        text: 'first words\n\nmore with a link.',
        terms: [],
      },
      {
        title: 'H',
        url: 'https://a.com/2',
        summary: [{ kind: 'text', text: 'heading rest' }],
        text: 'heading rest',
        terms: [],
      },
    ])
  })

  test('an unindented summary after a numbered entry still belongs to it', () => {
    const body = '1. [A](https://a.com/1)\n\n**粗体**摘要\n\n2. [B](https://a.com/2)\n'
    expect(items(body).map((i) => [i.title, i.text, i.terms])).toEqual([
      ['A', '粗体摘要', ['粗体']],
      ['B', '', []],
    ])
  })

  test('CRLF line endings parse like LF, with the same lines', () => {
    const lf = digestFile('1. [T](https://a.com/1)\n\n   line one\n   line two\n')
    const crlf = lf.replace(/\n/g, '\r\n')
    const a = parseText(lf)
    const b = parseText(crlf)
    expect(b.messages).toEqual([])
    expect(b.parsed).toEqual(a.parsed)
    expect(b.parsed!.items[0]).toMatchObject({ line: 5, text: 'line one line two' })
  })

  test('a soft break between CJK text and a bold term adds no space', () => {
    expect(items('- [T](https://a.com/1)\n  中文\n  **粗体**结尾\n')[0]!.text).toBe('中文粗体结尾')
  })
})

describe('front matter', () => {
  test('categories as a string become a one-entry list; the date keeps its offset', () => {
    const front =
      '---\ntitle: " 标题 "\ndate: 2025-12-22T04:08:38+08:00\ncategories: AI 发展\n---\n'
    const { parsed, messages } = parseText(digestFile('- [T](https://a.com/1)\n', front))
    expect(messages).toEqual([])
    expect(parsed).toMatchObject({
      title: '标题',
      categories: ['AI 发展'],
      dateLine: 3,
      date: { written: '2025-12-22T04:08:38+08:00', offsetMinutes: 480 },
    })
  })

  test('a list of categories is trimmed and deduplicated', () => {
    const front = '---\ntitle: t\ndate: 2025-12-22T04:00:00Z\ncategories: [a, " b", a]\n---\n'
    const { parsed } = parseText(digestFile('- [T](https://a.com/1)\n', front))
    expect(parsed!.categories).toEqual(['a', 'b'])
  })

  test('draft: true is skipped without a word', () => {
    const front = '---\ntitle: t\ndate: 2025-12-22T04:00:00Z\ndraft: true\n---\n'
    expect(parseText(digestFile('- no link here\n', front))).toEqual({ parsed: null, messages: [] })
  })

  test('unknown keys are warned about on their own line; the digest still parses', () => {
    const front = '---\ntitle: t\ndate: 2025-12-22T04:00:00Z\nmood: happy\n---\n'
    const { parsed, messages } = parseText(digestFile('- [T](https://a.com/1)\n', front))
    expect(messages).toEqual(['d.md:4:1: warning: unknown front-matter key "mood" ignored'])
    expect(parsed!.items).toHaveLength(1)
  })
})
