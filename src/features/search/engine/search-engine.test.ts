import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { searchDataSchema, type SearchDoc } from '@/types/content'
import { createSearchEngine } from './search-engine'

const docs = await compileSeed()
const engine = createSearchEngine(docs)
const byTitle = (start: string) => docs.find((d) => d.title.startsWith(start))!
const karpathy = byTitle('Andrej Karpathy')
const redis = byTitle('Redis之父')
const nanoPro = byTitle('Nano Banana Pro')
const ids = (query: string, filters = {}) =>
  engine.search({ query, filters, limit: 100 }).hits.map((h) => h.doc.id)

describe('search on the seed digest', () => {
  test('RLVR finds the Karpathy item first', () => {
    expect(ids('RLVR')[0]).toBe(karpathy.id)
  })

  test('a title hit ranks above a summary hit: Nano Banana Pro before Karpathy', () => {
    const found = ids('Nano Banana')
    expect(found).toContain(karpathy.id)
    expect(found.indexOf(nanoPro.id)).toBeLessThan(found.indexOf(karpathy.id))
  })

  test.each(['Nano Banan', 'Claud Code', 'Karpaty', 'claude code', 'ＲＬＶＲ'])(
    'forgives typos, case and width: %s finds the Karpathy item',
    (query) => {
      expect(ids(query)).toContain(karpathy.id)
    },
  )

  test.each(['强化学习', '可验证奖励'])('Chinese %s finds items 1 and 2', (query) => {
    expect(ids(query)).toEqual(expect.arrayContaining([karpathy.id, redis.id]))
  })

  test('a term deep inside a long summary is found', () => {
    const deep = docs.flatMap((doc) =>
      doc.terms.filter((t) => doc.text.indexOf(t) >= 150).map((term) => ({ doc, term })),
    )
    expect(deep.length).toBeGreaterThan(0)
    for (const { doc, term } of deep) expect(ids(term)).toContain(doc.id)
  })

  test('every word of a mixed query must match', () => {
    expect(ids('Gemini 信息图')).toEqual([byTitle('AI 赋能下的内容创作').id])
    expect(ids('Gemini 火星基地')).toEqual([])
  })

  test('exact hits rank above fuzzy ones', () => {
    const hits = engine.search({ query: 'Banana' }).hits
    expect(hits.length).toBeGreaterThan(1)
    expect(hits.every((h) => h.exact)).toBe(true)
    const fuzzy = engine.search({ query: 'Bananas' }).hits
    expect(fuzzy.map((h) => h.exact)).toEqual([...fuzzy.map((h) => h.exact)].sort().reverse())
  })

  test('highlights cover the matched words in title, snippet and terms', () => {
    const [hit] = engine.search({ query: 'Nano Banana' }).hits
    const marked = (text: string, ranges: [number, number][]) =>
      ranges.map(([a, b]) => text.slice(a, b))
    expect(marked(hit.doc.title, hit.titleRanges)).toEqual(['Nano Banana'])
    expect(marked(hit.snippet.text, hit.snippet.ranges)).toContain('Nano Banana')
  })

  test('a word found exactly is not also marked where it only nearly matches; marks are whole words', () => {
    const marked = (text: string, ranges: [number, number][]) =>
      ranges.map(([a, b]) => text.slice(a, b))
    const exact = engine
      .search({ query: 'Claude Code' })
      .hits.find((h) => h.doc.id === karpathy.id)!
    expect(exact.termRanges.map((t) => t.term)).toEqual(['Claude Code'])
    expect(marked(exact.snippet.text, exact.snippet.ranges)).toContain('Claude Code')
    // A typo: `Claud` sits inside "Claude", and the mark covers the word.
    const typo = engine.search({ query: 'Claud Code' }).hits.find((h) => h.doc.id === karpathy.id)!
    expect(marked(typo.snippet.text, typo.snippet.ranges)).toContain('Claude Code')
  })

  test('filters narrow by category, source and date', () => {
    expect(ids('AI', { source: '@dotey' }).length).toBeGreaterThan(0)
    for (const id of ids('AI', { source: '@dotey' }))
      expect(docs.find((d) => d.id === id)?.handle).toBe('dotey')
    expect(ids('RLVR', { category: '模型应用' })).toEqual([karpathy.id])
    expect(ids('RLVR', { category: '不存在的分类' })).toEqual([])
    expect(ids('RLVR', { from: '2025-12-22', to: '2025-12-22' })).toEqual([karpathy.id])
    expect(ids('RLVR', { from: '2025-12-23' })).toEqual([])
  })

  test('an empty query lists the newest items; nothing found suggests the nearest terms', () => {
    expect(engine.search({ query: '' }).total).toBe(docs.length)
    const none = engine.search({ query: 'Gemnii' })
    expect(none.total).toBe(0)
    expect(none.suggestions).toContain('Gemini')
  })

  test('a several-word query that found nothing gets suggestions for each word', () => {
    const none = engine.search({ query: 'Gemnii Cursr' })
    expect(none.total).toBe(0)
    expect(none.suggestions).toEqual(expect.arrayContaining(['Gemini', 'Cursor']))
    // A word of a several-word term is near enough: "Codng" → "Vibe Coding" / "Claude Code".
    const coding = engine.search({ query: 'Codng 灭绝' })
    expect(coding.total).toBe(0)
    expect(coding.suggestions.some((s) => /Cod/.test(s))).toBe(true)
    // Words that each find items but never together, near no term: offered one by one.
    const apart = engine.search({ query: 'Karpathyy Redis' })
    expect(apart.total).toBe(0)
    expect(apart.suggestions).toEqual(expect.arrayContaining(['Karpathyy', 'Redis']))
  })

  test('the empty query offers recent terms, looking past newest items that have none', () => {
    const base = docs[0]
    const bare = Array.from({ length: 30 }, (_, n) => ({
      ...base,
      id: `bare-${n}`,
      time: base.time + 1000 * (n + 1),
      terms: [],
    }))
    const recent = createSearchEngine([...docs, ...bare]).search({ query: '' }).recentTerms
    expect(recent?.length).toBeGreaterThan(0)
    expect(docs.flatMap((d) => d.terms)).toEqual(expect.arrayContaining(recent ?? []))
    expect(engine.search({ query: 'RLVR' }).recentTerms).toBeUndefined()
  })
})

describe('recall of exact substrings (property)', () => {
  test('any substring of a seed title or summary finds its item', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...docs),
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        (doc, inTitle, start, length) => {
          const text = inTitle ? doc.title : doc.text
          const from = start % text.length
          const needle = text.slice(from, from + length).trim()
          fc.pre(needle.length > 0 && !/[\s,，、;；]/u.test(needle))
          expect(ids(needle)).toContain(doc.id)
        },
      ),
      { numRuns: 300 },
    )
  })

  test('on arbitrary mixed-script items, every substring is found', () => {
    const alphabet = [...'abcAB12 模型强化学习验证-．Ｋ']
    const text = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 60 })
      .map((chars) => chars.join(''))
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        (texts, pick, cut) => {
          const items: SearchDoc[] = texts.map((t, i) => ({
            id: `d-${i}`,
            digestId: '2025-12-22-04',
            publisher: 'p',
            time: i,
            title: `t${i}`,
            text: t,
            terms: [],
            categories: [],
          }))
          const target = items[pick % items.length]
          const from = cut % target.text.length
          const needle = target.text.slice(from, from + 1 + (cut % 9)).trim()
          fc.pre(needle.length > 0 && !/\s/u.test(needle))
          const found = createSearchEngine(items).search({ query: needle, limit: 100 })
          expect(found.hits.map((h) => h.doc.id)).toContain(target.id)
        },
      ),
      { numRuns: 300 },
    )
  })
})

/**
 * The seed's search docs, compiled by the real pipeline. The specifiers are computed so that the
 * app's type program (browser libs only) does not pull in the Node-only compiler.
 */
async function compileSeed(): Promise<SearchDoc[]> {
  const pipeline = '../../../../pipeline/'
  const { compileContent } = await import(/* @vite-ignore */ `${pipeline}compile.ts`)
  const { readContentDir } = await import(/* @vite-ignore */ `${pipeline}fs-content.ts`)
  const compiled = compileContent(await readContentDir('content/digests'))
  if (!compiled.ok) throw new Error('the seed does not compile')
  const { manifest, files } = compiled.content as {
    manifest: { search: string }
    files: Map<string, string>
  }
  return searchDataSchema.parse(JSON.parse(files.get(manifest.search)!)).docs
}
