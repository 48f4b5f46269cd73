import type { DigestSummary, Head, MonthEntry, MonthPage } from '@/types/content'

/** What is new since a time: digests (of the feed) and their items. */
export interface NewCount {
  digests: number
  items: number
}

/** Offsets run from -12:00 to +14:00: a month key's digests lie in this window of instants. */
const EARLIEST_OFFSET_MS = 14 * 3600_000
const LATEST_OFFSET_MS = 12 * 3600_000

function monthWindow(month: string): { start: number; end: number } {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return {
    start: Date.UTC(year, mon - 1, 1) - EARLIEST_OFFSET_MS,
    end: Date.UTC(year, mon, 1) + LATEST_OFFSET_MS,
  }
}

/** Digests (and their items) of one publisher, or all, newer than `since`. */
function tally(digests: DigestSummary[], since: number, publisher?: string): NewCount {
  const fresh = digests.filter((d) => (!publisher || d.publisher === publisher) && d.time > since)
  return { digests: fresh.length, items: fresh.reduce((n, d) => n + d.itemCount, 0) }
}

/**
 * The count from the head alone, when its newest digests reach back past `since` (the usual
 * case: the last visit was a few digests ago) or hold the whole feed; null when months are needed.
 */
export function countFromHead(head: Head, since: number, publisher?: string): NewCount | null {
  const newest = publisher ? head.newest.filter((d) => d.publisher === publisher) : head.newest
  const total = publisher
    ? (head.publishers.find((p) => p.id === publisher)?.digestCount ?? 0)
    : head.digestCount
  const oldest = newest.at(-1)
  if (newest.length === total || (oldest && oldest.time <= since))
    return tally(newest, since, publisher)
  return null
}

/**
 * Counts the digests and items newer than `since`, for one publisher or all, without the archive:
 * the head answers the usual case (`countFromHead`); otherwise whole months come from the head's
 * counts and only the (at most two) months the time may fall in are read through `loadMonth`.
 * Items of one publisher's whole months are not in the head, so `items` is exact only when
 * `publisher` is undefined.
 */
export async function countSince(
  head: Head,
  since: number,
  options: { publisher?: string; loadMonth: (entry: MonthEntry) => Promise<MonthPage> },
): Promise<NewCount> {
  const { publisher, loadMonth } = options
  const fromHead = countFromHead(head, since, publisher)
  if (fromHead) return fromHead
  const count = { digests: 0, items: 0 }
  for (const entry of head.months) {
    const { start, end } = monthWindow(entry.month)
    if (end <= since) break
    if (start > since) {
      count.digests += publisher ? (entry.publishers[publisher] ?? 0) : entry.digestCount
      count.items += publisher ? 0 : entry.itemCount
      continue
    }
    const part = tally((await loadMonth(entry)).digests, since, publisher)
    count.digests += part.digests
    count.items += part.items
  }
  return count
}
