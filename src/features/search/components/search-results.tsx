import type { UseQueryResult } from '@tanstack/react-query'
import { plural, useT } from '@/lib/i18n'
import type { DigestSummary } from '@/types/content'
import type { SearchResult } from '../engine/types'
import { SearchResultCard } from './search-result-card'
import { TopicList } from './topic-list'

/** Result count and list, or the loading, error and no-results states. */
export function SearchResults({
  search,
  digests,
  publishers,
  onMore,
}: {
  search: UseQueryResult<SearchResult>
  digests: Map<string, DigestSummary>
  /** Publisher id → display name; empty when the archive has a single publisher. */
  publishers: Map<string, string>
  onMore: () => void
}) {
  const t = useT()
  const { data, isPending, isError, refetch, isPlaceholderData } = search
  if (isError && !data) {
    return (
      <div role="alert" className="mt-6 rounded-md border border-red-300 p-4 dark:border-red-800">
        <p>{t({ zh: '搜索索引加载失败。', en: 'The search index failed to load.' })}</p>
        <button
          type="button"
          onClick={() => void refetch()}
          className="mt-2 rounded-md border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          {t({ zh: '重试', en: 'Retry' })}
        </button>
      </div>
    )
  }
  if (isPending) {
    return (
      <p role="status" className="mt-6 text-sm text-stone-500 dark:text-stone-400">
        {t({ zh: '正在载入搜索索引…', en: 'Loading the search index…' })}
      </p>
    )
  }
  if (data.total === 0) {
    return (
      <div className="mt-6">
        <p role="status">
          {data.query
            ? t({
                zh: `没有找到与“${data.query}”相关的内容。`,
                en: `Nothing found for “${data.query}”.`,
              })
            : t({ zh: '没有符合筛选条件的内容。', en: 'Nothing matches these filters.' })}
        </p>
        <TopicList
          label={t({ zh: '你是不是要找', en: 'Did you mean' })}
          topics={data.suggestions}
        />
      </div>
    )
  }
  return (
    <div className="mt-6" aria-busy={isPlaceholderData}>
      <p role="status" className="text-sm text-stone-500 dark:text-stone-400">
        {t({ zh: `共 ${data.total} 条结果`, en: plural(data.total, 'result') })}
      </p>
      <div className={isPlaceholderData ? 'opacity-60' : undefined}>
        {data.hits.map((hit) => (
          <SearchResultCard
            key={hit.doc.id}
            hit={hit}
            digest={digests.get(hit.doc.digestId)}
            publisher={publishers.get(hit.doc.publisher)}
          />
        ))}
      </div>
      {data.hits.length < data.total && (
        <button
          type="button"
          onClick={onMore}
          className="mt-4 w-full rounded-md border border-stone-300 py-2 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          {t({ zh: '显示更多', en: 'Show more' })}
        </button>
      )}
    </div>
  )
}
