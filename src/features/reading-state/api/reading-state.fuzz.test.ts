import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { paths } from '@/config/paths'
import { memoryStorage, valuesOf } from '../testing/memory-storage'
import { MAX_TIME } from './kept-storage'
import { createVisitStore, VISIT_KEY } from './visit-store'
import { WATCH_LIMITS } from './watch-entries'
import { createWatchStore, WATCH_KEY } from './watch-store'

const RUNS = 300
const time = fc.oneof(
  fc.integer({ min: 0, max: Date.UTC(2030, 0) }),
  fc.constantFrom(-1, 1.5, MAX_TIME + 1, Number.NaN, 1e300),
)
const hostile = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer(),
  fc.constant([]),
  fc.constant({}),
  time,
)
const watchEntry = fc.record(
  {
    term: fc.oneof(
      fc.constantFrom('Nano Banana', '强化学习', ' padded ', '', 'x'.repeat(101), '\ud800'),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
    kind: fc.oneof(fc.constantFrom('search', 'topic'), hostile),
    seenThrough: fc.oneof(time, hostile),
    addedAt: fc.oneof(time, hostile),
  },
  { requiredKeys: [] },
)
/** What localStorage may hold: documents of ours, damaged or not, and anything else. */
const watchText = fc.oneof(
  fc
    .record({
      version: fc.oneof(fc.constant(1), hostile),
      watches: fc.oneof(fc.array(fc.oneof(watchEntry, hostile), { maxLength: 120 }), hostile),
    })
    .map((d) => JSON.stringify(d)),
  fc.string({ unit: 'binary', maxLength: 60 }),
)
const visitText = fc.oneof(
  fc
    .record(
      {
        version: fc.oneof(fc.constant(1), hostile),
        seenThrough: fc.oneof(time, fc.constant(null), hostile),
        readThrough: fc.oneof(time, fc.constant(null), hostile),
      },
      { requiredKeys: [] },
    )
    .map((d) => JSON.stringify(d)),
  fc.string({ unit: 'binary', maxLength: 60 }),
)

describe('stored reading state, whatever storage holds', () => {
  test('the watch list never throws, holds only usable watches, keeps the text and reports', () => {
    fc.assert(
      fc.property(watchText, (raw) => {
        const storage = memoryStorage()
        storage.setItem(WATCH_KEY, raw)
        const store = createWatchStore({ storage: () => storage, now: () => 7 })
        const state = store.getSnapshot()
        expect(state.watches.length).toBeLessThanOrEqual(WATCH_LIMITS.watches)
        for (const w of state.watches) {
          expect(w.term.length).toBeGreaterThan(0)
          expect(w.term.length).toBeLessThanOrEqual(WATCH_LIMITS.term)
          expect(() => paths.search.getHref(w.term)).not.toThrow()
          expect(() => paths.topic.getHref(w.term)).not.toThrow()
          expect(() => new Date(w.seenThrough).toISOString()).not.toThrow()
        }
        // Nothing is lost: the text is still under the key (loading never rewrites it).
        expect(storage.getItem(WATCH_KEY)).toBe(raw)
        // Whatever could not be used is reported, with a copy under a backup key.
        const parsedCount = (() => {
          try {
            const doc = JSON.parse(raw) as { watches?: unknown }
            return Array.isArray(doc?.watches) ? doc.watches.length : -1
          } catch {
            return -1
          }
        })()
        const used = state.watches.length + (state.setAside?.entries.length ?? 0)
        if (state.unreadable) expect(valuesOf(storage).filter((v) => v === raw)).toHaveLength(2)
        else expect(used).toBe(parsedCount)
        if (state.setAside) expect(storage.getItem(state.setAside.backupKey!)).toBe(raw)
        // A change afterwards writes a clean document and the old text stays in a backup.
        store.add({ term: 'Gemini', kind: 'search', seenThrough: 0 })
        if (state.unreadable || state.setAside) expect(valuesOf(storage)).toContain(raw)
      }),
      { numRuns: RUNS },
    )
  })

  test('the visit store never throws, has a usable baseline, and keeps what it cannot read', () => {
    fc.assert(
      fc.property(visitText, fc.option(fc.string({ maxLength: 20 })), (raw, baseline) => {
        const storage = memoryStorage()
        const session = memoryStorage()
        storage.setItem(VISIT_KEY, raw)
        if (baseline !== null) session.setItem('digest-reader:visit-baseline', baseline)
        const store = createVisitStore({ storage: () => storage, session: () => session })
        const { since, unreadable } = store.getSnapshot()
        if (since !== null) expect(() => new Date(since).toISOString()).not.toThrow()
        expect(storage.getItem(VISIT_KEY)).toBe(raw)
        if (unreadable) expect(storage.getItem(unreadable.backupKey!)).toBe(raw)
        // Replacing a clean document loses nothing; anything else survives in a backup.
        store.markAllRead(Date.UTC(2026, 0))
        if (unreadable) expect(valuesOf(storage)).toContain(raw)
        expect(JSON.parse(storage.getItem(VISIT_KEY)!).readThrough).toBeGreaterThanOrEqual(
          Date.UTC(2026, 0),
        )
      }),
      { numRuns: RUNS },
    )
  })
})
