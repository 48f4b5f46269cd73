import { useCallback } from 'react'
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { plural, useT } from '@/lib/i18n'
import { VirtualList } from '@/components/ui/virtual-list'
import type { SearchResult } from '../engine/types'
import { SearchResultCard } from './search-result-card'
import { TopicList } from './topic-list'
import { ContentText } from '@/components/ui/content-text'

/** Rows from the end at which the next page is asked for. */
const AHEAD = 5
/** A result card's height before it is measured. */
const ROW_PX = 180

/**
 * Result count and list (only the cards on screen are in the page; more pages load as the reader
 * nears the end), or the loading, error and no-results states.
 */
export function SearchResults({
  search,
  publishers,
  historyKey,
}: {
  search: UseInfiniteQueryResult<InfiniteData<SearchResult>>
  /** Publisher id → display name; empty when the archive has a single publisher. */
  publishers: Map<string, string>
  historyKey: string
}) {
  const t = useT()
  const { data, isPending, isError, refetch, isPlaceholderData } = search
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search
  const hits = data?.pages.flatMap((p) => p.hits) ?? []
  const onRange = useCallback(
    (_first: number, last: number) => {
      // Once per page: by default a second call while one is in flight cancels it and asks again.
      if (last >= hits.length - AHEAD && hasNextPage && !isFetchingNextPage)
        void fetchNextPage({ cancelRefetch: false })
    },
    [hits.length, hasNextPage, isFetchingNextPage, fetchNextPage],
  )
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
  const first = data.pages[0]!
  if (first.total === 0) {
    return (
      <div className="mt-6" data-query={first.query} aria-busy={isPlaceholderData}>
        <p role="status">
          {first.query ? (
            <>
              {t({ zh: '没有找到与“', en: 'Nothing found for “' })}
              <ContentText text={first.query} />
              {t({ zh: '”相关的内容。', en: '”.' })}
            </>
          ) : (
            t({ zh: '没有符合筛选条件的内容。', en: 'Nothing matches these filters.' })
          )}
        </p>
        <TopicList
          label={t({ zh: '你是不是要找', en: 'Did you mean' })}
          topics={first.suggestions}
        />
      </div>
    )
  }
  return (
    // `data-query` names the query these results answer (placeholder results keep the previous one).
    <div className="mt-6" aria-busy={isPlaceholderData} data-query={first.query}>
      <p role="status" className="text-sm text-stone-500 dark:text-stone-400">
        {t({ zh: `共 ${first.total} 条结果`, en: plural(first.total, 'result') })}
      </p>
      <div className={isPlaceholderData ? 'opacity-60' : undefined}>
        <VirtualList
          // A new result list (query, filters) starts with its own measurements.
          key={historyKey}
          count={hits.length}
          estimateSize={() => ROW_PX}
          historyKey={historyKey}
          onRange={onRange}
          renderRow={(index) => (
            <SearchResultCard
              hit={hits[index]!}
              publisher={publishers.get(hits[index]!.doc.publisher)}
            />
          )}
        />
      </div>
      {hasNextPage && (
        <button
          type="button"
          onClick={() => void fetchNextPage()}
          disabled={isFetchingNextPage}
          className="mt-4 w-full rounded-md border border-stone-300 py-2 text-sm hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800"
        >
          {isFetchingNextPage
            ? t({ zh: '正在加载…', en: 'Loading…' })
            : t({ zh: '显示更多', en: 'Show more' })}
        </button>
      )}
    </div>
  )
}
