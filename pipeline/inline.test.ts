import MarkdownIt from 'markdown-it'
import { parseMarkdown } from './markdown.ts'
import { describe, expect, test } from 'vitest'
import { termsOf } from './inline.ts'
import { digestFile, parseText } from './test-support.ts'

describe('terms from bold phrases', () => {
  test.each([
    ['可验证奖励强化学习（RLVR）', ['可验证奖励强化学习', 'RLVR']],
    ['思维链 (CoT)', ['思维链', 'CoT']],
    ['RLVR（可验证奖励强化学习）', ['RLVR', '可验证奖励强化学习']],
    ['“skills are the new apps”', ['skills are the new apps']],
    ['Claude Code：', ['Claude Code']],
    ['  Nano   Banana  ', ['Nano Banana']],
    ['【重磅】', ['重磅']],
    ['Ｃｕｒｓｏｒ', ['Cursor']],
    ['。，', []],
    // Emphasis that names no topic: sentences, labels, metrics, `·`-joined labels, long phrases.
    ['工程影响：基础设施团队必须开始构建评测流水线，否则成本将超过推理', []],
    ['背景：这是什么', []],
    ['社区热度 108', []],
    ['TypeScript · 安全类热门', []],
    ['这是一句非常非常长的加粗强调文字它不是一个话题而是一整句用于强调的说明文字而已', []],
    ['GPT-4.5', ['GPT-4.5']],
    ['Node.js 24', ['Node.js 24']],
  ])('%s → %j', (bold, terms) => {
    expect(termsOf(bold)).toEqual(terms)
  })

  test('an item lists each term once, in order of first appearance', () => {
    const body =
      '- [T](https://a.com/1)\n\n  **Cursor**、**RLVR**、**Cursor：** 与 **可验证奖励强化学习（RLVR）**\n'
    const { parsed } = parseText(digestFile(body))
    expect(parsed!.items[0]!.terms).toEqual(['Cursor', 'RLVR', '可验证奖励强化学习'])
  })

  test('`#tag` code after a tags label are terms, until the paragraph ends', () => {
    const body = [
      '- [T](https://a.com/1)',
      '',
      '  用 `#include` 引入 **RLVR**。',
      '',
      '  **标签**: `#ai-agents`, `#llm`, `not-a-tag`, `#ＧＰＵ`',
      '',
      '  下一段 `#later`',
      '- [U](https://a.com/2)',
      '',
      '  **Tags:** `#open-source` **重点** `#after-other-bold`',
      '',
    ].join('\n')
    const { parsed } = parseText(digestFile(body))
    const [first, second] = parsed!.items
    // The labels themselves are fields, not topics.
    expect(first!.terms).toEqual(['RLVR', 'ai-agents', 'llm', 'GPU'])
    expect(second!.terms).toEqual(['open-source', '重点'])
  })
})

test('bold closing before CJK text needs the CJK-friendly emphasis rule (decisions 001, 007)', () => {
  const text = '前**可验证奖励强化学习（RLVR）**成为'
  // Plain CommonMark leaves the asterisks as text; the reader's parser makes them bold.
  expect(MarkdownIt('commonmark').renderInline(text)).not.toContain('<strong>')
  expect(JSON.stringify(parseMarkdown(text))).toContain('"type":"strong"')
})
