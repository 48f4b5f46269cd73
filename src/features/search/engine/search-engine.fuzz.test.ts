import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import type { TextDoc } from '@/types/search-index'
import { fold, queryWords } from '@/lib/search-text/normalize'
import type { SearchEngine } from './search-engine'

/** What test/search-index-fixture.ts gives (see search-engine.test.ts for why it is imported so). */
interface IndexFixture {
  engine: SearchEngine
  items: TextDoc[]
}
const fixtureModule = '../../../../test/search-index-fixture.ts'
const { compiledIndex } = (await import(/* @vite-ignore */ fixtureModule)) as {
  compiledIndex(which: 'seed' | 'two-publishers'): Promise<IndexFixture>
}
// The seed: every query is ranked and re-scored in full, so a small archive keeps ten thousand fast.
const { engine, items } = await compiledIndex('seed')

const FUZZ_RUNS = 10_000
// The same cases on every run (CI is red only when the code changed); FUZZ_SEED explores others.
fc.configureGlobal({ seed: Number(import.meta.env.FUZZ_SEED ?? 20_261_202) })

/** Each item's title, terms and text, folded once: the scan below runs ten thousand times. */
const folded = items.map((item) => ({
  id: item.id,
  fields: [item.title, item.terms.join('\n'), item.text].map(fold),
}))

/** Ids of the items holding every word of the query, by a plain scan of their folded fields. */
function includesScan(query: string): string[] {
  const words = queryWords(query)
  return folded
    .filter(({ fields }) => words.every((w) => fields.some((f) => f.includes(w))))
    .map(({ id }) => id)
}

/** Pieces of queries people (and pasted text) produce, regex syntax and odd code points among them. */
const PIECES = [
  ...'.*+?^$()[]{}|\\/-',
  '(?:',
  '[^a]',
  '\\d+',
  'a{2,}',
  '$&',
  '模型',
  '强化学习',
  'RLVR',
  'ＲＬＶＲ',
  'Claude Code',
  'İ',
  'ß',
  '🚀',
  '👩‍💻',
  '\u202e',
  '\u200b',
  '\ud800',
  '\u3000',
  '\t',
  '\n',
  '，',
  '、',
  '；',
  '“”',
  'a'.repeat(2_000),
  '模'.repeat(500),
]
const junk = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''))

/** A cut from some item's title, terms or text: what the exact-recall property is about. */
const cut = fc
  .tuple(fc.nat(), fc.constantFrom(0, 1, 2), fc.nat(), fc.integer({ min: 1, max: 16 }))
  .map(([pick, field, start, length]) => {
    const item = items[pick % items.length]!
    const text = [item.title, item.terms.join('\n'), item.text][field]!
    const from = text.length === 0 ? 0 : start % text.length
    return text.slice(from, from + length)
  })
/** The cut as typed: as is, folded, upper case, full width, padded, or two cuts together. */
const typed = fc
  .tuple(
    cut,
    fc.constantFrom('as-is', 'fold', 'upper', 'wide', 'padded'),
    fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: cut }),
  )
  .map(([text, how, other]) => {
    const base =
      how === 'fold'
        ? fold(text)
        : how === 'upper'
          ? text.toUpperCase()
          : how === 'wide'
            ? text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
            : how === 'padded'
              ? ` \t${text}\u3000 `
              : text
    return other === null ? base : `${base} ${other}`
  })
const query = fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: junk })

const inside = (ranges: [number, number][], text: string) =>
  ranges.every(([a, b]) => 0 <= a && a <= b && b <= text.length)

// Ten thousand queries: about 10 s a property when the machine is quiet, far more when it is shared.
vi.setConfig({ testTimeout: 120_000 })

describe(`search engine, ${FUZZ_RUNS} generated queries`, () => {
  test('never throws; at most a page of hits, each marked inside its own text', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const result = await engine.search({ query: q, limit: 20 })
        expect(result.hits.length).toBeLessThanOrEqual(Math.min(20, result.total))
        const bad = result.hits.filter(
          (h) => !inside(h.titleRanges, h.doc.title) || !inside(h.snippet.ranges, h.snippet.text),
        )
        expect(bad).toEqual([])
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('exact recall: every item whose folded text includes every query word is found', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const expected = includesScan(q)
        const found = new Set(await engine.matchingIds({ query: q }))
        if (queryWords(q).length > 0 && expected.length > 0) checked++
        expect(expected.filter((id) => !found.has(id))).toEqual([])
      }),
      { numRuns: FUZZ_RUNS },
    )
    // Most queries must have something to recall, or the property says little.
    expect(checked).toBeGreaterThan(FUZZ_RUNS / 2)
  })
})
