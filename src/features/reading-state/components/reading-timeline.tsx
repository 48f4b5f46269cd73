import { useCallback, useMemo, type ReactNode } from 'react'
import type { DigestSummary, Head, Item } from '@/types/content'
import { useVisit } from '../hooks/reading-state-context'
import { useSinceCount } from '../hooks/use-since-count'
import { SinceMarker, SinceNotice } from './since-notice'
import { usePreparedWatches, WatchBadges } from './watch-badges'

/** What the timeline's feed takes from the reading state (the digests feed's decorations). */
export interface TimelineDecorations {
  markerAt?: number
  marker?: ReactNode
  itemBadge?: (item: Item, digest: DigestSummary) => ReactNode
}

/**
 * The timeline's share of the reading state: the notice above the feed, the marker where the
 * rows from before the last visit begin, and watch badges; `children` places them.
 */
export function ReadingTimeline({
  head,
  publisher,
  total,
  children,
}: {
  head: Head
  publisher?: string
  /** Rows in the feed: a marker after the last one has no place. */
  total: number
  children: (parts: { notice: ReactNode; decorations: TimelineDecorations }) => ReactNode
}) {
  const { since } = useVisit()
  const newestTime = head.newest[0]?.time
  // The whole archive's count for the notice, the feed's own for where its marker goes.
  const allNew = useSinceCount(head, since)
  const feedNew = useSinceCount(head, since, publisher)
  const prepared = usePreparedWatches()
  const itemBadge = useCallback(
    (item: Item, digest: DigestSummary) => (
      <WatchBadges prepared={prepared} item={item} time={digest.time} />
    ),
    [prepared],
  )
  const markerAt = feedNew?.digests
  const decorations = useMemo<TimelineDecorations>(
    () => ({
      // Only between rows: with nothing new, or everything, there is no place to mark.
      markerAt: markerAt && markerAt < total ? markerAt : undefined,
      marker: <SinceMarker />,
      itemBadge: prepared.length > 0 ? itemBadge : undefined,
    }),
    [markerAt, total, itemBadge, prepared.length],
  )
  const notice =
    allNew && allNew.items > 0 && newestTime !== undefined ? (
      <SinceNotice count={allNew} newestTime={newestTime} />
    ) : null
  return <>{children({ notice, decorations })}</>
}
