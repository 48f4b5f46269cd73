import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import type { Watch } from '../api/watch-entries'
import { useVisit, useWatchList, useWatchStore } from '../hooks/reading-state-context'
import { StorageNotices } from './storage-notices'

/**
 * `/watch`: every watched term with its new items (`renderNew`, given by the app: it asks the
 * search engine), "mark seen" and "stop watching" per term.
 */
export function WatchPage({
  newestTime,
  renderNew,
}: {
  newestTime: number | undefined
  renderNew: (watch: Watch) => ReactNode
}) {
  const t = useT()
  const store = useWatchStore()
  const list = useWatchList()
  const visit = useVisit()
  const title = t({ zh: '关注', en: 'Watch list' })
  useDocumentTitle(title)
  return (
    <div className="min-w-0">
      <PageHeading title={title}>
        {t({
          zh: '关注的搜索和话题：自上次查看以来的新内容。在搜索页或话题页点“关注”即可添加。',
          en: 'Watched searches and topics, with what is new since you last looked. Add one with “Watch” on a search or topic page.',
        })}
      </PageHeading>
      <StorageNotices list={list} visit={visit} />
      {list.watches.length === 0 ? (
        <p className="text-stone-500 dark:text-stone-400">
          {t({ zh: '还没有关注任何内容。', en: 'Nothing watched yet.' })}
        </p>
      ) : (
        <ul className="space-y-8">
          {list.watches.map((watch) => (
            <li key={`${watch.kind}:${watch.term}`}>
              <section aria-label={watch.term} className="space-y-3" data-testid="watch-entry">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-2">
                  <h2 className="min-w-0 text-lg font-semibold [overflow-wrap:anywhere]">
                    <Link
                      to={
                        watch.kind === 'topic'
                          ? paths.topic.getHref(watch.term)
                          : paths.search.getHref(watch.term)
                      }
                      className="hover:text-orange-700 dark:hover:text-orange-300"
                    >
                      {watch.term}
                    </Link>
                  </h2>
                  <span className="text-xs text-stone-500 dark:text-stone-400">
                    {watch.kind === 'topic'
                      ? t({ zh: '话题', en: 'Topic' })
                      : t({ zh: '搜索', en: 'Search' })}
                  </span>
                  <span className="ml-auto flex gap-2">
                    {newestTime !== undefined && (
                      <button
                        type="button"
                        className="btn-secondary"
                        disabled={watch.seenThrough >= newestTime}
                        onClick={() => store.markSeen(watch, newestTime)}
                      >
                        {t({ zh: '标为已看', en: 'Mark seen' })}
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn-secondary"
                      onClick={() => store.remove(watch)}
                    >
                      {t({ zh: '取消关注', en: 'Stop watching' })}
                    </button>
                  </span>
                </div>
                {renderNew(watch)}
              </section>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
