import { Link, useLocation, useParams } from 'react-router-dom'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { digestsInCategory, useManifest } from '@/features/digests/api/digest'
import { DigestFeed } from '@/features/digests/components/digest-feed'
import { digestsOf } from '@/features/digests/api/publishers'
import { usePublisherFilter } from '@/features/digests/hooks/use-publisher-filter'
import { PublisherFilter } from '@/features/digests/components/publisher-filter'

/**
 * `/categories/:name` (Chinese names welcome): the digests filed under a category, newest first,
 * optionally of one publisher (`?publisher=`).
 */
export function CategoryRoute() {
  const t = useT()
  const { name = '' } = useParams()
  const { key } = useLocation()
  const manifest = useManifest()
  const publisher = usePublisherFilter(manifest)
  const inCategory = digestsInCategory(manifest, name)
  const digests = digestsOf(inCategory, publisher)
  // Each history entry (and filter) is its own feed, remounted with its own remembered length.
  const historyKey = `category:${name}:${publisher?.id ?? ''}:${key}`
  useDocumentTitle(`${name} · ${t({ zh: '分类', en: 'Categories' })}`)
  return (
    <>
      <PageHeading
        eyebrow={
          <Link to={paths.categories.getHref()} className="hover:underline">
            {t({ zh: '分类', en: 'Categories' })}
          </Link>
        }
        title={name}
        lang="zh-CN"
      >
        {t({
          zh: `${digests.length} 期摘要 · 最新在前`,
          en: `${plural(digests.length, 'digest')} · newest first`,
        })}
      </PageHeading>
      <PublisherFilter
        manifest={manifest}
        selected={publisher}
        digests={inCategory}
        hrefFor={(params) => paths.category.getHref(name, params)}
      />
      {digests.length === 0 ? (
        <p className="text-stone-500 dark:text-stone-400">
          {t({
            zh: '这个发布者没有归入此分类的摘要。',
            en: 'This publisher has no digests in this category.',
          })}
        </p>
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
