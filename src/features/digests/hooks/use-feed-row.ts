import { useQuery } from '@tanstack/react-query'
import type { Digest, DigestSummary } from '@/types/content'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { useFirstPaintDone } from '@/lib/use-first-paint'
import { locateRow, type Feed } from '../api/feed'

export interface FeedRow {
  /** Undefined while the row's month page loads. */
  summary?: DigestSummary
  /** Undefined while the row's chunk loads. */
  digest?: Digest
  /** Whether the row starts a new day (the one before it is another day, or another month). */
  startsDay: boolean
  failed: boolean
  retry: () => void
}

/**
 * One row of a feed: the head's digests need nothing more; other rows read their month page (for
 * the summary) and then their chunk (for the items), both shared with every row of that file. On
 * a first visit those wait for the first paint: the head's rows fill the first screen, and the
 * rows rendered below it (the list's overscan) took their month pages and chunks (5–6 KB at a
 * year), and their parsing, into the first screen's load.
 */
export function useFeedRow(feed: Feed, index: number): FeedRow {
  const first = feed.first[index]
  const place = first ? null : locateRow(feed, index)
  const painted = useFirstPaintDone()
  const month = useQuery({
    ...archiveQueries.month(place?.month.file ?? ''),
    enabled: !!place && painted,
    select: (page) => {
      const own = page.digests.filter(feed.accept)
      return { summary: own[place!.offset], previous: own[place!.offset - 1] }
    },
  })
  const summary = first ?? month.data?.summary
  const previous = first ? feed.first[index - 1] : month.data?.previous
  const chunk = useQuery({
    ...archiveQueries.chunk(summary?.chunk ?? ''),
    enabled: !first && !!summary,
    select: (c) => c.digests.find((d) => d.id === summary!.id),
  })
  return {
    summary,
    digest: first ?? chunk.data,
    startsDay: !previous || previous.date.slice(0, 10) !== summary?.date.slice(0, 10),
    failed: month.isError || chunk.isError,
    retry: () => void (month.isError ? month.refetch() : chunk.refetch()),
  }
}
