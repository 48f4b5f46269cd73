import { describe, expect, test } from 'vitest'
import { dateSlug, monthKey, parseDigestDate } from './dates.ts'

function parsed(raw: string) {
  const result = parseDigestDate(raw)
  if (!result.ok) throw new Error(`${raw}: ${result.reason}`)
  return result.date
}

describe('digest dates', () => {
  test.each([
    ['2025-12-22T04:08:38+08:00', 480, Date.UTC(2025, 11, 21, 20, 8, 38), '2025-12-22-04'],
    ['2025-12-22T04:08:38Z', 0, Date.UTC(2025, 11, 22, 4, 8, 38), '2025-12-22-04'],
    ['2025-12-22T04:08:38-05:00', -300, Date.UTC(2025, 11, 22, 9, 8, 38), '2025-12-22-04'],
    ['2025-12-22T04:08+0800', 480, Date.UTC(2025, 11, 21, 20, 8), '2025-12-22-04'],
    ['2025-12-22 04:08:38.123 +05:30', 330, Date.UTC(2025, 11, 21, 22, 38, 38), '2025-12-22-04'],
  ])('%s: offset %i', (raw, offset, time, slug) => {
    const date = parsed(raw)
    expect(date.offsetMinutes).toBe(offset)
    expect(date.time).toBe(time)
    expect(date.written).toBe(raw)
    expect(dateSlug(date)).toBe(slug)
  })

  test('a late-evening UTC-5 date keeps its own day and month in its id and chunk', () => {
    const date = parsed('2025-12-31T23:30:00-05:00')
    expect(new Date(date.time).toISOString()).toBe('2026-01-01T04:30:00.000Z')
    expect(dateSlug(date)).toBe('2025-12-31-23')
    expect(monthKey(date)).toBe('2025-12')
  })

  test.each([
    '2025-02-30T04:00:00Z',
    '2025-02-29T04:00:00Z',
    '2025-13-01T04:00:00Z',
    '2025-12-22T24:00:00Z',
    '2025-12-22T04:60:00Z',
    '2025-12-22T04:00:00+15:00',
    '2025-12-22T04:00:00+08:75',
    '22/12/2025 04:00',
    'yesterday',
  ])('%s is rejected as invalid', (raw) => {
    expect(parseDigestDate(raw)).toEqual({ ok: false, reason: 'invalid' })
  })

  test('2024-02-29 exists', () => {
    expect(dateSlug(parsed('2024-02-29T00:00:00Z'))).toBe('2024-02-29-00')
  })

  test('a date without an offset is refused unless a time zone is given', () => {
    expect(parseDigestDate('2025-12-22T04:00:00')).toEqual({ ok: false, reason: 'no-offset' })
    expect(parseDigestDate('2025-12-22')).toEqual({ ok: false, reason: 'no-offset' })
    const zoned = parseDigestDate('2025-07-01T12:00:00', 'America/New_York')
    expect(zoned.ok && zoned.date.offsetMinutes).toBe(-240)
  })
})

describe('dates without an offset in a zone that changes clocks', () => {
  const utc = (raw: string, zone: string) => {
    const result = parseDigestDate(raw, zone)
    if (!result.ok) throw new Error(`${raw}: ${result.reason}`)
    return [new Date(result.date.time).toISOString(), result.date.offsetMinutes]
  }

  test.each([
    // New York springs forward on 2026-03-08 at 02:00 EST (07:00Z), falls back on 2026-11-01 at 02:00 EDT (06:00Z).
    ['2026-03-08T01:30', 'America/New_York', '2026-03-08T06:30:00.000Z', -300],
    ['2026-03-08T03:30', 'America/New_York', '2026-03-08T07:30:00.000Z', -240],
    ['2026-03-08T12:00', 'America/New_York', '2026-03-08T16:00:00.000Z', -240],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z', -240],
    ['2026-11-01T03:00', 'America/New_York', '2026-11-01T08:00:00.000Z', -300],
    ['2026-11-01T23:00', 'America/New_York', '2026-11-02T04:00:00.000Z', -300],
    // Berlin (east of UTC) goes forward on 2026-03-29 at 02:00 CET and back on 2026-10-25 at 03:00 CEST.
    ['2026-03-29T03:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z', 120],
    ['2026-10-25T01:30', 'Europe/Berlin', '2026-10-24T23:30:00.000Z', 120],
    ['2026-10-25T03:30', 'Europe/Berlin', '2026-10-25T02:30:00.000Z', 60],
    ['2026-05-02', 'Asia/Shanghai', '2026-05-01T16:00:00.000Z', 480],
  ])('%s in %s is %s', (raw, zone, iso, offset) => {
    expect(utc(raw, zone)).toEqual([iso, offset])
  })

  test('a time skipped by clocks going forward is read with the offset from before the change', () => {
    // 02:30 does not exist on that day in New York; JavaScript's Date reads it as 03:30 EDT too.
    expect(utc('2026-03-08T02:30', 'America/New_York')).toEqual(['2026-03-08T07:30:00.000Z', -300])
  })
})
