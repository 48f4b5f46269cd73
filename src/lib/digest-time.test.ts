import { describe, expect, test } from 'vitest'
import { dayKey, formatDay, formatPublished, formatSlot } from './digest-time'

// 2025-12-22T00:30+08:00 is still 21 December in UTC and in the Americas.
const earlyMorning = { time: Date.parse('2025-12-22T00:30:00+08:00'), offsetMinutes: 480 }

describe('digest-local dates', () => {
  test('days and slots follow the offset the digest was written in', () => {
    expect(dayKey(earlyMorning)).toBe('2025-12-22')
    expect(formatSlot(earlyMorning, 'zh')).toBe('12月22日 00:00')
    expect(formatSlot(earlyMorning, 'en')).toBe('Dec 22, 00:00')
    expect(formatDay(earlyMorning, 'zh')).toBe('2025年12月22日 星期一')
    expect(formatDay(earlyMorning, 'en')).toBe('Monday, Dec 22, 2025')
  })

  test('negative and fractional offsets', () => {
    const t = { time: Date.parse('2025-12-22T03:00:00Z'), offsetMinutes: -300 }
    expect(dayKey(t)).toBe('2025-12-21')
    expect(formatPublished(t)).toBe('2025-12-21 22:00 UTC-5')
    expect(formatPublished({ time: t.time, offsetMinutes: 330 })).toBe('2025-12-22 08:30 UTC+5:30')
  })

  test('a digest dated by day only gets no made-up midnight', () => {
    const daily = {
      date: '2026-08-23',
      time: Date.parse('2026-08-23T00:00:00+08:00'),
      offsetMinutes: 480,
    }
    expect(formatSlot(daily, 'zh')).toBe('8月23日')
    expect(formatSlot(daily, 'en')).toBe('Aug 23')
    expect(formatPublished(daily)).toBe('2026-08-23')
    expect(dayKey(daily)).toBe('2026-08-23')
    // The same instant written with a time keeps its hour.
    const timed = { ...daily, date: '2026-08-23T00:00:00+08:00' }
    expect(formatSlot(timed, 'zh')).toBe('8月23日 00:00')
    expect(formatPublished(timed)).toBe('2026-08-23 00:00 UTC+8')
  })
})
