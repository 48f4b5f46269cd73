import { describe, expect, test } from 'vitest'
import { eventTarget, memoryStorage } from '../testing/memory-storage'
import { WATCH_BACKUP_PREFIX, WATCH_KEY, createWatchStore } from './watch-store'

const doc = (watches: unknown[]) => JSON.stringify({ version: 1, watches })
const nano = { term: 'Nano Banana', kind: 'search', seenThrough: 10, addedAt: 1 }

describe('watch store', () => {
  test('adds one watch per folded term and kind, marks it seen, removes it', () => {
    const storage = memoryStorage()
    const store = createWatchStore({ storage: () => storage, now: () => 5 })
    expect(store.add({ term: ' Nano Banana ', kind: 'search', seenThrough: 10 })).toBe(true)
    expect(store.add({ term: 'nano banana', kind: 'search', seenThrough: 10 })).toBe(false)
    expect(store.add({ term: 'Nano Banana', kind: 'topic', seenThrough: 10 })).toBe(true)
    store.markSeen({ term: 'NANO BANANA', kind: 'search' }, 20)
    expect(JSON.parse(storage.getItem(WATCH_KEY)!).watches[0]).toEqual({
      term: 'Nano Banana',
      kind: 'search',
      seenThrough: 20,
      addedAt: 5,
    })
    store.remove({ term: 'Nano Banana', kind: 'topic' })
    expect(store.getSnapshot().watches).toHaveLength(1)
  })

  test('refuses terms it could not store', () => {
    const store = createWatchStore({ storage: () => memoryStorage() })
    for (const term of ['', '   ', 'x'.repeat(101), 'a\u0000b', '\ud800'])
      expect(store.add({ term, kind: 'search', seenThrough: 0 })).toBe(false)
  })

  test('entries it cannot use are set aside, reported and backed up; the others work', () => {
    const raw = doc([nano, { ...nano, term: '强化学习', seenThrough: -1 }, { ...nano }])
    const storage = memoryStorage()
    storage.setItem(WATCH_KEY, raw)
    const store = createWatchStore({ storage: () => storage, now: () => 9 })
    const { watches, setAside } = store.getSnapshot()
    expect(watches.map((w) => w.term)).toEqual(['Nano Banana'])
    expect(setAside?.entries).toEqual([
      { index: 1, term: '强化学习', reason: 'seenThrough' },
      { index: 2, term: 'Nano Banana', reason: 'duplicate' },
    ])
    expect(setAside?.backupKey).toBe(`${WATCH_BACKUP_PREFIX}9`)
    // Loading does not rewrite the key; a change does, and the backup holds the old text.
    expect(storage.getItem(WATCH_KEY)).toBe(raw)
    store.add({ term: 'Gemini', kind: 'search', seenThrough: 0 })
    expect(storage.getItem(`${WATCH_BACKUP_PREFIX}9`)).toBe(raw)
    expect(store.getSnapshot().setAside).not.toBeNull()
  })

  test('a document it cannot read is kept as it was, and replaced only once copied', () => {
    const storage = memoryStorage((key) => key.startsWith(WATCH_BACKUP_PREFIX))
    storage.setItem(WATCH_KEY, '{"version":2}')
    const store = createWatchStore({ storage: () => storage })
    expect(store.getSnapshot().unreadable).toMatchObject({
      reason: 'unknown version',
      backupKey: null,
    })
    store.add({ term: 'Gemini', kind: 'search', seenThrough: 0 })
    // The copy could not be written, so nothing replaced the text; the change lives in memory.
    expect(storage.getItem(WATCH_KEY)).toBe('{"version":2}')
    expect(store.getSnapshot()).toMatchObject({
      saveProblem: 'quota',
      watches: [{ term: 'Gemini' }],
    })
  })

  test("another tab's write arrives through the storage event", () => {
    const storage = memoryStorage()
    const events = eventTarget()
    const here = createWatchStore({ storage: () => storage, events })
    const off = here.subscribe(() => {})
    createWatchStore({ storage: () => storage }).add({
      term: 'Cursor',
      kind: 'search',
      seenThrough: 0,
    })
    expect(here.getSnapshot().watches).toHaveLength(0)
    events.fire(WATCH_KEY)
    expect(here.getSnapshot().watches.map((w) => w.term)).toEqual(['Cursor'])
    off()
  })
})
