import { describe, expect, test } from 'vitest'
import { eventTarget, memoryStorage } from '../testing/memory-storage'
import { BASELINE_KEY, VISIT_BACKUP_PREFIX, VISIT_KEY, createVisitStore } from './visit-store'

const T1 = Date.UTC(2025, 11, 22, 0)
const T2 = Date.UTC(2025, 11, 22, 4)

function setup(stored?: string) {
  const local = memoryStorage()
  if (stored !== undefined) local.setItem(VISIT_KEY, stored)
  return { local, session: memoryStorage() }
}
const open = (s: { local: Storage; session: Storage }, events?: ReturnType<typeof eventTarget>) =>
  createVisitStore({ storage: () => s.local, session: () => s.session, now: () => 1, events })

describe('visit store', () => {
  test('a first visit has no baseline; the next visit counts from what the first one saw', () => {
    const tab = setup()
    const first = open(tab)
    expect(first.getSnapshot().since).toBeNull()
    first.markSeen(T1)
    // Same tab, reloaded: still the first visit.
    expect(open(tab).getSnapshot().since).toBeNull()
    // A new tab (a new session) is a new visit.
    const next = open({ local: tab.local, session: memoryStorage() })
    expect(next.getSnapshot().since).toBe(T1)
  })

  test('a reload keeps the baseline although the timeline has marked newer digests seen', () => {
    const tab = setup(JSON.stringify({ version: 1, seenThrough: T1, readThrough: null }))
    open(tab).markSeen(T2)
    expect(open(tab).getSnapshot().since).toBe(T1)
    expect(tab.session.getItem(BASELINE_KEY)).toBe(String(T1))
  })

  test('mark all as read clears the count here and in another tab', () => {
    const tab = setup(JSON.stringify({ version: 1, seenThrough: T1, readThrough: null }))
    const other = { local: tab.local, session: memoryStorage() }
    const events = eventTarget()
    const there = open(other, events)
    const off = there.subscribe(() => {})
    open(tab).markAllRead(T2)
    expect(there.getSnapshot().since).toBe(T1)
    events.fire(VISIT_KEY)
    expect(there.getSnapshot().since).toBe(T2)
    off()
  })

  test('unreadable stored text is kept under a backup key, reported, and never thrown', () => {
    const tab = setup('{"version":1,"seenThrough":1e300}')
    const store = open(tab)
    const { unreadable } = store.getSnapshot()
    expect(unreadable?.reason).toBe('seenThrough')
    expect(tab.local.getItem(unreadable!.backupKey!)).toBe('{"version":1,"seenThrough":1e300}')
    expect(unreadable!.backupKey!.startsWith(VISIT_BACKUP_PREFIX)).toBe(true)
    // The next write replaces it only because the copy exists.
    store.markSeen(T1)
    expect(JSON.parse(tab.local.getItem(VISIT_KEY)!).seenThrough).toBe(T1)
  })

  test('a full storage keeps the change in memory and says so', () => {
    const local = memoryStorage((key) => key === VISIT_KEY)
    const store = createVisitStore({ storage: () => local, session: () => memoryStorage() })
    store.markSeen(T1)
    expect(store.getSnapshot()).toMatchObject({ seenThrough: T1, saveProblem: 'quota' })
  })
})
