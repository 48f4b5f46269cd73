import { useState } from 'react'
import { useSuspenseQueries } from '@tanstack/react-query'
import type { DigestSummary, Manifest } from '@/types/content'
import { useLanguage } from '@/lib/i18n'
import { dayKey, formatDay } from '@/lib/digest-time'
import { chunkQueryOptions } from '../api/chunks'
import { useFeedSize } from '../hooks/use-feed-size'
import { DigestBlock } from './digest-block'
import { LoadMore } from './load-more'

interface Day {
  key: string
  digests: DigestSummary[]
}

/**
 * Digests grouped by the day they were published, in their own offset: one group per day, newest
 * day first, digests in feed order within it. Publishers in different offsets interleave, so the
 * same day can recur further down a time-ordered list; it still gets one heading (and one id).
 */
export function groupByDay(digests: DigestSummary[]): Day[] {
  const days = new Map<string, Day>()
  for (const digest of digests) {
    const key = dayKey(digest)
    const day = days.get(key)
    if (day) day.digests.push(digest)
    else days.set(key, { key, digests: [digest] })
  }
  // Keys are YYYY-MM-DD, so comparing them as strings orders them by date.
  return [...days.values()].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
}

/** The month chunks holding these digests, each once. */
function chunkFilesOf(manifest: Manifest, digests: DigestSummary[]): string[] {
  const files = digests.map((d) => manifest.chunks[d.chunk]).filter((f) => f !== undefined)
  return [...new Set(files)]
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
  const { count, showMore, hasMore, restoredCount } = useFeedSize(historyKey, digests.length)
  // A feed the reader comes back to (back/forward, reload) renders as long as it was, and the router
  // then restores the scroll position into it. Its months must be in the cache before that first
  // paint: skeletons standing in for them would make the page shorter and the position land
  // elsewhere. Suspending holds the navigation until they are; later growth loads lazily as before.
  const [restoredFiles] = useState(() =>
    restoredCount ? chunkFilesOf(manifest, digests.slice(0, restoredCount)) : [],
  )
  useSuspenseQueries({ queries: restoredFiles.map((file) => chunkQueryOptions(file)) })
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
