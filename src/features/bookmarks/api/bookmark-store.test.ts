import { afterEach, describe, expect, test, vi } from 'vitest'
import { makeBookmark, tabStorage } from '../testing/bookmark-fixtures'
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  createBookmarkStore,
  type BookmarkStore,
} from './bookmark-store'

const stored = () => JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
const backupKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(BACKUP_PREFIX))
const clock = (iso: string) => () => new Date(iso)
const otherTab = (now = '2026-03-02T00:00:00.000Z') =>
  createBookmarkStore({ events: new EventTarget() as unknown as Window, now: clock(now) })
const storageEvent = () => window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
const id = (n: number) => makeBookmark(n).itemId
const byTitle = (store: BookmarkStore) =>
  Object.fromEntries(store.getSnapshot().bookmarks.map((b) => [b.title, b.note]))
const isBackupKey = (key: string) => key.startsWith(BACKUP_PREFIX)

afterEach(() => localStorage.clear())

describe('add, remove, toggle', () => {
  test('adds once, keeps newest first, and writes a versioned document', () => {
    const store = createBookmarkStore()
    store.add(makeBookmark(1))
    store.add(makeBookmark(3))
    store.add(makeBookmark(1, { title: 'duplicate' }))
    expect(store.getSnapshot().bookmarks.map((b) => b.title)).toEqual(['条目 3', '条目 1'])
    expect(stored()).toEqual({ version: 2, bookmarks: store.getSnapshot().bookmarks })
  })

  test('toggle adds then removes; remove of an unknown id changes nothing', () => {
    const store = createBookmarkStore()
    const listener = vi.fn()
    store.subscribe(listener)
    store.toggle(makeBookmark(2))
    expect(store.getSnapshot().bookmarks).toHaveLength(1)
    store.toggle(makeBookmark(2))
    expect(store.getSnapshot().bookmarks).toHaveLength(0)
    expect(stored().bookmarks).toEqual([])
    const before = store.getSnapshot()
    store.remove('nope')
    expect(store.getSnapshot()).toBe(before)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  test('a note edit updates updatedAt and persists', () => {
    const store = createBookmarkStore({ now: clock('2026-03-01T00:00:00.000Z') })
    store.add(makeBookmark(1))
    store.setNote(makeBookmark(1).itemId, '回头细读')
    expect(stored().bookmarks[0]).toMatchObject({
      note: '回头细读',
      updatedAt: '2026-03-01T00:00:00.000Z',
    })
  })

  test('a new store reads what an earlier one saved', () => {
    createBookmarkStore().add(makeBookmark(4))
    expect(createBookmarkStore().getSnapshot().bookmarks).toEqual([makeBookmark(4)])
  })
})

describe('migration', () => {
  test('v1 (an array of ids with titles) becomes v2, and the v1 data is kept as a backup', () => {
    const v1 = JSON.stringify([
      { id: '2025-12-22-04-aaaa1111', title: '旧的收藏', savedAt: Date.UTC(2025, 11, 23) },
    ])
    localStorage.setItem(STORAGE_KEY, v1)
    const state = createBookmarkStore().getSnapshot()
    expect(state.corruption).toBeNull()
    expect(state.bookmarks).toEqual([
      {
        itemId: '2025-12-22-04-aaaa1111',
        title: '旧的收藏',
        digestId: '2025-12-22-04',
        digestDate: '',
        digestTitle: '',
        excerpt: '',
        savedAt: '2025-12-23T00:00:00.000Z',
        note: '',
        updatedAt: '2025-12-23T00:00:00.000Z',
      },
    ])
    expect(stored().version).toBe(2)
    expect(backupKeys().map((key) => localStorage.getItem(key))).toEqual([v1])
  })

  test('when the old document cannot be backed up it is not replaced; the upgrade stays in memory', () => {
    const v1 = JSON.stringify([{ id: id(1), title: '旧的收藏', savedAt: Date.UTC(2025, 11, 23) }])
    localStorage.setItem(STORAGE_KEY, v1)
    let full = true
    const store = createBookmarkStore({ storage: tabStorage((key) => full && isBackupKey(key)) })
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, saveProblem: 'quota' })
    expect(store.getSnapshot().bookmarks.map((b) => b.itemId)).toEqual([id(1)])
    expect(localStorage.getItem(STORAGE_KEY)).toBe(v1)

    // Later changes must not sneak the new document over the old one either.
    store.add(makeBookmark(2))
    expect(localStorage.getItem(STORAGE_KEY)).toBe(v1)
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, saveProblem: 'quota' })
    expect(store.getSnapshot().bookmarks).toHaveLength(2)

    full = false
    store.add(makeBookmark(3))
    expect(backupKeys().map((key) => localStorage.getItem(key))).toEqual([v1])
    expect(stored()).toEqual({ version: 2, bookmarks: store.getSnapshot().bookmarks })
    expect(store.getSnapshot()).toMatchObject({ unsaved: false, saveProblem: null })
    expect(store.getSnapshot().bookmarks).toHaveLength(3)
  })
})

describe('corrupt data', () => {
  test.each([
    ['invalid-json', '{"version":2,"bookm'],
    // A bad entry in a readable document costs that entry only (bookmark-store-bounds.test.ts).
    ['wrong-shape', '{"version":2,"items":[{"itemId":1}]}'],
    ['future-version', '{"version":3,"items":{}}'],
  ])('%s: kept under a backup key and never overwritten silently', (reason, raw) => {
    localStorage.setItem(STORAGE_KEY, raw)
    const store = createBookmarkStore({ now: clock('2026-02-02T00:00:00.000Z') })
    const { corruption } = store.getSnapshot()
    expect(corruption).toMatchObject({ reason, raw })
    expect(localStorage.getItem(corruption!.backupKey!)).toBe(raw)

    store.add(makeBookmark(1))
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw)
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, bookmarks: [makeBookmark(1)] })

    store.startFresh()
    expect(stored()).toEqual({ version: 2, bookmarks: [makeBookmark(1)] })
    expect(localStorage.getItem(corruption!.backupKey!)).toBe(raw)
    expect(store.getSnapshot()).toMatchObject({ corruption: null, unsaved: false })
  })

  test('start fresh without a backup copy leaves the data untouched and keeps working in memory', () => {
    const raw = '{"version":2,"bookm'
    localStorage.setItem(STORAGE_KEY, raw)
    let full = true
    const store = createBookmarkStore({ storage: tabStorage((key) => full && isBackupKey(key)) })
    expect(store.getSnapshot().corruption).toEqual({ reason: 'invalid-json', raw, backupKey: null })
    store.add(makeBookmark(1))

    expect(() => store.startFresh()).not.toThrow()
    expect(localStorage.getItem(STORAGE_KEY)).toBe(raw)
    expect(backupKeys()).toEqual([])
    expect(store.getSnapshot()).toMatchObject({
      corruption: { raw, backupKey: null },
      saveProblem: 'quota',
      unsaved: true,
      bookmarks: [makeBookmark(1)],
    })

    // Once there is room the backup is made first, then the data is replaced.
    full = false
    store.startFresh()
    expect(backupKeys().map((key) => localStorage.getItem(key))).toEqual([raw])
    expect(stored()).toEqual({ version: 2, bookmarks: [makeBookmark(1)] })
    expect(store.getSnapshot()).toMatchObject({
      corruption: null,
      saveProblem: null,
      unsaved: false,
    })
  })

  test('a second tab reading the same corrupt data reuses the backup instead of copying it', () => {
    localStorage.setItem(STORAGE_KEY, 'not json')
    createBookmarkStore({ now: clock('2026-02-02T00:00:00.000Z') })
    createBookmarkStore({ now: clock('2026-02-03T00:00:00.000Z') })
    expect(backupKeys()).toHaveLength(1)
  })
})

describe('import', () => {
  test('dedupes by item id, keeps the newer note, and reports what changed', () => {
    const store = createBookmarkStore()
    store.add(makeBookmark(1, { note: 'old', updatedAt: '2026-01-05T00:00:00.000Z' }))
    store.add(makeBookmark(2, { note: 'mine is newer', updatedAt: '2026-03-01T00:00:00.000Z' }))
    const result = store.importBookmarks([
      makeBookmark(1, { note: 'new', updatedAt: '2026-02-01T00:00:00.000Z' }),
      makeBookmark(2, { note: 'stale', updatedAt: '2026-02-01T00:00:00.000Z' }),
      makeBookmark(3),
      makeBookmark(3),
    ])
    expect(result).toEqual({ added: 1, updated: 1 })
    const notes = Object.fromEntries(store.getSnapshot().bookmarks.map((b) => [b.title, b.note]))
    expect(notes).toEqual({ '条目 1': 'new', '条目 2': 'mine is newer', '条目 3': '' })
    expect(stored().bookmarks).toHaveLength(3)
  })
})

describe('storage failures', () => {
  test('quota exceeded: the change stays in memory, marked unsaved, and nothing throws', () => {
    const store = createBookmarkStore()
    store.add(makeBookmark(1))
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(() => store.add(makeBookmark(2))).not.toThrow()
    expect(store.getSnapshot()).toMatchObject({ saveProblem: 'quota', unsaved: true })
    expect(store.getSnapshot().bookmarks).toHaveLength(2)
    expect(stored().bookmarks).toHaveLength(1)

    setItem.mockRestore()
    store.add(makeBookmark(3))
    expect(store.getSnapshot()).toMatchObject({ saveProblem: null, unsaved: false })
    expect(stored().bookmarks).toHaveLength(3)
  })

  test('storage that throws on access (private mode) leaves a working in-memory store', () => {
    const store = createBookmarkStore({
      storage: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    })
    expect(store.getSnapshot().saveProblem).toBe('unavailable')
    store.toggle(makeBookmark(1))
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, saveProblem: 'unavailable' })
    expect(store.getSnapshot().bookmarks).toHaveLength(1)
  })
})

describe('other tabs', () => {
  test('a storage event for the bookmarks key reloads and notifies', () => {
    const store = createBookmarkStore()
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    // Another tab's store writes the shared storage, then the browser tells this tab.
    createBookmarkStore({ events: new EventTarget() as unknown as Window }).add(makeBookmark(5))
    window.dispatchEvent(new StorageEvent('storage', { key: 'unrelated' }))
    expect(listener).not.toHaveBeenCalled()
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot().bookmarks).toEqual([makeBookmark(5)])
    unsubscribe()
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
    expect(listener).toHaveBeenCalledTimes(1)
  })

  test("another tab's write keeps this tab's unsaved adds, note edits and removals", () => {
    const other = otherTab()
    for (const n of [1, 2, 3]) other.add(makeBookmark(n))
    let full = true
    const store = createBookmarkStore({
      storage: tabStorage(() => full),
      now: clock('2026-03-01T00:00:00.000Z'),
    })
    const unsubscribe = store.subscribe(() => {})
    store.add(makeBookmark(4))
    store.setNote(id(2), 'mine')
    store.remove(id(3))
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, saveProblem: 'quota' })

    other.add(makeBookmark(5))
    other.setNote(id(1), 'theirs')
    storageEvent()
    expect(byTitle(store)).toEqual({
      '条目 1': 'theirs',
      '条目 2': 'mine',
      '条目 4': '',
      '条目 5': '',
    })
    // Still only in memory, and the page keeps saying so.
    expect(store.getSnapshot()).toMatchObject({ unsaved: true, saveProblem: 'quota' })
    expect(stored().bookmarks).toHaveLength(4)
    expect(stored().bookmarks.map((b: { itemId: string }) => b.itemId)).toContain(id(3))

    // With room again, the next write from the other tab brings the merged set into storage.
    full = false
    other.add(makeBookmark(6))
    storageEvent()
    expect(store.getSnapshot()).toMatchObject({ unsaved: false, saveProblem: null })
    expect(Object.keys(byTitle(store))).toEqual(['条目 6', '条目 5', '条目 4', '条目 2', '条目 1'])
    expect(stored()).toEqual({ version: 2, bookmarks: store.getSnapshot().bookmarks })
    unsubscribe()
  })

  test('the newer change wins: a later edit elsewhere beats an older unsaved one here', () => {
    const other = otherTab('2026-03-05T00:00:00.000Z')
    for (const n of [1, 2]) other.add(makeBookmark(n))
    const store = createBookmarkStore({
      storage: tabStorage(() => true),
      now: clock('2026-03-01T00:00:00.000Z'),
    })
    const unsubscribe = store.subscribe(() => {})
    store.setNote(id(1), 'older here')
    store.remove(id(2))
    // The other tab edits both after this tab's changes (its clock is later).
    other.setNote(id(1), 'newer there')
    other.setNote(id(2), 'still wanted')
    storageEvent()
    expect(byTitle(store)).toEqual({ '条目 1': 'newer there', '条目 2': 'still wanted' })
    expect(store.getSnapshot().unsaved).toBe(true)
    unsubscribe()
  })

  test('bookmarks made while the stored data is unreadable survive another tab starting fresh', () => {
    localStorage.setItem(STORAGE_KEY, 'not json')
    const store = createBookmarkStore()
    const unsubscribe = store.subscribe(() => {})
    store.add(makeBookmark(1))
    const other = otherTab()
    other.add(makeBookmark(2))
    other.startFresh()
    storageEvent()
    expect(store.getSnapshot()).toMatchObject({ corruption: null, unsaved: false })
    expect(stored().bookmarks.map((b: { itemId: string }) => b.itemId)).toEqual([id(2), id(1)])
    unsubscribe()
  })

  test('storage that stops answering during a sync keeps what this tab shows, without throwing', () => {
    let broken = false
    const store = createBookmarkStore({
      storage: () => {
        if (broken) throw new DOMException('denied', 'SecurityError')
        return localStorage
      },
    })
    const unsubscribe = store.subscribe(() => {})
    store.add(makeBookmark(1))
    broken = true
    expect(() => storageEvent()).not.toThrow()
    expect(store.getSnapshot()).toMatchObject({
      bookmarks: [makeBookmark(1)],
      saveProblem: 'unavailable',
    })
    expect(store.listBackups()).toEqual([])
    unsubscribe()
  })
})
