import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'

/** Unknown routes and unknown digests, items or categories: say so and offer ways back. */
export function NotFoundRoute() {
  const t = useT()
  useDocumentTitle(t({ zh: '页面不存在', en: 'Page not found' }))
  return (
    <div className="py-10 text-center sm:py-16">
      <p
        aria-hidden="true"
        className="font-mono text-6xl font-bold tracking-tight text-orange-600 dark:text-orange-400"
      >
        404
      </p>
      <h1 id="page-heading" tabIndex={-1} className="page-title mt-4">
        {t({ zh: '页面不存在', en: 'Page not found' })}
      </h1>
      <p className="mx-auto mt-3 max-w-xl text-pretty text-stone-600 dark:text-stone-400">
        {t({
          zh: '这个地址没有对应的摘要、条目或分类。它可能被输错了，或者已被移除。',
          en: 'No digest, item or category lives at this address. It may be mistyped or removed.',
        })}
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link to={paths.home.getHref()} className="btn-primary">
          {t({ zh: '返回时间线', en: 'Back to the timeline' })}
        </Link>
        <Link to={paths.categories.getHref()} className="btn-secondary">
          {t({ zh: '浏览分类', en: 'Browse categories' })}
        </Link>
      </div>
    </div>
  )
}
