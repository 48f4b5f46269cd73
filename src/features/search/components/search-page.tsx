import { useEffect, useMemo, type ReactNode } from 'react'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useLocation } from 'react-router-dom'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { dataFileUrl } from '@/lib/archive/archive-files'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { PageHeading } from '@/components/ui/page-heading'
import type { Head } from '@/types/content'
import { searchQueryOptions } from '../api/search-queries'
import { searchWorker } from '../api/search-client'
import { useQuerySettled } from '../hooks/use-query-settled'
import { useSearchUrl } from '../hooks/use-search-url'
import { SearchFilters } from './search-filters'
import { SearchResults } from './search-results'
import { frequentTopics, TopicList } from './topic-list'

/**
 * The search page: filters, then results, suggestions, or the index's loading/error state.
 * `after` renders below the results (the app adds the topic's other forms there), given the query
 * and the ids the results hold.
 */
export function SearchPage({
  head,
  after,
}: {
  head: Head
  after?: (context: { query: string; found: Set<string> }) => ReactNode
}) {
  const t = useT()
  const { key } = useLocation()
  const { query, filters, setFilter } = useSearchUrl()
  const filtered = Object.keys(filters).length > 0
  const url = dataFileUrl(head.search)
  // The reader is about to search: have the worker fetch what every query needs meanwhile.
  useEffect(() => searchWorker.warm(url), [url])
  const aggregates = useQuery(archiveQueries.aggregates(head.aggregates)).data
  // A one-letter prefix waits for a pause in typing; meanwhile the last results stay, dimmed.
  const trimmed = query.trim()
  const settled = useQuerySettled(trimmed)
  const search = useInfiniteQuery({
    ...searchQueryOptions(url, trimmed, filters),
    enabled: settled && (trimmed !== '' || filtered),
  })
  // Results name their publisher only when there is more than one to tell apart.
  const publishers = useMemo(
    () => new Map(head.publishers.length > 1 ? head.publishers.map((p) => [p.id, p.name]) : []),
    [head],
  )
  const heading = t({ zh: '搜索', en: 'Search' })
  useDocumentTitle(trimmed ? `“${trimmed}” · ${heading}` : heading)
  const found = useMemo(
    () => new Set(search.data?.pages.flatMap((p) => p.hits.map((h) => h.doc.id)) ?? []),
    [search.data],
  )
  const recent = filters.publisher
    ? (aggregates?.recentTermsByPublisher[filters.publisher] ?? [])
    : (aggregates?.recentTerms ?? [])

  return (
    <div className="min-w-0">
      <PageHeading title={heading} />
      <SearchFilters head={head} aggregates={aggregates} filters={filters} onChange={setFilter} />
      {trimmed || filtered ? (
        <SearchResults
          search={search}
          publishers={publishers}
          historyKey={`search:${key}:${JSON.stringify([trimmed, filters])}`}
        />
      ) : null}
      {trimmed && search.data && !search.isPlaceholderData
        ? after?.({ query: trimmed, found })
        : null}
      {trimmed || filtered ? null : (
        <>
          <TopicList label={t({ zh: '最近的话题', en: 'Recent topics' })} topics={recent} />
          <TopicList
            label={t({ zh: '常见话题', en: 'Frequent topics' })}
            topics={frequentTopics(aggregates?.terms ?? [], recent)}
          />
        </>
      )}
    </div>
  )
}
