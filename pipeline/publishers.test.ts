import { expect, test } from 'vitest'
import { DEFAULT_PUBLISHER } from './publishers.ts'
import { sourceOf } from './test-support.ts'

test('plain folders belong to the strict default publisher; a publisher.json makes a publisher', () => {
  const source = sourceOf({
    '2025/12/a.md': '',
    'b.md': '',
    'ai/publisher.json': '{ "name": "AI", "default": true, "mode": "strict" }',
    'ai/2025/c.md': '',
    'other/publisher.json': '{ "name": "Other", "mode": "lenient", "timeZone": "UTC" }',
    'other/d.md': '',
  })
  expect(source.diagnostics).toEqual([])
  expect(source.files.map((f) => [f.path, f.publisher])).toEqual([
    ['2025/12/a.md', DEFAULT_PUBLISHER],
    ['ai/2025/c.md', 'ai'],
    ['b.md', DEFAULT_PUBLISHER],
    ['other/d.md', 'other'],
  ])
  expect([...source.publishers.values()].map((p) => [p.id, p.mode, p.idPrefix])).toEqual([
    [DEFAULT_PUBLISHER, 'strict', ''],
    ['ai', 'strict', ''],
    ['other', 'lenient', 'other-'],
  ])
})

test('a broken publisher.json is an error at its first line', () => {
  const source = sourceOf({ 'x/publisher.json': '{ nope', 'x/a.md': '' })
  expect(source.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`)).toEqual([
    expect.stringMatching(/^x\/publisher\.json:1:1: publisher config: invalid JSON: /),
  ])
})

test('folders named without ASCII letters get distinct, stable prefixes from a hash of the name', () => {
  const lenient = '{ "mode": "lenient" }'
  const source = sourceOf({
    '机器之心/publisher.json': lenient,
    '机器之心/a.md': '',
    '量子位/publisher.json': lenient,
    '量子位/a.md': '',
    'AI 早报/publisher.json': lenient,
    'AI 早报/a.md': '',
  })
  expect(source.diagnostics).toEqual([])
  const prefixOf = (id: string) => source.publishers.get(id)!.idPrefix
  expect(prefixOf('AI 早报')).toMatch(/^ai-[0-9a-f]{6}-$/)
  expect(prefixOf('机器之心')).toMatch(/^[0-9a-f]{6}-$/)
  expect(prefixOf('量子位')).toMatch(/^[0-9a-f]{6}-$/)
  const prefixes = ['AI 早报', '机器之心', '量子位'].map(prefixOf)
  expect(new Set(prefixes).size).toBe(3)
  const again = sourceOf({ '量子位/publisher.json': lenient, '量子位/b.md': '' })
  expect(again.publishers.get('量子位')!.idPrefix).toBe(source.publishers.get('量子位')!.idPrefix)
})

test('two folders that map to one id prefix are an error naming both', () => {
  const source = sourceOf({
    'AI News/publisher.json': '{}',
    'AI News/a.md': '',
    'ai-news/publisher.json': '{}',
    'ai-news/a.md': '',
  })
  expect(source.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
    'AI News/publisher.json: publisher config: folders "AI News", "ai-news" give the same id prefix "ai-news-": rename one folder',
    'ai-news/publisher.json: publisher config: folders "ai-news", "AI News" give the same id prefix "ai-news-": rename one folder',
  ])
})
