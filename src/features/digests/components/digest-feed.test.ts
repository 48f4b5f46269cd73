import { describe, expect, test } from 'vitest'
import type { DigestSummary } from '@/types/content'
import { groupByDay } from './digest-feed'

const HOUR = 3_600_000
/** A digest summary at a UTC instant, written in the given offset (hours). */
function digest(id: string, iso: string, offsetHours: number): DigestSummary {
  return {
    id,
    publisher: offsetHours === 8 ? 'cn' : 'us',
    title: id,
    date: iso,
    time: Date.parse(iso),
    offsetMinutes: offsetHours * 60,
    categories: [],
    itemCount: 1,
    chunk: '2025-12',
    file: `${id}.md`,
  }
}

describe('groupByDay', () => {
  test('a day that recurs between publishers in different offsets gets one group', () => {
    // Newest first by instant: 22 Dec in Beijing, then 21 Dec in New York (later in UTC than the
    // next Beijing digest), then 21 Dec and 22 Dec again in Beijing.
    const list = [
      digest('cn-22-08', '2025-12-22T08:00:00+08:00', 8),
      digest('us-21-18', '2025-12-21T18:00:00-05:00', -5),
      digest('cn-22-04', '2025-12-22T04:00:00+08:00', 8),
      digest('cn-21-20', '2025-12-21T20:00:00+08:00', 8),
    ]
    expect(list.map((d) => d.time)).toEqual([...list.map((d) => d.time)].sort((a, b) => b - a))
    expect(list[1]!.time - list[2]!.time).toBeGreaterThan(HOUR)
    const days = groupByDay(list)
    expect(days.map((d) => d.key)).toEqual(['2025-12-22', '2025-12-21'])
    expect(days.map((d) => d.digests.map((x) => x.id))).toEqual([
      ['cn-22-08', 'cn-22-04'],
      ['us-21-18', 'cn-21-20'],
    ])
    expect(new Set(days.map((d) => d.key)).size).toBe(days.length)
  })
})
