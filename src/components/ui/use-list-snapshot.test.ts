import { describe, expect, test } from 'vitest'
import { initialMeasurements, readSnapshot, type ListSnapshot } from './use-list-snapshot'

const KEY = 'timeline::abc'
const store = (value: unknown) =>
  sessionStorage.setItem(
    `digest-reader:list:${KEY}`,
    typeof value === 'string' ? value : JSON.stringify(value),
  )
const good: ListSnapshot = {
  total: 20,
  margin: 120,
  scrollY: 3000,
  sizes: [
    [0, 412.5],
    [1, 380],
    [7, 0],
  ],
}

describe('readSnapshot', () => {
  test('returns what was saved for this history entry and list length', () => {
    store(good)
    expect(readSnapshot(KEY, 20)).toEqual(good)
    expect(readSnapshot('timeline::other', 20)).toBeUndefined()
  })

  test('a list of another length (the archive changed) starts afresh', () => {
    store(good)
    expect(readSnapshot(KEY, 21)).toBeUndefined()
  })

  test.each([
    ['text that is not JSON', '{"total": 20,'],
    ['null', null],
    ['an array', [20, 0, []]],
    ['a total that is not a number', { ...good, total: '20' }],
    ['no margin', { total: 20, scrollY: 0, sizes: [] }],
    ['no scroll position', { total: 20, margin: 0, sizes: [] }],
    ['a negative scroll position', { ...good, scrollY: -5 }],
    ['sizes that are not a list', { ...good, sizes: { 0: 412 } }],
    ['a size that is not a pair', { ...good, sizes: [[0, 412], 380] }],
    ['a row index that is not an integer', { ...good, sizes: [[0.5, 412]] }],
    ['a size given as text', { ...good, sizes: [[0, '412']] }],
    ['a negative size', { ...good, sizes: [[0, -1]] }],
    ['an oversized row', { ...good, sizes: [[0, 1e6]] }],
  ])('rejects %s', (_name, value) => {
    store(value)
    expect(readSnapshot(KEY, 20)).toBeUndefined()
  })

  test('a storage that throws reads as no snapshot', () => {
    const storage = Object.getPrototypeOf(sessionStorage) as Storage
    const getItem = storage.getItem
    storage.getItem = () => {
      throw new DOMException('denied', 'SecurityError')
    }
    try {
      expect(readSnapshot(KEY, 20)).toBeUndefined()
    } finally {
      storage.getItem = getItem
    }
  })
})

describe('initialMeasurements', () => {
  test('gives the virtualizer each measured row by its index', () => {
    expect(initialMeasurements(good).map((m) => [m.index, m.key, m.size])).toEqual([
      [0, 0, 412.5],
      [1, 1, 380],
      [7, 7, 0],
    ])
    expect(initialMeasurements(undefined)).toEqual([])
  })
})
