import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import type { Digest } from '@/types/content'
import type { TextDoc } from '@/types/search-index'
import type { SearchEngine } from './search-engine'
import type { SearchFilters } from './types'
import { fold, queryWords } from '@/lib/search-text/normalize'

/** What test/search-index-fixture.ts gives: an engine over an index the real compiler built. */
interface IndexFixture {
  engine: SearchEngine
  items: TextDoc[]
  fetched: string[]
  failNext: (part: string) => void
  reopen: () => IndexFixture
}
interface Fixtures {
  compiledIndex(which: 'seed' | 'two-publishers'): Promise<IndexFixture>
  builtIndex(digests: Digest[]): IndexFixture
}
// The fixture needs the Node-only compiler: a computed specifier keeps it out of the app's type
// program (browser libs only) and its import rules, as the old in-memory fixture did.
const fixtureModule = '../../../../test/search-index-fixture.ts'
const { compiledIndex, builtIndex } = (await import(/* @vite-ignore */ fixtureModule)) as Fixtures

const seed = await compiledIndex('seed')
const { engine, items } = seed
const byTitle = (start: string) => items.find((d) => d.title.startsWith(start))!
const karpathy = byTitle('Andrej Karpathy')
const redis = byTitle('Redis之父')
const nanoPro = byTitle('Nano Banana Pro')
const idsIn = async (on: SearchEngine, query: string, filters: SearchFilters = {}) =>
  (await on.search({ query, filters, limit: 100 })).hits.map((h) => h.doc.id)
const ids = (query: string, filters: SearchFilters = {}) => idsIn(engine, query, filters)

describe('search on the seed digest', () => {
  test('RLVR finds the Karpathy item first', async () => {
    expect((await ids('RLVR'))[0]).toBe(karpathy.id)
  })

  test('a title hit ranks above a summary hit: Nano Banana Pro before Karpathy', async () => {
    const found = await ids('Nano Banana')
    expect(found).toContain(karpathy.id)
    expect(found.indexOf(nanoPro.id)).toBeLessThan(found.indexOf(karpathy.id))
  })

  test.each(['Nano Banan', 'Claud Code', 'Karpaty', 'claude code', 'ＲＬＶＲ'])(
    'forgives typos, case and width: %s finds the Karpathy item',
    async (query) => {
      expect(await ids(query)).toContain(karpathy.id)
    },
  )

  test.each(['强化学习', '可验证奖励'])('Chinese %s finds items 1 and 2', async (query) => {
    expect(await ids(query)).toEqual(expect.arrayContaining([karpathy.id, redis.id]))
  })

  test('a term deep inside a long summary is found', async () => {
    const deep = items.flatMap((doc) =>
      doc.terms.filter((t) => doc.text.indexOf(t) >= 150).map((term) => ({ doc, term })),
    )
    expect(deep.length).toBeGreaterThan(0)
    for (const { doc, term } of deep) expect(await ids(term)).toContain(doc.id)
  })

  test('every word of a mixed query must match', async () => {
    expect(await ids('Gemini 信息图')).toEqual([byTitle('AI 赋能下的内容创作').id])
    expect(await ids('Gemini 火星基地')).toEqual([])
  })

  test('highlights cover the matched words in title, snippet and terms', async () => {
    const [hit] = (await engine.search({ query: 'Nano Banana' })).hits
    const marked = (text: string, ranges: [number, number][]) =>
      ranges.map(([a, b]) => text.slice(a, b))
    expect(marked(hit.doc.title, hit.titleRanges)).toEqual(['Nano Banana'])
    expect(marked(hit.snippet.text, hit.snippet.ranges)).toContain('Nano Banana')
  })

  test('a word found exactly is not also marked where it only nearly matches; marks are whole words', async () => {
    const marked = (text: string, ranges: [number, number][]) =>
      ranges.map(([a, b]) => text.slice(a, b))
    const exact = (await engine.search({ query: 'Claude Code' })).hits.find(
      (h) => h.doc.id === karpathy.id,
    )!
    expect(exact.termRanges.map((t) => t.term)).toEqual(['Claude Code'])
    expect(marked(exact.snippet.text, exact.snippet.ranges)).toContain('Claude Code')
    // A typo: `Claud` sits inside "Claude", and the mark covers the word.
    const typo = (await engine.search({ query: 'Claud Code' })).hits.find(
      (h) => h.doc.id === karpathy.id,
    )!
    expect(marked(typo.snippet.text, typo.snippet.ranges)).toContain('Claude Code')
  })

  test('filters narrow by category, source and date', async () => {
    const dotey = await ids('AI', { source: '@dotey' })
    expect(dotey.length).toBeGreaterThan(0)
    for (const id of dotey) expect(items.find((d) => d.id === id)?.handle).toBe('dotey')
    expect(await ids('RLVR', { category: '模型应用' })).toEqual([karpathy.id])
    expect(await ids('RLVR', { category: '不存在的分类' })).toEqual([])
    expect(await ids('RLVR', { from: '2025-12-22', to: '2025-12-22' })).toEqual([karpathy.id])
    expect(await ids('RLVR', { from: '2025-12-23' })).toEqual([])
  })

  test('an empty query lists every item; nothing found suggests the nearest terms', async () => {
    expect((await engine.search({ query: '' })).total).toBe(items.length)
    const none = await engine.search({ query: 'Gemnii' })
    expect(none.total).toBe(0)
    expect(none.suggestions).toContain('Gemini')
  })

  test('a several-word query that found nothing gets suggestions for each word', async () => {
    const none = await engine.search({ query: 'Gemnii Cursr' })
    expect(none.total).toBe(0)
    expect(none.suggestions).toEqual(expect.arrayContaining(['Gemini', 'Cursor']))
    // A word of a several-word term is near enough: "Codng" → "Vibe Coding" / "Claude Code".
    const coding = await engine.search({ query: 'Codng 灭绝' })
    expect(coding.total).toBe(0)
    expect(coding.suggestions.some((s) => /Cod/.test(s))).toBe(true)
    // Words that each find items but never together, near no term: offered one by one.
    const apart = await engine.search({ query: 'Karpathyy Redis' })
    expect(apart.total).toBe(0)
    expect(apart.suggestions).toEqual(expect.arrayContaining(['Karpathyy', 'Redis']))
  })
  // The empty query's "recent terms" moved out of the engine into the compiled aggregates
  // (`recentTerms`): test/recent-terms.test.ts checks it looks past newest items without terms.
})

let digestSeq = 0
/** A digest as the compiler would produce it, with items of plain text. */
function digestOf(
  list: { title: string; text: string; terms?: string[] }[],
  date = '2025-12-22T04:00:00+08:00',
): Digest {
  const id = `2025-12-22-${String(digestSeq++).padStart(2, '0')}`
  return {
    id,
    publisher: 'ai-4h',
    title: `摘要 ${id}`,
    date,
    time: Date.parse(date),
    offsetMinutes: 480,
    categories: [],
    itemCount: list.length,
    chunk: 'chunks/2025-12.test.json',
    items: list.map((item, i) => ({
      id: `${id}-i${i}`,
      position: i + 1,
      title: item.title,
      url: `https://example.com/${id}/${i}`,
      summary: [{ kind: 'text', text: item.text }],
      text: item.text,
      terms: item.terms ?? [],
    })),
  }
}

describe('ranking', () => {
  test('exact hits rank above fuzzy ones, even a fuzzy title hit above an exact summary hit', async () => {
    // `agents` is one edit from the title word `Agent` (a fuzzy hit in the weightiest field) and
    // sits exactly, but only inside a longer word, in a summary (the lightest exact hit). On field
    // and word scores alone the fuzzy title would win; exactness must come first.
    const index = builtIndex([
      digestOf([
        { title: 'Agent 框架发布', text: '一个新的开源框架。' },
        { title: '工作流观察', text: '越来越多团队采用 multi-agents 工作流。' },
        { title: '另一个框架', text: '名为 Agentz 的项目也发布了。' },
        { title: 'Agents 周报', text: '本周要闻。' },
        { title: '无关条目', text: '与查询无关。' },
      ]),
    ])
    const { hits } = await index.engine.search({ query: 'agents' })
    const flags = hits.map((h) => h.exact)
    // The list mixes both kinds, so the order below says something.
    expect(flags).toContain(true)
    expect(flags).toContain(false)
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)))
    const titles = hits.map((h) => h.doc.title)
    expect(titles.slice(0, 2)).toEqual(['Agents 周报', '工作流观察'])
    expect(new Set(titles.slice(2))).toEqual(new Set(['Agent 框架发布', '另一个框架']))
  })

  test('an empty query lists every item newest first, across segments', async () => {
    const archive = await compiledIndex('two-publishers')
    const result = await archive.engine.search({ query: '', limit: 1000 })
    expect(result.total).toBe(archive.items.length)
    const times = result.hits.map((h) => h.digest.time)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(new Set(result.hits.map((h) => h.digest.publisher))).toEqual(new Set(['ai-4h', 'wire']))
  })

  test('the publisher filter keeps that publisher’s items, in every segment', async () => {
    const archive = await compiledIndex('two-publishers')
    const wire = await archive.engine.search({ query: '', filters: { publisher: 'wire' } })
    expect(wire.total).toBe(4)
    expect(wire.hits.every((h) => h.digest.publisher === 'wire')).toBe(true)
    const models = await archive.engine.search({ query: '模型', filters: { publisher: 'wire' } })
    expect(models.hits.map((h) => h.doc.title)).toEqual(['某实验室发布开源推理模型'])
  })
})

describe('pages and fetching', () => {
  test('pages are consecutive slices of one ranking, each with the total', async () => {
    const { engine: archive } = await compiledIndex('two-publishers')
    const all = await archive.search({ query: 'AI', limit: 1000 })
    expect(all.total).toBeGreaterThan(20)
    expect(all.hits).toHaveLength(all.total)
    const paged: string[] = []
    for (let offset = 0; offset < all.total; offset += 7) {
      const page = await archive.search({ query: 'AI', offset, limit: 7 })
      expect(page).toMatchObject({ total: all.total, offset })
      paged.push(...page.hits.map((h) => h.doc.id))
    }
    expect(paged).toEqual(all.hits.map((h) => h.doc.id))
    const past = await archive.search({ query: 'AI', offset: all.total, limit: 7 })
    expect(past.hits).toEqual([])
    // matchingIds is the same set, unranked.
    expect(new Set(await archive.matchingIds({ query: 'AI' }))).toEqual(new Set(paged))
  })

  test('a query fetches the text of its hits only, and a later one only what it lacks', async () => {
    // 48 items: three text shards of 16. Each item has a two-character word of its own (too
    // short for typos, so no other item matches it).
    const word = (i: number) => String.fromCharCode(0x4e00 + 2 * i, 0x4e01 + 2 * i)
    const list = Array.from({ length: 48 }, (_, i) => ({
      title: `条目 ${i}`,
      text: `第 ${i} 条的摘要，关键词${word(i)}。`,
    }))
    const index = builtIndex([digestOf(list)])
    const first = await index.engine.search({ query: word(40) })
    expect(first.hits.map((h) => h.doc.title)).toEqual(['条目 40'])
    const textShards = (files: string[]) => files.filter((f) => /\/t\d+\.json$/.test(f))
    expect(textShards(index.fetched).map((f) => f.split('/').pop())).toEqual(['t2.json'])
    const before = index.fetched.length
    const second = await index.engine.search({ query: word(41) })
    expect(second.hits.map((h) => h.doc.title)).toEqual(['条目 41'])
    // Same text shard, doc table and vocabulary: nothing new but, at most, a postings shard.
    expect(index.fetched.slice(before).every((f) => /\/p\d+\.json$/.test(f))).toBe(true)
  })

  test('warm fetches every segment’s doc table and vocabulary; a query then needs neither', async () => {
    const archive = (await compiledIndex('two-publishers')).reopen()
    await archive.engine.warm()
    const warmed = archive.fetched.map((f) => f.split('/').pop()).sort()
    expect(warmed).toEqual(['docs.json', 'docs.json', 'vocab.json', 'vocab.json'])
    const before = archive.fetched.length
    await archive.engine.search({ query: 'RLVR' })
    const later = archive.fetched.slice(before)
    expect(later.length).toBeGreaterThan(0)
    expect(later.some((f) => /\/(docs|vocab)\.json$/.test(f))).toBe(false)
  })

  test('a prefetched query fetches everything its first page needs; its search then fetches nothing', async () => {
    const archive = (await compiledIndex('two-publishers')).reopen()
    const request = { query: 'Claude', filters: {}, offset: 0, limit: 20 }
    await archive.engine.prefetch(request)
    expect(archive.fetched.some((f) => /\/t\d+\.json$/.test(f))).toBe(true)
    const before = archive.fetched.length
    const result = await archive.engine.search(request)
    expect(result.hits.length).toBeGreaterThan(0)
    expect(archive.fetched.slice(before)).toEqual([])
  })

  test('a piece that fails to load fails that query only; the next one fetches it again', async () => {
    const archive = (await compiledIndex('seed')).reopen()
    archive.failNext('/t0.json')
    await expect(archive.engine.search({ query: 'RLVR' })).rejects.toThrow('HTTP 503')
    const again = await archive.engine.search({ query: 'RLVR' })
    expect(again.hits[0]?.doc.id).toBe(karpathy.id)
    expect(archive.fetched.filter((f) => f.endsWith('/t0.json'))).toHaveLength(2)
    // The same for a postings shard, on an engine that has not fetched it yet.
    const fresh = archive.reopen()
    fresh.failNext('/p0.json')
    await expect(fresh.engine.search({ query: 'Cursor' })).rejects.toThrow('HTTP 503')
    expect((await fresh.engine.search({ query: 'Cursor' })).total).toBeGreaterThan(0)
  })
})

/** Ids of the items holding every word of the query, by a plain scan of their folded fields. */
function includesScan(list: TextDoc[], query: string): string[] {
  const words = queryWords(query)
  return list
    .filter((item) => {
      const fields = [item.title, item.terms.join('\n'), item.text].map(fold)
      return words.every((w) => fields.some((f) => f.includes(w)))
    })
    .map((item) => item.id)
}

describe('exact recall against an includes scan (property)', () => {
  test('every item an includes scan finds for a substring of some item, the engine finds', async () => {
    // Two publishers, two segments, several postings and text shards.
    const archive = await compiledIndex('two-publishers')
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom(0, 1, 2),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        async (pick, field, start, length, folded) => {
          const item = archive.items[pick % archive.items.length]
          const text = [item.title, item.terms.join('\n'), item.text][field]
          fc.pre(text.length > 0)
          const from = start % text.length
          const cut = text.slice(from, from + length)
          // The query as the user might type it, or already folded (lower case, half width).
          const query = folded ? fold(cut) : cut
          fc.pre(queryWords(query).length > 0)
          const expected = includesScan(archive.items, query)
          expect(expected).toContain(item.id)
          const found = new Set(await archive.engine.matchingIds({ query }))
          expect(expected.filter((id) => !found.has(id))).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })

  test('on arbitrary mixed-script items, every substring finds all that hold it', async () => {
    const alphabet = [...'abcAB12 模型强化学习验证-．Ｋ']
    const text = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 60 })
      .map((chars) => chars.join(''))
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        async (texts, pick, cut) => {
          const index = builtIndex([digestOf(texts.map((t, i) => ({ title: `t${i}`, text: t })))])
          const target = index.items[pick % index.items.length]
          const from = cut % target.text.length
          const needle = target.text.slice(from, from + 1 + (cut % 9)).trim()
          fc.pre(needle.length > 0 && !/\s/u.test(needle))
          const found = await index.engine.search({ query: needle, limit: 100 })
          const ids = found.hits.map((h) => h.doc.id)
          expect(ids).toContain(target.id)
          expect(includesScan(index.items, needle).filter((id) => !ids.includes(id))).toEqual([])
        },
      ),
      { numRuns: 300 },
    )
  })
})
