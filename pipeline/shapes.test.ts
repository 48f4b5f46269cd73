/**
 * The shapes issue 13 added, each read from a fixture written for it (test/fixtures/shapes/, none
 * copied from the corpora): running-text list items under section headings, tables of items,
 * numbered headings without links, and English label words.
 */
import { readFileSync } from 'node:fs'
import type { Paragraph } from 'mdast'
import { parseMarkdown } from './markdown.ts'
import { describe, expect, test } from 'vitest'
import { deriveTitle } from './item-title.ts'
import { shapeOf } from './shape-words.ts'
import { readText } from './test-support.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`../test/fixtures/shapes/${name}`, import.meta.url), 'utf8')
const read = (name: string, file = `pub/${name}`) => readText(fixture(name), { file })
const rows = (name: string, file?: string) =>
  read(name, file).parsed!.items.map((i) => [i.title, i.url ?? null, i.section ?? null])

describe('running-text list items under section headings (`### **AI产品与功能更新**`)', () => {
  const { parsed, kinds } = read('list-items-under-sections.md')
  const items = parsed!.items

  test('each list item is an item, titled by its first bold phrase or first clause', () => {
    expect(items.map((i) => [i.title, i.url ?? null, i.section])).toEqual([
      ['示例实验室发布轻量视觉模型', 'https://news.example/vision-lite', 'AI产品与功能更新'],
      ['多文件补全', 'https://news.example/editor-complete', 'AI产品与功能更新'],
      ['一家云服务商宣布降价', 'https://news.example/cloud-price', 'AI产品与功能更新'],
      ['长上下文检索的新基准', 'https://research.example/long-bench', 'AI前沿研究'],
      ['研究者提出一种无需额外训练的解码方法', null, 'AI前沿研究'],
      // No entry here starts with bold or a link: the section is still no item of its own.
      ['某芯片公司公布了新一代推理加速卡的规格', 'https://news.example/chip', '行业动态'],
      [
        '一个开源基金会宣布接管一个流行的模型服务框架',
        'https://news.example/foundation',
        '行业动态',
      ],
    ])
    // The summary section (`### **今日摘要**`) frames the digest; the link-less item is kept.
    expect(kinds).toEqual(['no-link'])
  })

  test('the whole text is the summary, without the item link, the pictures or <br/>', () => {
    expect(items[0]!.text).toBe(
      '示例实验室发布轻量视觉模型，在边缘设备上的推理速度提升三倍，权重以宽松许可证开放下载。',
    )
    expect(items[1]!.summary[0]).toEqual({ kind: 'text', text: '某编辑器推出' })
    expect(items[2]!.text).toBe(
      '一家云服务商宣布降价，面向推理的实例每小时价格下调两成，新价格下月生效',
    )
    const json = JSON.stringify(items)
    expect(json).not.toContain('img.example')
    expect(json).not.toContain('图片')
  })
})

describe('tables whose rows are items', () => {
  test('a linked name column or a bold one makes each row an item; other tables are not items', () => {
    expect(rows('tables-of-items.md')).toEqual([
      ['本周新闻', null, null],
      ['example/fast-index', 'https://code.example/example/fast-index', '热门仓库'],
      ['example/agent-kit', 'https://code.example/example/agent-kit', '热门仓库'],
      ['示例框架', null, '版本更新'],
      ['示例编辑器', null, '版本更新'],
    ])
  })

  test("a row's other cells are its summary, named by their headers; ranks and dashes are not", () => {
    const items = read('tables-of-items.md').parsed!.items
    expect(items[1]!.text).toBe('今日新增：+320\n\n简介：一个本地向量索引库')
    expect(items[2]!.text).toBe('简介：智能体工具集合')
  })
})

describe('numbered headings without links, a trending section, a closing essay', () => {
  test('star counts are no part of a title; the closing essay and footer are not items', () => {
    expect(rows('numbered-headings-without-links.md', 'pub/2026-03-08-daily.md')).toEqual([
      ['某研究院发布长文本评测报告', null, '新闻精选'],
      ['一家初创公司完成新一轮融资', null, '新闻精选'],
      ['example/vector-db', null, '开源热榜'],
      ['example/notes', null, '开源热榜'],
    ])
  })

  test('a badge after the star stays in the summary; bold field labels are not terms', () => {
    const { parsed } = read('numbered-headings-without-links.md', 'pub/2026-03-08-daily.md')
    const [, , vector, notes] = parsed!.items
    expect(vector!.text).toBe('今日新增： 321+ 语言： Rust\n\n一个嵌入式向量数据库。')
    expect(vector!.terms).toEqual([])
    expect(notes!.text).toMatch(/^⭐ 热门新项目\n\n/)
  })

  test('the date comes from the file name when front matter has none', () => {
    const { parsed } = read('numbered-headings-without-links.md', 'pub/2026-03-08-daily.md')
    expect(parsed!.date.written).toBe('2026-03-08')
  })
})

describe('English label and section words', () => {
  const { parsed, kinds } = read('english-labels.md')
  const items = parsed!.items

  test('Source:, [Read more], [Link] and [Source] give the link and stay out of the summary', () => {
    expect(items.map((i) => [i.title, i.url, i.section])).toEqual([
      ['A small open model tops the coding board', 'https://wire.example/small-model', 'Models'],
      ['Translation gets a new benchmark', 'https://papers.example/translation-bench', 'Models'],
      ['Editor plugin 2.0', 'https://tools.example/plugin-2', 'Tools'],
      ['Notebook runner', 'https://tools.example/runner', 'Tools'],
    ])
    expect(kinds).toEqual([])
    expect(items.map((i) => i.summary.some((r) => r.kind === 'link'))).toEqual([
      false,
      false,
      false,
      false,
    ])
  })

  test('Tags: gives terms; Why it matters and Summary are fields, not terms', () => {
    expect(items[0]!.terms).toEqual(['open-weights', 'coding'])
    expect(items[0]!.text).toContain('Why it matters: small models are getting cheap')
    expect(items[3]!.terms).toEqual([])
  })
})

describe('titles for items written without one', () => {
  const paragraph = (markdown: string) => parseMarkdown(markdown).children[0] as Paragraph
  const shape = shapeOf()

  test.each([
    ['**新框架正式发布**，支持三种语言。', '新框架正式发布'],
    ['**谷歌**发布了新的翻译模型，支持两百种语言。', '谷歌发布了新的翻译模型'],
    ['据报道，某公司将在下月推出新的推理芯片。', '据报道，某公司将在下月推出新的推理芯片'],
    ['A lab released a small model, which beats larger ones.', 'A lab released a small model'],
    [
      '[![图片](https://i.example/a.png)](https://i.example/a.png) 图后的正文内容比较长。',
      '图后的正文内容比较长',
    ],
    [
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十',
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八…',
    ],
  ])('%s → %s', (markdown, title) => {
    expect(deriveTitle(paragraph(markdown), shape)).toBe(title)
  })

  test('a publisher can ask for the first clause, and a shorter cut at a word boundary', () => {
    const clause = shapeOf({ titles: { from: 'clause', maxLength: 20 } })
    expect(deriveTitle(paragraph('**新框架正式发布**，支持三种语言。'), clause)).toBe(
      '新框架正式发布，支持三种语言',
    )
    expect(deriveTitle(paragraph('Researchers published a benchmark today.'), clause)).toBe(
      'Researchers…',
    )
  })
})
