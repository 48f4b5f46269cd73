import { useLocation } from 'react-router-dom'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { useManifest } from '@/features/digests/api/digest'
import { digestsOf } from '@/features/digests/api/publishers'
import { usePublisherFilter } from '@/features/digests/hooks/use-publisher-filter'
import { DigestFeed } from '@/features/digests/components/digest-feed'
import { PublisherFilter } from '@/features/digests/components/publisher-filter'

/**
 * `/`: every digest (or one publisher's, `?publisher=`), newest first, grouped by day, loading older
 * months as the reader scrolls.
 */
export function TimelineRoute() {
  const t = useT()
  const manifest = useManifest()
  const publisher = usePublisherFilter(manifest)
  const { key } = useLocation()
  const digests = digestsOf(manifest.digests, publisher)
  // Each history entry (and filter) is its own feed, remounted with its own remembered length.
  const historyKey = `timeline:${publisher?.id ?? ''}:${key}`
  useDocumentTitle(
    publisher
      ? `${publisher.name} · ${t({ zh: '时间线', en: 'Timeline' })}`
      : t({ zh: '时间线', en: 'Timeline' }),
  )
  const { length } = digests
  const items = digests.reduce((sum, d) => sum + d.itemCount, 0)
  return (
    <>
      <PageHeading
        eyebrow={t({ zh: 'AI 新闻摘要', en: 'AI news digests' })}
        title={t({ zh: '时间线', en: 'Timeline' })}
      >
        {t({
          zh: `${length} 期摘要 · ${items} 条新闻 · 最新在前`,
          en: `${plural(length, 'digest')} · ${plural(items, 'item')} · newest first`,
        })}
      </PageHeading>
      <PublisherFilter
        manifest={manifest}
        selected={publisher}
        digests={manifest.digests}
        hrefFor={paths.home.getHref}
      />
      {length === 0 ? (
        <p className="text-stone-500">{t({ zh: '还没有摘要。', en: 'No digests yet.' })}</p>
      ) : (
        <DigestFeed
          key={historyKey}
          manifest={manifest}
          digests={digests}
          historyKey={historyKey}
        />
      )}
    </>
  )
}
