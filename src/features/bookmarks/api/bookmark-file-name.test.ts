import { afterAll, describe, expect, test } from 'vitest'
import { exportFileName } from './bookmark-file'

// Node re-reads the zone when `process.env.TZ` is assigned, so one test process can stand in
// several zones. Each zone's expected days are written out by hand: a name taken from the UTC
// date, or from any one fixed zone, gets at least one of them wrong.
// (App code has no Node types, so `process` is reached through globalThis.)
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } })
  .process.env
const original = env.TZ
afterAll(() => {
  if (original === undefined) delete env.TZ
  else env.TZ = original
})

// 2026-11-03 03:00 and 20:00 UTC.
const early = new Date(Date.UTC(2026, 10, 3, 3, 0))
const late = new Date(Date.UTC(2026, 10, 3, 20, 0))

describe.each([
  // zone, `getTimezoneOffset()` there (minutes west of UTC), the local day at `early`, at `late`
  ['UTC', 0, '2026-11-03', '2026-11-03'],
  ['Asia/Shanghai', -480, '2026-11-03', '2026-11-04'],
  ['America/Los_Angeles', 480, '2026-11-02', '2026-11-03'],
  ['Pacific/Kiritimati', -840, '2026-11-03', '2026-11-04'],
  ['Pacific/Pago_Pago', 660, '2026-11-02', '2026-11-03'],
])('in %s', (zone, minutesWest, earlyDay, lateDay) => {
  test('export file names carry the local date', () => {
    env.TZ = zone
    // The zone really applies (else the names below would prove nothing about it).
    expect(early.getTimezoneOffset()).toBe(minutesWest)
    expect(exportFileName(early)).toBe(`digest-reader-bookmarks-${earlyDay}.json`)
    expect(exportFileName(late)).toBe(`digest-reader-bookmarks-${lateDay}.json`)
  })
})
