import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { plural, useLanguage, useT } from '@/lib/i18n'
import { formatSlot } from '@/lib/digest-time'
import { dataFileUrl } from '@/lib/archive/archive-files'
import { useHead } from '@/lib/archive/archive-queries'
import { ContentText } from '@/components/ui/content-text'
import { searchWorker } from '@/features/search/api/search-client'
import type { SearchHit } from '@/features/search/engine/types'
import type { Watch } from '@/features/reading-state/api/watch-entries'
import { watchKey } from '@/features/reading-state/api/watch-entries'
import { useWatchList } from '@/features/reading-state/hooks/reading-state-context'
import { WatchPage } from '@/features/reading-state/components/watch-page'

/** Hits asked of the engine per watched term; more than this shows as "100+". */
const WATCH_LIMIT = 100
/** The widest offset east of UTC: no digest after `t` has a local date before UTC(t - this). */
const EAST_MS = 14 * 3600_000

interface NewForWatch {
  hits: SearchHit[]
  more: boolean
}

/**
 * New items of every watched term, from the search worker (one index for the app, decision 050):
 * a query per term limited to the digests' local dates since it was last seen, then its exact hits
 * after that time. The queries run one after another: the worker answers a query overtaken by a
 * newer one with "cancelled".
 */
async function newItemsOf(url: string, watches: Watch[]): Promise<Map<string, NewForWatch>> {
  const out = new Map<string, NewForWatch>()
  for (const watch of watches) {
    const from = new Date(Math.max(0, watch.seenThrough - EAST_MS)).toISOString().slice(0, 10)
    const result = await searchWorker.search(url, {
      query: watch.term,
      filters: { from },
      limit: WATCH_LIMIT,
    })
    out.set(watchKey(watch), {
      hits: result.hits.filter((h) => h.exact && h.doc.time > watch.seenThrough),
      more: result.total > result.hits.length,
    })
  }
  return out
}

/** `/watch`: the watch list, its new items found by the search worker. */
export function WatchRoute() {
  const t = useT()
  const lang = useLanguage()
  const head = useHead()
  const { watches } = useWatchList()
  const url = dataFileUrl(head.search)
  const found = useQuery({
    queryKey: ['watch-list', url, watches.map((w) => [w.kind, w.term, w.seenThrough])],
    queryFn: () => newItemsOf(url, watches),
    enabled: watches.length > 0,
    staleTime: Infinity,
    retry: false,
  })
  const renderNew = (watch: Watch) => {
    if (found.isError)
      return (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {t({
            zh: '搜索出错，无法列出新内容。',
            en: 'Search failed; new items cannot be listed.',
          })}
        </p>
      )
    const entry = found.data?.get(watchKey(watch))
    if (!entry)
      return (
        <p role="status" className="text-sm text-stone-500 dark:text-stone-400">
          {t({ zh: '正在查找新内容…', en: 'Looking for new items…' })}
        </p>
      )
    const count = `${entry.hits.length}${entry.more && entry.hits.length > 0 ? '+' : ''}`
    return (
      <>
        <p className="text-sm text-stone-600 dark:text-stone-300" data-testid="watch-count">
          {entry.hits.length === 0
            ? t({ zh: '没有新内容', en: 'Nothing new' })
            : t({
                zh: `${count} 条新内容`,
                en: `${entry.more ? `${count} new items` : plural(entry.hits.length, 'new item')}`,
              })}
        </p>
        {entry.hits.length > 0 && (
          <ul className="divide-y divide-stone-200/80 dark:divide-stone-800">
            {entry.hits.map((hit) => (
              <li key={hit.doc.id} className="py-2.5">
                <Link
                  to={paths.item.getHref(hit.doc.id)}
                  className="font-medium [overflow-wrap:anywhere] hover:text-orange-700 dark:hover:text-orange-300"
                  lang="zh-CN"
                >
                  <ContentText text={hit.doc.title} />
                </Link>
                <p className="text-xs text-stone-500 dark:text-stone-400">
                  <Link to={paths.digest.getHref(hit.digest.id)} className="hover:underline">
                    {formatSlot(hit.digest, lang)}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </>
    )
  }
  return <WatchPage newestTime={head.newest[0]?.time} renderNew={renderNew} />
}
