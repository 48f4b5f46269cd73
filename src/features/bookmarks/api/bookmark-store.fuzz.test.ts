import * as v from 'valibot'
import fc from 'fast-check'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { paths } from '@/config/paths'
import {
  FUZZ_RUNS,
  hostileValue,
  mutated,
  storedDocument,
  storedV1Document,
} from '../testing/bookmark-arbitraries'
import { makeBookmark, memoryStorage } from '../testing/bookmark-fixtures'
import { parseStored } from './bookmark-migrate'
import { bookmarkSchema } from './bookmark-schema'
import {
  BACKUP_PREFIX,
  STORAGE_KEY,
  createBookmarkStore,
  type BookmarkState,
} from './bookmark-store'

/** What localStorage may hold under the bookmarks key: documents of each version, damaged or not. */
const storedText = fc.oneof(
  {
    weight: 4,
    arbitrary: mutated(fc.oneof(storedDocument, storedV1Document)).map(
      (d) => JSON.stringify(d) ?? '',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(storedDocument, storedV1Document).map((d) => JSON.stringify(d)),
  },
  { weight: 1, arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? '') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
)

const format = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium' })

/**
 * Nothing the store reads may crash a page: every bookmark it holds is within the schema and
 * survives what the pages do with it (links, date formatting); the text read is never lost (it
 * is still under the key, or a backup holds it); what could not be used is reported.
 */
function expectSafe(state: BookmarkState, storage: Storage, raw: string, { changed = false } = {}) {
  for (const bookmark of state.bookmarks) {
    expect(v.safeParse(bookmarkSchema, bookmark).success).toBe(true)
    expect(() => paths.digest.getHref(bookmark.digestId, bookmark.itemId)).not.toThrow()
    expect(() => format.format(new Date(bookmark.savedAt))).not.toThrow()
    expect(() => format.format(new Date(bookmark.updatedAt))).not.toThrow()
  }
  const kept = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '')
    .filter((key) => key === STORAGE_KEY || key.startsWith(BACKUP_PREFIX))
    .map((key) => storage.getItem(key))
  if (changed && !kept.includes(raw)) {
    // A write may replace only a current document whose every entry was read: then all of its
    // bookmarks are in the store (but for the one this tab toggles).
    const parsed = parseStored(raw)
    expect(parsed).toMatchObject({ ok: true, rejected: [] })
    expect(parsed.ok && parsed.migratedFrom).toBeFalsy()
    const held = new Set(state.bookmarks.map((b) => b.itemId))
    const read = parsed.ok ? parsed.bookmarks.map((b) => b.itemId) : []
    for (const id of read) if (id !== makeBookmark(1).itemId) expect(held).toContain(id)
  } else expect(kept).toContain(raw)
  if (state.setAside) expect(state.setAside.entries.length).toBeGreaterThan(0)
}

// jsdom's localStorage is slow for tens of thousands of runs; the store takes any Storage.
const storage = memoryStorage()
afterEach(() => storage.clear())

// Ten thousand runs take a few seconds, more on a busy shared machine than the 5 s default.
vi.setConfig({ testTimeout: 30_000 })

describe(`stored bookmark data, ${FUZZ_RUNS} generated values per property`, () => {
  test('at startup: creating the store never throws, and what it holds is safe', () => {
    fc.assert(
      fc.property(storedText, (raw) => {
        storage.clear()
        storage.setItem(STORAGE_KEY, raw)
        expectSafe(createBookmarkStore({ storage: () => storage }).getSnapshot(), storage, raw)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test("another tab's write: the storage event never throws, and this tab's bookmark stays", () => {
    // Another tab's write arrives as a `storage` event; a plain EventTarget delivers it far faster
    // than jsdom's window, which matters at this many runs.
    const events = new EventTarget()
    const store = createBookmarkStore({
      storage: () => storage,
      events: events as unknown as Window,
    })
    const unsubscribe = store.subscribe(() => {})
    try {
      fc.assert(
        fc.property(storedText, (raw) => {
          storage.clear()
          storage.setItem(STORAGE_KEY, raw)
          events.dispatchEvent(Object.assign(new Event('storage'), { key: STORAGE_KEY }))
          // The sync itself may write: this tab's unsaved change is laid over what was read.
          expectSafe(store.getSnapshot(), storage, raw, { changed: true })
          // A change made here after the sync still works and never drops the data read.
          store.toggle(makeBookmark(1))
          expectSafe(store.getSnapshot(), storage, raw, { changed: true })
        }),
        { numRuns: FUZZ_RUNS },
      )
    } finally {
      unsubscribe()
    }
  })
})
