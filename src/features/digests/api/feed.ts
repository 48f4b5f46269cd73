import type {
  CategoryAggregate,
  Digest,
  DigestSummary,
  Head,
  MonthEntry,
  Publisher,
} from '@/types/content'

/**
 * A list of digests known by its length before any of it loads: per month, how many of the
 * month's digests belong to it, and which. The timeline and category pages are feeds; a row is
 * found by counting months, and only the months (and chunks) of rows on screen are fetched.
 */
export interface Feed {
  /** Months with at least one of the feed's digests, newest first, with how many. */
  months: { entry: MonthEntry; count: number }[]
  total: number
  /** Which of a month's summaries belong to the feed. */
  accept: (summary: DigestSummary) => boolean
  /** The feed's first digests in full, when the head already has them (the plain timeline). */
  first: Digest[]
}

function feedOf(
  months: { entry: MonthEntry; count: number }[],
  accept: Feed['accept'],
  first: Digest[] = [],
): Feed {
  const listed = months.filter((m) => m.count > 0)
  return { months: listed, total: listed.reduce((n, m) => n + m.count, 0), accept, first }
}

/** Every digest (or one publisher's), newest first. */
export function timelineFeed(head: Head, publisher?: Publisher): Feed {
  if (!publisher) {
    return feedOf(
      head.months.map((entry) => ({ entry, count: entry.digestCount })),
      () => true,
      head.newest,
    )
  }
  return feedOf(
    head.months.map((entry) => ({ entry, count: entry.publishers[publisher.id] ?? 0 })),
    (d) => d.publisher === publisher.id,
  )
}

/** The digests filed under a category (of one publisher), newest first. */
export function categoryFeed(head: Head, category: CategoryAggregate, publisher?: Publisher): Feed {
  return feedOf(
    head.months.map((entry) => {
      const counts = category.months[entry.month] ?? {}
      const count = publisher
        ? (counts[publisher.id] ?? 0)
        : Object.values(counts).reduce((n, c) => n + c, 0)
      return { entry, count }
    }),
    (d) => d.categories.includes(category.name) && (!publisher || d.publisher === publisher.id),
  )
}

/** Where row `index` of a feed is: its month and its place among the month's feed digests. */
export function locateRow(feed: Feed, index: number): { month: MonthEntry; offset: number } | null {
  let rest = index
  for (const { entry, count } of feed.months) {
    if (rest < count) return { month: entry, offset: rest }
    rest -= count
  }
  return null
}

/** The month pages rows `from`..`to` (inclusive) sit on, each once. */
export function monthsOfRows(feed: Feed, from: number, to: number): MonthEntry[] {
  const out: MonthEntry[] = []
  let start = 0
  for (const { entry, count } of feed.months) {
    const end = start + count - 1
    if (end >= from && start <= to) out.push(entry)
    if (start > to) break
    start += count
  }
  return out
}
