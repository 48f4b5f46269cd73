/**
 * Strict and lenient mode are one reader (parse-digest.ts): the same input gives the same items,
 * and where lenient repairs something with a warning, strict refuses it with an error.
 */
import { describe, expect, test } from 'vitest'
import { readText } from './test-support.ts'

const FRONT = '---\ntitle: t\ndate: 2025-12-22T04:00:00+08:00\n---\n'
const read = (text: string, mode: 'strict' | 'lenient') =>
  readText(text, { file: 'p/2025-12-22-daily.md', mode })

describe('what lenient repairs, strict refuses', () => {
  test.each([
    [
      'no front matter',
      '# 标题\n\n- [T](https://a.example/1)\n',
      "p/2025-12-22-daily.md:1:1: no front matter: a digest starts with a '---' block holding title and date",
      'p/2025-12-22-daily.md:1:1: warning: no front matter: title and date taken from the file',
    ],
    [
      'a date without an offset',
      '---\ntitle: t\ndate: 2025-12-22T04:00:00\n---\n- [T](https://a.example/1)\n',
      'p/2025-12-22-daily.md:3:1: date "2025-12-22T04:00:00" has no UTC offset: write it as, e.g., 2025-12-22T04:08:38+08:00',
      undefined,
    ],
    [
      'an unreadable date',
      '---\ntitle: t\ndate: soon\n---\n- [T](https://a.example/1)\n',
      'p/2025-12-22-daily.md:3:1: unparseable date "soon": expected ISO 8601 with an offset, e.g. 2025-12-22T04:08:38+08:00',
      'p/2025-12-22-daily.md:3:1: warning: unparseable date "soon": expected ISO 8601 with an offset, e.g. 2025-12-22T04:08:38+08:00 (trying the file name)',
    ],
    [
      'an item without a link',
      FRONT + '### 1. 没有链接的条目\n\n正文。\n',
      'p/2025-12-22-daily.md:5:1: item "没有链接的条目" has no http(s) link: an item starts with [title](url)',
      'p/2025-12-22-daily.md:5:1: warning: item "没有链接的条目" has no http(s) link (kept without one)',
    ],
    [
      'an item link that is not http(s)',
      FRONT + '- [T](ftp://a.example/f)\n',
      'p/2025-12-22-daily.md:5:3: link is not http(s): "ftp://a.example/f"; only http:// and https:// links are allowed',
      'p/2025-12-22-daily.md:5:3: warning: link is not http(s): "ftp://a.example/f" (item kept without a link)',
    ],
    [
      'the same item twice',
      FRONT + '- [A](https://a.example/1)\n- [B](https://a.example/1)\n',
      'p/2025-12-22-daily.md:6:1: duplicate item: https://a.example/1 already appears at line 5',
      'p/2025-12-22-daily.md:6:1: warning: duplicate item: https://a.example/1 already appears at line 5 (dropped)',
    ],
    [
      'a contents list',
      FRONT + '- [甲](#item-1)\n- [乙](#item-2)\n\n## [甲](https://a.example/1)\n',
      'p/2025-12-22-daily.md:5:1: links inside the page (#item-1): a contents list, not an item',
      'p/2025-12-22-daily.md:5:1: warning: links inside the page (#item-1): a contents list, not an item (skipped)',
    ],
  ])('%s', (_name, text, strict, lenient) => {
    const s = read(text, 'strict')
    expect(s.messages).toContain(strict)
    expect(s.sink.hasErrors).toBe(true)
    const l = read(text, 'lenient')
    expect(l.sink.hasErrors).toBe(false)
    expect(l.parsed).not.toBeNull()
    if (lenient) expect(l.messages).toContain(lenient)
    else expect(l.messages).toEqual([])
  })

  test('what only matters to one mode: stray text (strict), cut-short summaries (lenient)', () => {
    const text = FRONT + '编者的话。\n\n- [T](https://a.example/1)\n\n  摘要写到一半……\n'
    expect(read(text, 'strict').messages).toEqual([
      'p/2025-12-22-daily.md:5:1: warning: text outside any item ignored',
    ])
    expect(read(text, 'lenient').messages).toEqual([
      'p/2025-12-22-daily.md:7:1: warning: summary of "T" is cut short (kept as written)',
    ])
  })

  test('a digest both modes accept reads the same in both, shapes beyond [title](url) included', () => {
    const text =
      FRONT +
      '## 模型\n\n- **新模型甲上线**：甲的摘要。[原文](https://a.example/1)\n\n' +
      '## 工具\n\n### 2. 工具乙\n\n乙的摘要。\n\n🔗 [阅读原文](https://a.example/2)\n'
    const strict = read(text, 'strict')
    const lenient = read(text, 'lenient')
    expect(strict.messages).toEqual([])
    expect(lenient.messages).toEqual([])
    expect(strict.parsed).toEqual(lenient.parsed)
    expect(strict.parsed!.items.map((i) => [i.title, i.url, i.section])).toEqual([
      ['新模型甲上线', 'https://a.example/1', '模型'],
      ['工具乙', 'https://a.example/2', '工具'],
    ])
  })
})
