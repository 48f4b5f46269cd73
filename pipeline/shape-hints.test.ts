/**
 * A new publisher needs no code: `shape` hints in its publisher.json tell the reader what the
 * heuristics would misread. The fixture publisher (test/fixtures/hinted/weekly/) writes link-less
 * list items under section headings, an editor's note that looks like an item, and its own words
 * for links (`全文`), tags (`话题`) and summaries (`一句话`).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import type { Item } from '../src/types/content.ts'
import { compileContent } from './compile.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { readContentDir } from './fs-content.ts'
import { digestsOf, readText, sourceOf } from './test-support.ts'

const HINTED = fileURLToPath(new URL('../test/fixtures/hinted/', import.meta.url))

async function itemsOf(root: string): Promise<Item[]> {
  const result = await compileContent(await readContentDir(root))
  if (!result.ok) throw new Error(result.diagnostics.map((d) => formatDiagnostic(d)).join('\n'))
  return digestsOf(result.content)
    .reverse()
    .flatMap((d) => d.items)
}

describe('onboarding a publisher by hints alone', () => {
  const dirs: string[] = []
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))))

  test('with its hints, every list item is an item, and its words are understood', async () => {
    const items = await itemsOf(HINTED)
    expect(items.map((i) => [i.title, i.url ?? null, i.section])).toEqual([
      ['某实验室发布端侧小模型', 'https://weekly.example/3/model', '模型'],
      ['一个开源社区整理了一份推理优化清…', null, '模型'],
      ['研究者复现了一篇强化学习论文…', null, '模型'],
      ['命令面板 2.0', 'https://weekly.example/3/palette', '工具'],
    ])
    // `话题` introduces tags; `一句话` is a field label, not a topic; `[全文](…)` is the link.
    expect(items[0]!.terms).toEqual(['端侧', '小模型'])
    expect(items[3]!.terms).toEqual([])
    expect(items.flatMap((i) => i.summary).some((r) => r.kind === 'link')).toBe(false)
  })

  test('without them, the same files are misread', async () => {
    const root = await mkdtemp(join(tmpdir(), 'unhinted-'))
    dirs.push(root)
    await cp(HINTED, root, { recursive: true })
    await writeFile(
      join(root, 'weekly/publisher.json'),
      '{ "name": "示例周刊", "mode": "lenient" }',
    )
    const items = await itemsOf(root)
    expect(items.map((i) => i.title)).toEqual(['本期主题', '命令面板 2.0'])
    expect(items[1]!.terms).toEqual(['一句话'])
  })
})

test('"items": "headings" and "sectionLevels" decide what headings are', () => {
  const text =
    '---\ntitle: t\ndate: 2026-03-10\n---\n\n### 合作伙伴计划\n\n一段没有链接的说明。\n\n' +
    '### [新栏目](https://w.example/column)\n\n- [甲](https://w.example/1)\n'
  const titles = (hints?: object) =>
    readText(text, { hints }).parsed?.items.map((i) => [i.title, i.section ?? null])
  // Built in: an unnumbered, unlinked heading at the top level is an editorial, a linked one an item.
  expect(titles()).toEqual([['新栏目', null]])
  expect(titles({ items: 'headings' })).toEqual([
    ['合作伙伴计划', null],
    ['新栏目', null],
  ])
  expect(titles({ sectionLevels: [3] })).toEqual([['甲', '新栏目']])
})

describe('hints are checked, with an error at the line of the key', () => {
  const errorsOf = (json: string) =>
    sourceOf({ 'w/publisher.json': json, 'w/a.md': '' }).diagnostics.map((d) => formatDiagnostic(d))

  test.each([
    [
      '{\n  "shape": {\n    "items": "paragraphs"\n  }\n}',
      'w/publisher.json:3:1: publisher config: shape.items: expected one of "auto" | "list-items" | "headings"',
    ],
    [
      '{\n  "shape": {\n    "sectoinLevels": [2]\n  }\n}',
      'w/publisher.json:3:1: publisher config: shape: unknown key "sectoinLevels"',
    ],
    [
      '{ "shape": {\n  "sectionLevels": [2, 7] } }',
      'w/publisher.json:2:1: publisher config: shape.sectionLevels[1]: Invalid value: Expected <=6 but received 7',
    ],
    [
      '{ "shape": { "labels": {\n  "link": ["原文", " "] } } }',
      'w/publisher.json:2:1: publisher config: shape.labels.link[1]: must not be empty',
    ],
    [
      '{ "shape": { "titles": { "maxLength": 3 } } }',
      'w/publisher.json:1:1: publisher config: shape.titles.maxLength: Invalid value: Expected >=8 but received 3',
    ],
    [
      '{ "timeZone": "Asia/Shanghia" }',
      'w/publisher.json:1:1: publisher config: timeZone: not an IANA time zone (e.g. "Asia/Shanghai")',
    ],
  ])('%s', (json, message) => {
    expect(errorsOf(json)).toEqual([message])
  })

  test('valid hints reach the publisher; a publisher without any keeps the built-in heuristics', () => {
    const source = sourceOf({
      'a/publisher.json': '{ "shape": { "items": "headings", "skipSections": ["编者按"] } }',
      'a/x.md': '',
      'b/publisher.json': '{}',
      'b/x.md': '',
    })
    expect(source.diagnostics).toEqual([])
    expect(source.publishers.get('a')!.shape).toEqual({
      items: 'headings',
      skipSections: ['编者按'],
    })
    expect(source.publishers.get('b')!.shape).toBeUndefined()
  })
})
