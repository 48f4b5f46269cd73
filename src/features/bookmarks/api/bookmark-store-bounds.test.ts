import * as v from 'valibot'
import { afterEach, describe, expect, test } from 'vitest'
import { makeBookmark, tabStorage } from '../testing/bookmark-fixtures'
import { bookmarkSchema } from './bookmark-schema'
import { BACKUP_PREFIX, STORAGE_KEY, createBookmarkStore } from './bookmark-store'

// The value from the report: one past the largest time a Date can hold (8.64e15 ms).
const OUT_OF_RANGE = 8_640_000_000_001_000
const backups = () =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith(BACKUP_PREFIX))
    .map((key) => localStorage.getItem(key))
const stored = () => JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
const titles = (store: ReturnType<typeof createBookmarkStore>) =>
  store.getSnapshot().bookmarks.map((b) => b.title)
const storageEvent = () => window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
const v2 = (...bookmarks: unknown[]) => JSON.stringify({ version: 2, bookmarks })

afterEach(() => localStorage.clear())

describe('a stored value out of bounds', () => {
  const v1 = JSON.stringify([
    { id: '2025-12-22-04-aaaa1111', title: '好的', savedAt: Date.UTC(2025, 11, 23) },
    { id: '2025-12-22-04-bbbb2222', title: '坏的', savedAt: OUT_OF_RANGE },
  ])

  test('at startup: the store is created, the other bookmarks work, the entry is set aside', () => {
    localStorage.setItem(STORAGE_KEY, v1)
    const store = createBookmarkStore()
    expect(titles(store)).toEqual(['好的'])
    expect(store.getSnapshot().corruption).toBeNull()
    expect(store.getSnapshot().setAside).toMatchObject({
      entries: [{ index: 1, title: '坏的', fields: ['savedAt'] }],
    })
    // Kept: a backup holds the text as it was, and the key itself is not rewritten on load.
    expect(backups()).toEqual([v1])
    expect(store.getSnapshot().setAside?.backupKey).toMatch(BACKUP_PREFIX)
    expect(localStorage.getItem(STORAGE_KEY)).toBe(v1)
  })

  test('the first change writes the readable bookmarks; the report stays for this page', () => {
    localStorage.setItem(STORAGE_KEY, v1)
    const store = createBookmarkStore()
    store.add(makeBookmark(1))
    expect(stored().bookmarks.map((b: { title: string }) => b.title)).toEqual(['条目 1', '好的'])
    expect(backups()).toEqual([v1])
    expect(store.getSnapshot().setAside?.entries).toHaveLength(1)
    expect(store.getSnapshot()).toMatchObject({ unsaved: false, saveProblem: null })
  })

  test('with no room for a backup the stored text is never replaced', () => {
    localStorage.setItem(STORAGE_KEY, v1)
    let full = true
    const store = createBookmarkStore({ storage: tabStorage((key) => full && key !== STORAGE_KEY) })
    expect(store.getSnapshot().setAside).toMatchObject({ backupKey: null, raw: v1 })
    store.add(makeBookmark(1))
    expect(localStorage.getItem(STORAGE_KEY)).toBe(v1)
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, saveProblem: 'quota' })

    // With room, the copy is made before the key is replaced, and the report says where it is.
    full = false
    store.add(makeBookmark(2))
    expect(backups()).toEqual([v1])
    expect(store.getSnapshot()).toMatchObject({ unsaved: false, saveProblem: null })
    expect(localStorage.getItem(store.getSnapshot().setAside!.backupKey!)).toBe(v1)
  })

  test('written by another tab: the storage event neither throws nor loses the entry', () => {
    const store = createBookmarkStore()
    const unsubscribe = store.subscribe(() => {})
    store.add(makeBookmark(1))
    const raw = v2(makeBookmark(1), makeBookmark(2, { savedAt: '+275760-09-13T00:00:00.001Z' }))
    localStorage.setItem(STORAGE_KEY, raw)
    expect(() => storageEvent()).not.toThrow()
    expect(titles(store)).toEqual(['条目 1'])
    expect(store.getSnapshot().setAside?.entries).toEqual([
      { index: 1, title: '条目 2', fields: ['savedAt'] },
    ])
    expect(backups()).toEqual([raw])
    unsubscribe()
  })

  test.each([
    ['a date that does not exist', { savedAt: '2026-02-30T00:00:00.000Z' }, 'savedAt'],
    [
      'more precision than every browser parses',
      { updatedAt: '2026-01-01T00:00:00.1234Z' },
      'updatedAt',
    ],
    ['an offset without a colon', { savedAt: '2026-01-01T00:00:00+0800' }, 'savedAt'],
    ['a lone surrogate in an id (encodeURIComponent throws)', { itemId: 'x-\uD800' }, 'itemId'],
    ['a title of a megabyte', { title: '长'.repeat(1_000_000) }, 'title'],
    ['a link that is not http(s)', { url: 'javascript:alert(1)' }, 'url'],
  ])('%s is set aside, the rest is read', (_, override, field) => {
    localStorage.setItem(STORAGE_KEY, v2(makeBookmark(1), { ...makeBookmark(2), ...override }))
    const store = createBookmarkStore()
    expect(titles(store)).toEqual(['条目 1'])
    expect(store.getSnapshot().setAside?.entries.map((e) => e.fields)).toEqual([[field]])
  })

  test('every bookmark the store keeps passes the schema, so pages can render it', () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify([
        { id: 'a-1', title: 't', savedAt: 253402300799999 },
        { id: 'a-2', title: 't', savedAt: 253402300800000 },
      ]),
    )
    const { bookmarks, setAside } = createBookmarkStore().getSnapshot()
    expect(bookmarks.map((b) => v.safeParse(bookmarkSchema, b).success)).toEqual([true])
    expect(setAside?.entries.map((e) => e.index)).toEqual([1])
  })
})
