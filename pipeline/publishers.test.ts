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
