import { useCallback, useDeferredValue, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import type { DigestSummary, Head, Item } from '@/types/content'
import { useLanguage, useT } from '@/lib/i18n'
import { formatDay } from '@/lib/digest-time'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { SkeletonBar } from '@/components/ui/skeleton'
import { VirtualList } from '@/components/ui/virtual-list'
import { locateRow, monthsOfRows, type Feed } from '../api/feed'
import { useFeedRow } from '../hooks/use-feed-row'
import { useProgressiveCount } from '@/lib/use-progressive-count'
import { DigestBlock } from './digest-block'

/** Rows whose files are fetched ahead of the reader, below the last one rendered. */
const PREFETCH_ROWS = 6
/** Rough heights for rows not yet measured: a digest's header, and each item card. */
const ROW_BASE_PX = 140
const ITEM_PX = 190
/** Item cards a new row shows as soon as its digest is there (more than a screen), then more each frame. */
const FIRST_CARDS = 8
const CARDS_PER_FRAME = 6

/** What the app adds to a feed: a marker above one row, and badges on items. */
export interface FeedDecorations {
  /** The row the marker opens (it is measured with the row, so the virtual list stays exact). */
  markerAt?: number
  marker?: ReactNode
  itemBadge?: (item: Item, digest: DigestSummary) => ReactNode
}

/**
 * A newest-first feed of digests of any length: only the rows on screen are in the page, and only
 * their month pages and chunks are fetched (and a few rows' ahead). The page is as long as the
 * whole feed from the start, so the scrollbar means the archive and End reaches its first digest.
 * Day headings open each day's first row.
 */
export function DigestFeed({
  head,
  feed,
  historyKey,
  decorations,
}: {
  head: Head
  feed: Feed
  historyKey: string
  decorations?: FeedDecorations
}) {
  const t = useT()
  const averageItems = head.digestCount ? head.itemCount / head.digestCount : 10
  const prefetch = usePrefetchAhead(feed)
  const renderRow = useCallback(
    (index: number, reserve: number | undefined, { mountedBelow }: { mountedBelow: boolean }) => (
      <FeedRowView
        head={head}
        feed={feed}
        index={index}
        reserve={reserve}
        mountedBelow={mountedBelow}
        decorations={decorations}
      />
    ),
    [head, feed, decorations],
  )
  return (
    <>
      <VirtualList
        count={feed.total}
        estimateSize={() => ROW_BASE_PX + averageItems * ITEM_PX}
        historyKey={historyKey}
        onRange={prefetch}
        renderRow={renderRow}
      />
      <p className="py-8 text-center text-sm text-stone-500 dark:text-stone-400">
        {t({ zh: '— 已经到底了 —', en: '— You have reached the beginning —' })}
      </p>
    </>
  )
}

function FeedRowView({
  head,
  feed,
  index,
  reserve,
  mountedBelow,
  decorations,
}: {
  head: Head
  feed: Feed
  index: number
  reserve?: number
  mountedBelow: boolean
  decorations?: FeedDecorations
}) {
  const t = useT()
  const lang = useLanguage()
  const { summary, digest: arrived, startsDay, failed, retry } = useFeedRow(feed, index)
  // A digest's items arriving render in a background pass React can interrupt, not in one block.
  const digest = useDeferredValue(arrived)
  // A row new to the list that mounts below the screen, ahead of a reader scrolling down, fills in
  // its cards over frames: 35 cards of CJK text at once were 50–130 ms of layout in one frame on the
  // real corpora. Any other row renders whole at once: one on screen (the first screen, a jump, a
  // restored position) must show every card where the reader, or a saved position, expects it,
  // and one measured before must come back at the height it had. Decided when the row mounts.
  const [fillGradually] = useState(reserve === undefined && mountedBelow)
  const shownItems = useProgressiveCount(digest?.items.length ?? 0, {
    first: fillGradually ? FIRST_CARDS : Number.POSITIVE_INFINITY,
    perFrame: CARDS_PER_FRAME,
  })
  const loading = !digest && !failed
  return (
    <div
      className="pb-10"
      style={loading && reserve ? { minHeight: reserve } : undefined}
      // Not measured until whole (virtual-list.tsx): a partial height kept for a row that
      // scrolls away mid-fill would misplace every row below it on the way back.
      data-filling={digest && shownItems < digest.items.length ? '' : undefined}
    >
      {decorations?.markerAt === index && decorations.marker}
      {summary ? (
        <>
          {startsDay && (
            <h2 className="day-heading mb-10" id={`day-${summary.date.slice(0, 10)}`}>
              {formatDay(summary, lang)}
            </h2>
          )}
          <DigestBlock
            head={head}
            summary={summary}
            digest={digest}
            shownItems={shownItems}
            failed={failed}
            onRetry={retry}
            itemBadge={decorations?.itemBadge}
          />
        </>
      ) : failed ? (
        <DigestBlockFailed onRetry={retry} />
      ) : (
        <div role="status" aria-label={t({ zh: '正在加载', en: 'Loading' })} className="space-y-3">
          <SkeletonBar className="h-6 w-1/3" />
          <SkeletonBar className="h-4 w-2/3" />
        </div>
      )}
    </div>
  )
}

function DigestBlockFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT()
  return (
    <div role="alert" className="text-sm text-red-800 dark:text-red-200">
      {t({ zh: '这一期加载失败。', en: 'This digest failed to load.' })}{' '}
      <button type="button" onClick={onRetry} className="btn-secondary ml-2">
        {t({ zh: '重试', en: 'Retry' })}
      </button>
    </div>
  )
}

/**
 * Fetches the month pages, then the chunks, of the rows just below the last one rendered, so a
 * reader scrolling down meets digests that are already there.
 */
function usePrefetchAhead(feed: Feed) {
  const client = useQueryClient()
  return useCallback(
    (_first: number, last: number, { scrolled }: { scrolled: boolean }) => {
      // Only once the reader scrolls: the first screen fetches what it shows and nothing more.
      if (!scrolled) return
      const from = last + 1
      const to = Math.min(feed.total - 1, last + PREFETCH_ROWS)
      if (from > to) return
      void (async () => {
        for (const month of monthsOfRows(feed, from, to)) {
          const page = await client
            .ensureQueryData(archiveQueries.month(month.file))
            .catch(() => null)
          if (!page) return
          const own = page.digests.filter(feed.accept)
          for (let index = from; index <= to; index++) {
            const place = locateRow(feed, index)
            const summary = place?.month.file === month.file ? own[place.offset] : undefined
            if (summary) void client.prefetchQuery(archiveQueries.chunk(summary.chunk))
          }
        }
      })()
    },
    [client, feed],
  )
}
