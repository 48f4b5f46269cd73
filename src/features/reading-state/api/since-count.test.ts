import { describe, expect, test, vi } from 'vitest'
import type { Digest, DigestSummary, Head, MonthEntry, MonthPage } from '@/types/content'
import { countFromHead, countSince } from './since-count'

const HOUR = 3600_000
const summary = (n: number, time: number, publisher = 'p'): DigestSummary => ({
  id: `d${n}`,
  publisher,
  title: `d${n}`,
  date: new Date(time).toISOString(),
  time,
  offsetMinutes: 0,
  categories: [],
  itemCount: 10 + n,
  chunk: 'c.json',
})
const full = (s: DigestSummary): Digest => ({ ...s, items: [] })

/** Digests every 4 hours from 2025-11-20 to 2025-12-05, newest first, the head holding 6. */
function archive() {
  const all: DigestSummary[] = []
  for (let t = Date.UTC(2025, 11, 5); t >= Date.UTC(2025, 10, 20); t -= 4 * HOUR)
    all.push(summary(all.length, t))
  const byMonth = new Map<string, DigestSummary[]>()
  for (const d of all) {
    const m = d.date.slice(0, 7)
    byMonth.set(m, [...(byMonth.get(m) ?? []), d])
  }
  const months: MonthEntry[] = [...byMonth].map(([month, ds]) => ({
    month,
    file: `months/${month}.json`,
    digestCount: ds.length,
    itemCount: ds.reduce((n, d) => n + d.itemCount, 0),
    publishers: { p: ds.length },
  }))
  const head = {
    digestCount: all.length,
    itemCount: all.reduce((n, d) => n + d.itemCount, 0),
    publishers: [{ id: 'p', name: 'P', idPrefix: '', digestCount: all.length, itemCount: 0 }],
    months,
    newest: all.slice(0, 6).map(full),
  } as unknown as Head
  const pages = new Map(
    [...byMonth].map(([month, digests]) => [month, { month, digests } as MonthPage]),
  )
  return { all, head, pages }
}

/** The count the whole archive would give. */
const truth = (all: DigestSummary[], since: number) => {
  const fresh = all.filter((d) => d.time > since)
  return { digests: fresh.length, items: fresh.reduce((n, d) => n + d.itemCount, 0) }
}

describe('countSince', () => {
  test('answers from the head when the last visit is among its digests', () => {
    const { all, head } = archive()
    const since = all[3]!.time
    expect(countFromHead(head, since)).toEqual(truth(all, since))
    expect(countFromHead(head, all[10]!.time)).toBeNull()
  })

  test('matches the whole archive for every last visit, reading at most two month pages', async () => {
    const { all, head, pages } = archive()
    for (const since of [
      all[0]!.time,
      all[7]!.time,
      Date.UTC(2025, 11, 1) - 1,
      0,
      all.at(-1)!.time,
    ]) {
      const loadMonth = vi.fn(async (entry: MonthEntry) => pages.get(entry.month)!)
      expect(await countSince(head, since, { loadMonth })).toEqual(truth(all, since))
      expect(loadMonth.mock.calls.length).toBeLessThanOrEqual(2)
    }
  })
})
