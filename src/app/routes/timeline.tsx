import { useLocation } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { useManifest } from '@/features/digests/api/digest'
import { DigestFeed } from '@/features/digests/components/digest-feed'

/** `/`: every digest, newest first, grouped by day, loading older months as the reader scrolls. */
export function TimelineRoute() {
  const t = useT()
  const manifest = useManifest()
  const { key } = useLocation()
  useDocumentTitle(t({ zh: '时间线', en: 'Timeline' }))
  const { length } = manifest.digests
  return (
    <>
      <PageHeading
        eyebrow={t({ zh: 'AI 新闻摘要', en: 'AI news digests' })}
        title={t({ zh: '时间线', en: 'Timeline' })}
      >
        {t({
          zh: `${length} 期摘要 · ${manifest.itemCount} 条新闻 · 最新在前`,
          en: `${length} digests · ${manifest.itemCount} items · newest first`,
        })}
      </PageHeading>
      {length === 0 ? (
        <p className="text-stone-500">{t({ zh: '还没有摘要。', en: 'No digests yet.' })}</p>
      ) : (
        <DigestFeed manifest={manifest} digests={manifest.digests} historyKey={`timeline:${key}`} />
      )}
    </>
  )
}
