import { useMemo } from 'react'
import { useSuspenseQuery } from '@tanstack/react-query'
import { Link, useLocation, useParams } from 'react-router-dom'
import { categoryFromSegment, paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { archiveQueries, useHead } from '@/lib/archive/archive-queries'
import { PageHeading } from '@/components/ui/page-heading'
import { categoryFeed } from '@/features/digests/api/feed'
import { usePublisherFilter } from '@/features/digests/hooks/use-publisher-filter'
import { DigestFeed } from '@/features/digests/components/digest-feed'
import { PublisherFilter } from '@/features/digests/components/publisher-filter'
import { NotFoundRoute } from './not-found'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

/**
 * `/categories/:name` (Chinese names welcome): the digests filed under a category, newest first,
 * optionally of one publisher (`?publisher=`).
 */
export function CategoryRoute() {
  const t = useT()
  const name = categoryFromSegment(useParams().name ?? '')
  const { key } = useLocation()
  const head = useHead()
  const aggregates = useSuspenseQuery(archiveQueries.aggregates(head.aggregates)).data
  const publisher = usePublisherFilter(head)
  const category = aggregates.categories.find((c) => c.name === name)
  const feed = useMemo(
    () => (category ? categoryFeed(head, category, publisher) : undefined),
    [head, category, publisher],
  )
  // Each history entry (and filter) is its own feed, remounted with its own remembered layout.
  const historyKey = `category:${name}:${publisher?.id ?? ''}:${key}`
  useDocumentTitle(`${name} · ${t({ zh: '分类', en: 'Categories' })}`)
  // The loader 404s unknown names; this guards content that changed under an open page.
  if (!category || !feed) return <NotFoundRoute />
  return (
    <>
      <PageHeading
        eyebrow={
          <Link to={paths.categories.getHref()} className="hover:underline">
            {t({ zh: '分类', en: 'Categories' })}
          </Link>
        }
        title={<ContentText text={name} />}
        lang={contentLang(name)}
      >
        {t({
          zh: `${feed.total} 期摘要 · 最新在前`,
          en: `${plural(feed.total, 'digest')} · newest first`,
        })}
      </PageHeading>
      <PublisherFilter
        head={head}
        selected={publisher}
        countOf={(p) => categoryFeed(head, category, p).total}
        hrefFor={(params) => paths.category.getHref(name, params)}
      />
      {feed.total === 0 ? (
        <p className="text-stone-500 dark:text-stone-400">
          {t({
            zh: '这个发布者没有归入此分类的摘要。',
            en: 'This publisher has no digests in this category.',
          })}
        </p>
      ) : (
        <DigestFeed key={historyKey} head={head} feed={feed} historyKey={historyKey} />
      )}
    </>
  )
}
