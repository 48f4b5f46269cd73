import { describe, expect, test } from 'vitest'
import { compileContent } from './compile.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { parseText, sourceOf } from './test-support.ts'

const OK_FRONT = 'title: t\ndate: 2025-12-22T04:00:00Z'
const ITEM = '- [T](https://a.com/1)\n'
/** A digest with the given front-matter lines (between the `---`s) and body. */
const file = (front: string, body = ITEM) => `---\n${front}\n---\n${body}`

describe('each bad input is reported at its file line with an exact message', () => {
  test.each([
    [
      'no front matter',
      '# 标题\n\n' + ITEM,
      "d.md:1:1: no front matter: a digest starts with a '---' block holding title and date",
    ],
    [
      'unclosed front matter',
      '---\ntitle: t\n',
      "d.md:1:1: front matter is not closed: add a '---' line after it",
    ],
    [
      'invalid YAML (line inside the file)',
      file('title: t\ndate: 2025-12-22T04:00:00Z\ncategories: [a, b'),
      'd.md:4:18: invalid YAML in front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ],
    [
      'invalid YAML: an unquoted colon in the title',
      file('title: 回顾: 六大变革\ndate: 2025-12-22T04:00:00Z'),
      'd.md:2:8: invalid YAML in front matter: Nested mappings are not allowed in compact mappings',
    ],
    [
      'a key written twice',
      file('title: t\ntitle: u\ndate: 2025-12-22T04:00:00Z'),
      'd.md:3:1: invalid YAML in front matter: Map keys must be unique',
    ],
    [
      'missing title',
      file('date: 2025-12-22T04:00:00Z'),
      'd.md:1:1: missing title in front matter',
    ],
    [
      'empty title',
      file('title: ""\ndate: 2025-12-22T04:00:00Z'),
      'd.md:2:1: title must be a non-empty string',
    ],
    ['missing date', file('title: t'), 'd.md:1:1: missing date in front matter'],
    [
      'unparseable date',
      file('title: t\ndate: next tuesday'),
      'd.md:3:1: unparseable date "next tuesday": expected ISO 8601 with an offset, e.g. 2025-12-22T04:08:38+08:00',
    ],
    [
      'date without an offset',
      file('title: t\ndate: 2025-12-22T04:00:00'),
      'd.md:3:1: date "2025-12-22T04:00:00" has no UTC offset: write it as, e.g., 2025-12-22T04:08:38+08:00',
    ],
    [
      'categories that are not strings',
      file(OK_FRONT + '\ncategories: {a: 1}'),
      'd.md:4:1: categories must be a list of strings',
    ],
    [
      'list item without a link',
      file(OK_FRONT, ITEM + '- 没有链接的条目\n'),
      'd.md:6:1: list item without a link: an item starts with [title](url)',
    ],
    [
      'a javascript: link',
      file(OK_FRONT, '1. [T](javascript:alert(1))\n'),
      'd.md:5:4: link is not http(s): "javascript:alert(1)"; only http:// and https:// links are allowed',
    ],
    [
      'a data: link',
      file(OK_FRONT, '## [T](data:text/html,hi)\n'),
      'd.md:5:4: link is not http(s): "data:text/html,hi"; only http:// and https:// links are allowed',
    ],
    [
      'an empty link title',
      file(OK_FRONT, '- [](https://a.com/1)\n'),
      'd.md:5:1: item has an empty title: write [title](url)',
    ],
    [
      'empty digest',
      file(OK_FRONT, '\n'),
      'd.md:5:1: empty digest: no items found; an item starts with [title](url)',
    ],
    [
      'duplicate items',
      file(OK_FRONT, ITEM + '- [again](https://a.com/1)\n'),
      'd.md:6:1: duplicate item: https://a.com/1 already appears at line 5',
    ],
  ])('%s', (_name, text, message) => {
    const { messages } = parseText(text)
    expect(messages).toEqual([message])
  })
})

test('all problems of a file are reported at once, in file order', () => {
  const text = file('title: ""\ndate: nope', '- [A](javascript:x)\n- plain\n')
  expect(parseText(text)).toEqual({
    parsed: null,
    messages: [
      'd.md:2:1: title must be a non-empty string',
      'd.md:3:1: unparseable date "nope": expected ISO 8601 with an offset, e.g. 2025-12-22T04:08:38+08:00',
      'd.md:5:3: link is not http(s): "javascript:x"; only http:// and https:// links are allowed',
      'd.md:6:1: list item without a link: an item starts with [title](url)',
    ],
  })
})

test('a run reports the problems of every file, and two digests with one id name each other', async () => {
  const result = await compileContent(
    sourceOf({
      'ai/publisher.json': '{ "default": true, "mode": "strict" }',
      'ai/2025/a.md': file('title: a\ndate: 2025-12-22T04:00:00+08:00'),
      'ai/2025/b.md': file('title: b\ndate: 2025-12-22T04:59:00+08:00'),
      'ai/c.md': file('title: c'),
    }),
  )
  expect(result.ok).toBe(false)
  expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
    'ai/2025/a.md:3:1: duplicate digest id "2025-12-22-04": ai/2025/b.md has the same date and hour',
    'ai/2025/b.md:3:1: duplicate digest id "2025-12-22-04": ai/2025/a.md has the same date and hour',
    'ai/c.md:1:1: missing date in front matter',
  ])
})

describe('raw HTML never reaches the output as HTML', () => {
  const text = file(
    OK_FRONT,
    '<script>alert(1)</script>\n\n- [A](https://a.com/1) <img src=x onerror=alert(1)>\n\n  text <span class="x">in</span> span <!-- c -->\n\n  <div>block</div>\n',
  )

  test('block and inline HTML is dropped with a warning at its position', () => {
    expect(parseText(text).messages).toEqual([
      'd.md:5:1: warning: raw HTML dropped: <script>',
      'd.md:7:24: warning: raw HTML dropped: <img>',
      'd.md:9:8: warning: raw HTML dropped: <span>',
      'd.md:9:39: warning: raw HTML dropped: <!-- … -->',
      'd.md:11:3: warning: raw HTML dropped: <div>',
    ])
  })

  test('the text between inline tags is kept as text; no markup survives', () => {
    const { parsed } = parseText(text)
    expect(parsed!.items[0]!.summary).toEqual([{ kind: 'text', text: 'text in span' }])
    const json = JSON.stringify(parsed)
    expect(json).not.toMatch(/<|>|onerror|script/)
  })

  test('an inline link that is not http(s) is kept as plain text, with a warning', () => {
    const { parsed, messages } = parseText(
      file(OK_FRONT, '- [A](https://a.com/1)\n\n  see [evil](javascript:alert(1)) now\n'),
    )
    expect(messages).toEqual([
      'd.md:7:7: warning: link is not http(s): "javascript:alert(1)"; kept as plain text',
    ])
    expect(parsed!.items[0]!.summary).toEqual([{ kind: 'text', text: 'see evil now' }])
  })
})
