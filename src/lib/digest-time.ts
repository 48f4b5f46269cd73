/**
 * Dates as the digest wrote them. A digest says "04:00 on 22 December" in its own offset, so the
 * reader shows exactly that wherever the reader happens to be: never the viewer's time zone.
 */
export interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: number
}

/** Calendar parts of `time` in the digest's own offset (minutes east of UTC). */
export function localParts(time: number, offsetMinutes: number): LocalParts {
  const shifted = new Date(time + offsetMinutes * 60_000)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')
const ZH_WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

type Lang = 'zh' | 'en'
interface Stamp {
  time: number
  offsetMinutes: number
  /** The date as written; a bare `YYYY-MM-DD` names a day, not an hour. */
  date?: string
}

/** Whether the digest's date was written without a time of day (daily digests). */
export const isDateOnly = (stamp: Stamp): boolean => /^\d{4}-\d{2}-\d{2}$/.test(stamp.date ?? '')

/** A key that is equal for digests published on the same local day, e.g. `2025-12-22`. */
export function dayKey({ time, offsetMinutes }: Stamp): string {
  const p = localParts(time, offsetMinutes)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/**
 * The digest's slot: "12月22日 04:00" (digests cover whole hours, so minutes are dropped), or just
 * "8月23日" for a digest dated by day only, rather than a midnight it never claimed.
 */
export function formatSlot(stamp: Stamp, lang: Lang): string {
  const p = localParts(stamp.time, stamp.offsetMinutes)
  if (isDateOnly(stamp)) {
    return lang === 'zh' ? `${p.month}月${p.day}日` : `${EN_MONTHS[p.month - 1]} ${p.day}`
  }
  return lang === 'zh'
    ? `${p.month}月${p.day}日 ${pad(p.hour)}:00`
    : `${EN_MONTHS[p.month - 1]} ${p.day}, ${pad(p.hour)}:00`
}

/** A day heading: "2025年12月22日 星期一". */
export function formatDay({ time, offsetMinutes }: Stamp, lang: Lang): string {
  const p = localParts(time, offsetMinutes)
  return lang === 'zh'
    ? `${p.year}年${p.month}月${p.day}日 星期${ZH_WEEKDAYS[p.weekday]}`
    : `${EN_WEEKDAYS[p.weekday]}, ${EN_MONTHS[p.month - 1]} ${p.day}, ${p.year}`
}

/** The exact publication time with its offset: "2025-12-22 04:08 UTC+8" (or just the day). */
export function formatPublished(stamp: Stamp): string {
  const { time, offsetMinutes } = stamp
  const p = localParts(time, offsetMinutes)
  if (isDateOnly(stamp)) return `${p.year}-${pad(p.month)}-${pad(p.day)}`
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const zone = `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ''}`
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${zone}`
}
