import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { plural, useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import { useSuspenseQuery } from '@tanstack/react-query'
import { archiveQueries, useHead } from '@/lib/archive/archive-queries'
import { categoriesOf, PUBLISHER_PARAM } from '@/features/digests/api/publishers'
import { usePublisherFilter } from '@/features/digests/hooks/use-publisher-filter'
import { PublisherFilter } from '@/features/digests/components/publisher-filter'
import { ContentText } from '@/components/ui/content-text'
import { contentLang } from '@/lib/content-lang'

/** `/categories`: every category with the number of digests filed under it (of one publisher). */
export function CategoriesRoute() {
  const t = useT()
  const head = useHead()
  const aggregates = useSuspenseQuery(archiveQueries.aggregates(head.aggregates)).data
  const publisher = usePublisherFilter(head)
  const categories = categoriesOf(aggregates, publisher)
  // The category pages keep the publisher the reader chose here.
  const params = { [PUBLISHER_PARAM]: publisher?.id }
  useDocumentTitle(t({ zh: '分类', en: 'Categories' }))
  const max = Math.max(1, ...categories.map((c) => c.count))
  return (
    <>
      <PageHeading title={t({ zh: '分类', en: 'Categories' })}>
        {t({
          zh: `共 ${categories.length} 个分类`,
          en: plural(categories.length, 'category', 'categories'),
        })}
      </PageHeading>
      <PublisherFilter
        head={head}
        selected={publisher}
        countOf={(p) => (p ? p.digestCount : head.digestCount)}
        hrefFor={paths.categories.getHref}
      />
      {categories.length === 0 && (
        <p className="text-stone-500 dark:text-stone-400">
          {t({ zh: '这个发布者的摘要没有分类。', en: 'This publisher files no categories.' })}
        </p>
      )}
      <ul className="grid gap-2 sm:grid-cols-2">
        {categories.map((c) => (
          <li key={c.name}>
            <Link
              to={paths.category.getHref(c.name, params)}
              className="group flex flex-col gap-2 rounded-xl border border-stone-200 bg-white px-4 py-3 transition-colors hover:border-orange-300 dark:border-stone-800 dark:bg-stone-900/60 dark:hover:border-orange-400/50"
            >
              <span className="flex items-baseline justify-between gap-3">
                <span
                  className="min-w-0 font-medium [overflow-wrap:anywhere] group-hover:text-orange-700 dark:group-hover:text-orange-300"
                  lang={contentLang(c.name)}
                >
                  <ContentText text={c.name} />
                </span>
                <span className="text-sm text-stone-500 tabular-nums dark:text-stone-400">
                  {t({ zh: `${c.count} 期`, en: plural(c.count, 'digest') })}
                </span>
              </span>
              <span className="h-1 rounded-full bg-stone-100 dark:bg-stone-800" aria-hidden="true">
                <span
                  className="block h-full rounded-full bg-orange-400/80"
                  style={{ width: `${Math.max(4, (c.count / max) * 100)}%` }}
                />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  )
}
