import { useMemo, useState, type ReactNode } from 'react'
import type { TimelineDecorations } from '@/features/reading-state/components/reading-timeline'
import { useLocation } from 'react-router-dom'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useHead } from '@/lib/archive/archive-queries'
import { PageHeading } from '@/components/ui/page-heading'
import { timelineFeed } from '@/features/digests/api/feed'
import { usePublisherFilter } from '@/features/digests/hooks/use-publisher-filter'
import { DigestFeed } from '@/features/digests/components/digest-feed'
import { PublisherFilter } from '@/features/digests/components/publisher-filter'
import { loadedReadingState } from '@/features/reading-state/probe'
import { useSeenAfterDwell } from '@/features/reading-state/hooks/use-seen-after-dwell'
import { NewDigestsBanner } from '@/features/updates/components/new-digests-banner'

/**
 * `/`: every digest (or one publisher's, `?publisher=`), newest first, grouped by day, loading the
 * months on screen as the reader scrolls.
 */
export function TimelineRoute() {
  const t = useT()
  const head = useHead()
  const publisher = usePublisherFilter(head)
  const { key } = useLocation()
  const feed = useMemo(() => timelineFeed(head, publisher), [head, publisher])
  // Each history entry (and filter) is its own feed, remounted with its own remembered layout.
  const historyKey = `timeline:${publisher?.id ?? ''}:${key}`
  useDocumentTitle(
    publisher
      ? `${publisher.name} · ${t({ zh: '时间线', en: 'Timeline' })}`
      : t({ zh: '时间线', en: 'Timeline' }),
  )
  const digests = feed.total
  const items = publisher ? publisher.itemCount : head.itemCount
  // Fixed for this mount: the loader waited for the chunk when something was stored, and a
  // first visit has nothing new to mark (switching later would remount the feed).
  const [readingState] = useState(loadedReadingState)
  useSeenAfterDwell(head.newest[0]?.time, { enabled: !publisher })
  const page = (parts?: { notice: ReactNode; decorations: TimelineDecorations }) => (
    <>
      <NewDigestsBanner />
      <PageHeading
        eyebrow={t({ zh: 'AI 新闻摘要', en: 'AI news digests' })}
        title={t({ zh: '时间线', en: 'Timeline' })}
      >
        {t({
          zh: `${digests} 期摘要 · ${items} 条新闻 · 最新在前`,
          en: `${plural(digests, 'digest')} · ${plural(items, 'item')} · newest first`,
        })}
      </PageHeading>
      <PublisherFilter
        head={head}
        selected={publisher}
        countOf={(p) => (p ? p.digestCount : head.digestCount)}
        hrefFor={paths.home.getHref}
      />
      {parts?.notice}
      {digests === 0 ? (
        <p className="text-stone-500">{t({ zh: '还没有摘要。', en: 'No digests yet.' })}</p>
      ) : (
        <DigestFeed
          key={historyKey}
          head={head}
          feed={feed}
          historyKey={historyKey}
          decorations={parts?.decorations}
        />
      )}
    </>
  )
  if (!readingState) return page()
  return (
    <readingState.ReadingTimeline head={head} publisher={publisher?.id} total={feed.total}>
      {page}
    </readingState.ReadingTimeline>
  )
}
