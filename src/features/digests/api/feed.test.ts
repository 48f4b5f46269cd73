import { describe, expect, test } from 'vitest'
import type { CategoryAggregate, Digest, DigestSummary, Head, MonthEntry } from '@/types/content'
import { categoryFeed, locateRow, monthsOfRows, timelineFeed } from './feed'

const month = (name: string, publishers: Record<string, number>): MonthEntry => ({
  month: name,
  file: `months/${name}.hash.json`,
  digestCount: Object.values(publishers).reduce((n, c) => n + c, 0),
  itemCount: 0,
  publishers,
})

const summary = (id: string, publisher: string, categories: string[]): DigestSummary => ({
  id,
  publisher,
  title: id,
  date: '2025-12-22T04:00:00+08:00',
  time: 0,
  offsetMinutes: 480,
  categories,
  itemCount: 0,
  chunk: 'chunks/x.json',
})

const newest: Digest[] = [
  { ...summary('2025-12-22-04', 'ai', ['AI']), items: [] },
  { ...summary('2025-12-22-00', 'ai', []), items: [] },
]

/** Two publishers over three months; wire skips October, ai has no digest in November. */
const head: Head = {
  schemaVersion: 2,
  contentHash: 'h',
  publishers: [
    { id: 'ai', name: 'AI', idPrefix: '', digestCount: 5, itemCount: 0 },
    { id: 'wire', name: 'Wire', idPrefix: 'wire-', digestCount: 3, itemCount: 0 },
  ],
  digestCount: 8,
  itemCount: 0,
  months: [
    month('2025-12', { ai: 3, wire: 1 }),
    month('2025-11', { wire: 2 }),
    month('2025-10', { ai: 2 }),
  ],
  newest,
  aggregates: 'aggregates.json',
  search: 'search/root.json',
}
const [ai, wire] = head.publishers as [Head['publishers'][0], Head['publishers'][0]]
const [dec, nov, oct] = head.months as [MonthEntry, MonthEntry, MonthEntry]

const category: CategoryAggregate = {
  name: 'AI',
  count: 4,
  months: { '2025-12': { ai: 2, wire: 1 }, '2025-10': { ai: 1 } },
}

const shape = (feed: ReturnType<typeof timelineFeed>) => ({
  months: feed.months.map((m) => [m.entry.month, m.count]),
  total: feed.total,
})

describe('timelineFeed', () => {
  test('every digest: each month with its count, newest first, the head’s digests first', () => {
    const feed = timelineFeed(head)
    expect(shape(feed)).toEqual({
      months: [
        ['2025-12', 4],
        ['2025-11', 2],
        ['2025-10', 2],
      ],
      total: 8,
    })
    expect(feed.first).toBe(newest)
    expect(feed.accept(summary('wire-2025-11-02', 'wire', []))).toBe(true)
  })

  test('one publisher: only months it has, its digests only, nothing from the head', () => {
    const feed = timelineFeed(head, wire)
    expect(shape(feed)).toEqual({
      months: [
        ['2025-12', 1],
        ['2025-11', 2],
      ],
      total: 3,
    })
    // The head's newest are every publisher's: the filtered feed reads month pages instead.
    expect(feed.first).toEqual([])
    expect(feed.accept(summary('wire-2025-12-01', 'wire', []))).toBe(true)
    expect(feed.accept(summary('2025-12-22-04', 'ai', []))).toBe(false)
  })
})

describe('categoryFeed', () => {
  test('counts the category’s digests of every publisher per month', () => {
    const feed = categoryFeed(head, category)
    expect(shape(feed)).toEqual({
      months: [
        ['2025-12', 3],
        ['2025-10', 1],
      ],
      total: 4,
    })
    expect(feed.first).toEqual([])
    expect(feed.accept(summary('wire-2025-12-01', 'wire', ['AI', '模型']))).toBe(true)
    expect(feed.accept(summary('2025-12-22-00', 'ai', ['模型']))).toBe(false)
  })

  test('with a publisher, only that publisher’s digests in the category', () => {
    const feed = categoryFeed(head, category, wire)
    expect(shape(feed)).toEqual({ months: [['2025-12', 1]], total: 1 })
    expect(feed.accept(summary('wire-2025-12-01', 'wire', ['AI']))).toBe(true)
    expect(feed.accept(summary('2025-12-22-04', 'ai', ['AI']))).toBe(false)
    expect(feed.accept(summary('wire-2025-12-02', 'wire', ['模型']))).toBe(false)
    expect(categoryFeed(head, category, ai).total).toBe(3)
  })

  test('a category none of the months know is an empty feed', () => {
    const feed = categoryFeed(head, { name: '空', count: 0, months: { '2024-01': { ai: 3 } } })
    expect(shape(feed)).toEqual({ months: [], total: 0 })
  })
})

describe('locateRow', () => {
  test('finds a row’s month and its place among the month’s feed digests', () => {
    const feed = timelineFeed(head)
    const at = (index: number) => {
      const place = locateRow(feed, index)
      return place && [place.month.month, place.offset]
    }
    expect([0, 3, 4, 5, 6, 7].map(at)).toEqual([
      ['2025-12', 0],
      ['2025-12', 3],
      ['2025-11', 0],
      ['2025-11', 1],
      ['2025-10', 0],
      ['2025-10', 1],
    ])
    expect(at(8)).toBeNull()
  })

  test('counts only the feed’s own digests of each month', () => {
    const feed = timelineFeed(head, wire)
    expect(locateRow(feed, 1)).toEqual({ month: nov, offset: 0 })
    expect(locateRow(feed, 2)).toEqual({ month: nov, offset: 1 })
    expect(locateRow(feed, 3)).toBeNull()
  })
})

describe('monthsOfRows', () => {
  const feed = timelineFeed(head)
  test('the month pages a range of rows sits on, each once, newest first', () => {
    expect(monthsOfRows(feed, 0, 2)).toEqual([dec])
    expect(monthsOfRows(feed, 3, 4)).toEqual([dec, nov])
    expect(monthsOfRows(feed, 0, 7)).toEqual([dec, nov, oct])
    expect(monthsOfRows(feed, 5, 6)).toEqual([nov, oct])
    expect(monthsOfRows(feed, 7, 7)).toEqual([oct])
  })

  test('rows past the end sit on no month', () => {
    expect(monthsOfRows(feed, 8, 20)).toEqual([])
    expect(monthsOfRows(timelineFeed(head, wire), 0, 10)).toEqual([dec, nov])
  })
})
