/** A digest date as written, with the wall-clock parts in the writer's own offset. */
export interface DigestDate {
  /** The date as written in the file. */
  written: string
  /** Epoch milliseconds. */
  time: number
  offsetMinutes: number
  year: number
  month: number
  day: number
  hour: number
}

const ISO_WITH_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

export type DateParse =
  { ok: true; date: DigestDate } | { ok: false; reason: 'invalid' | 'no-offset' }

/**
 * Parses an ISO 8601 date. Without an offset it is read in `timeZone` when one is given (lenient
 * publishers), else refused: the digest id and its day depend on the writer's offset.
 */
export function parseDigestDate(raw: string, timeZone?: string): DateParse {
  const text = raw.trim()
  const full = ISO_WITH_TIME.exec(text)
  const dateOnly = full ? null : DATE_ONLY.exec(text)
  if (!full && !dateOnly) return { ok: false, reason: 'invalid' }
  const m = full ?? dateOnly!
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = full ? Number(full[4]) : 0
  const minute = full ? Number(full[5]) : 0
  const second = full && full[6] ? Number(full[6]) : 0
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return { ok: false, reason: 'invalid' }
  }
  const wall = Date.UTC(year, month - 1, day, hour, minute, second)
  if (new Date(wall).getUTCDate() !== day) return { ok: false, reason: 'invalid' }

  const zone = full?.[7]
  let offsetMinutes: number
  if (zone) {
    offsetMinutes = zone.toUpperCase() === 'Z' ? 0 : parseOffset(zone)
    // Real offsets run from -12:00 to +14:00, with minutes under an hour.
    if (Math.abs(offsetMinutes) > 14 * 60 || Number(zone.slice(-2)) > 59) {
      return { ok: false, reason: 'invalid' }
    }
  } else if (timeZone) {
    offsetMinutes = zoneOffsetAt(wall, timeZone)
  } else {
    return { ok: false, reason: 'no-offset' }
  }
  return {
    ok: true,
    date: {
      written: text,
      time: wall - offsetMinutes * 60_000,
      offsetMinutes,
      year,
      month,
      day,
      hour,
    },
  }
}

function parseOffset(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
}

/**
 * Offset in minutes of an IANA time zone for a wall-clock time (given as if it were UTC). The
 * offset belongs to the instant `wall - offset`, which is unknown until the offset is: so try each
 * offset in force around that time and keep the one that reproduces itself. A wall time that
 * occurs twice (clocks going back) takes the earlier instant; one that never occurs (clocks going
 * forward) is read with the offset from before the change, as JavaScript's Date and Temporal do.
 */
export function zoneOffsetAt(wallAsUtc: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
  const offsetAtInstant = (instant: number): number => {
    const parts = format.formatToParts(new Date(instant))
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'))
    return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000)
  }
  const DAY = 86_400_000
  // Offsets in force a day either side: transitions are months apart, so these are all candidates.
  const before = offsetAtInstant(wallAsUtc - DAY)
  const candidates = [before, offsetAtInstant(wallAsUtc), offsetAtInstant(wallAsUtc + DAY)]
  const valid = candidates.filter((o) => offsetAtInstant(wallAsUtc - o * 60_000) === o)
  // The earlier instant is the larger offset.
  return valid.length > 0 ? Math.max(...valid) : before
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `2025-12-22-04`: the digest's slot in its own offset. */
export function dateSlug(d: DigestDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}-${pad(d.hour)}`
}

/** `2025-12`: the month a digest's chunk is filed under. */
export function monthKey(d: DigestDate): string {
  return `${d.year}-${pad(d.month)}`
}
