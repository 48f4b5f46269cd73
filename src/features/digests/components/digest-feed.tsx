import type { DigestSummary, Manifest } from '@/types/content'
import { useLanguage } from '@/lib/i18n'
import { dayKey, formatDay } from '@/lib/digest-time'
import { useFeedSize } from '../hooks/use-feed-size'
import { DigestBlock } from './digest-block'
import { LoadMore } from './load-more'

interface Day {
  key: string
  digests: DigestSummary[]
}

/** Consecutive digests grouped by the day they were published, in their own offset. */
export function groupByDay(digests: DigestSummary[]): Day[] {
  const days: Day[] = []
  for (const digest of digests) {
    const key = dayKey(digest)
    const last = days.at(-1)
    if (last?.key === key) last.digests.push(digest)
    else days.push({ key, digests: [digest] })
  }
  return days
}

/**
 * A newest-first feed of digests that grows as the reader scrolls: only the digests shown are
 * rendered, and only the month chunks they live in are fetched.
 */
export function DigestFeed({
  manifest,
  digests,
  historyKey,
}: {
  manifest: Manifest
  digests: DigestSummary[]
  historyKey: string
}) {
  const lang = useLanguage()
  const { count, showMore, hasMore } = useFeedSize(historyKey, digests.length)
  const days = groupByDay(digests.slice(0, count))
  return (
    <div className="space-y-12">
      {days.map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`} className="space-y-10">
          <h2 id={`day-${day.key}`} className="day-heading">
            {formatDay(day.digests[0]!, lang)}
          </h2>
          {day.digests.map((summary) => (
            <DigestBlock key={summary.id} manifest={manifest} summary={summary} />
          ))}
        </section>
      ))}
      <LoadMore hasMore={hasMore} onMore={showMore} shown={count} />
    </div>
  )
}
