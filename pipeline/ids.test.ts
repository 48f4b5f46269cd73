import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileFile } from './compile-file.ts'
import { itemIdOf } from './ids.ts'
import { digestFile, sourceOf } from './test-support.ts'

const entries = Array.from(
  { length: 6 },
  (_, i) => `- [条目 ${i}](https://x.com/u${i}/status/${1000 + i})\n\n  摘要 **术语${i}** 文本。\n`,
)

/** Compiles one digest whose items are `order` (indexes into `entries`); url → item id. */
function idsByUrl(order: number[], date = '2025-12-22T04:08:38+08:00') {
  const front = `---\ntitle: t\ndate: ${date}\n---\n`
  // The per-file step of the compiler, which alone makes ids (it is synchronous, so properties run fast).
  const source = sourceOf({ 'd.md': digestFile(order.map((i) => entries[i]).join('\n'), front) })
  const result = compileFile(source.files[0]!, source.publishers.get(source.files[0]!.publisher)!)
  if (!result.digest) throw new Error(JSON.stringify(result.diagnostics))
  return new Map<string, string>(result.digest.items.map((item) => [item.url!, item.id]))
}

describe('item ids', () => {
  test('have the form <digestId>-<8 hex>', () => {
    expect(itemIdOf('2025-12-22-04', { url: 'https://a.com/1', title: 'x' })).toMatch(
      /^2025-12-22-04-[0-9a-f]{8}$/,
    )
  })

  test('depend on the link, not the title or position', () => {
    const a = itemIdOf('d', { url: 'https://a.com/1', title: 'one' })
    expect(itemIdOf('d', { url: 'https://a.com/1', title: 'renamed' })).toBe(a)
    expect(itemIdOf('d', { url: 'https://a.com/2', title: 'one' })).not.toBe(a)
  })

  test('any reordering of a digest keeps every item id (property)', () => {
    const reference = idsByUrl([0, 1, 2, 3, 4, 5])
    expect(new Set(reference.values()).size).toBe(6)
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 1 }), (order) => {
        const ids = idsByUrl(order)
        for (const [url, id] of ids) expect(id).toBe(reference.get(url))
      }),
      { numRuns: 40 },
    )
  })

  test('the same link in two digests gets two ids', () => {
    const first = idsByUrl([0, 1])
    const second = idsByUrl([0, 1], '2025-12-22T08:08:38+08:00')
    for (const [url, id] of first) {
      expect(second.get(url)).not.toBe(id)
      expect(second.get(url)).toMatch(/^2025-12-22-08-/)
    }
  })
})
