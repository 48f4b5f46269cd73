import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { dataUrl } from '@/lib/fetch-json'
import { useT } from '@/lib/i18n'
import { useDocumentTitle } from '@/lib/use-document-title'
import { PageHeading } from '@/components/ui/page-heading'
import type { Manifest } from '@/types/content'
import { searchQueryOptions } from '../api/search-queries'
import { useQuerySettled } from '../hooks/use-query-settled'
import { useSearchUrl } from '../hooks/use-search-url'
import { SearchFilters } from './search-filters'
import { SearchResults } from './search-results'
import { frequentTopics, TopicList } from './topic-list'

const PAGE = 20

/** The search page: filters, then results, suggestions, or the index's loading/error state. */
export function SearchPage({ manifest }: { manifest: Manifest }) {
  const t = useT()
  const { query, filters, setFilter } = useSearchUrl()
  const filtered = Object.keys(filters).length > 0
  // More results are shown per query; a new query or filter starts again at one page.
  const key = JSON.stringify([query, filters])
  const [shown, setShown] = useState({ key, limit: PAGE })
  const limit = shown.key === key ? shown.limit : PAGE
  const url = dataUrl(`data/${manifest.search}`)
  // A one-letter prefix waits for a pause in typing; meanwhile the last results stay, dimmed.
  const settled = useQuerySettled(query.trim())
  const search = useQuery({
    ...searchQueryOptions(url, { query: query.trim(), filters, limit }),
    enabled: settled,
  })
  const digests = useMemo(() => new Map(manifest.digests.map((d) => [d.id, d])), [manifest])
  // Results name their publisher only when there is more than one to tell apart.
  const publishers = useMemo(
    () =>
      new Map(manifest.publishers.length > 1 ? manifest.publishers.map((p) => [p.id, p.name]) : []),
    [manifest],
  )
  const heading = t({ zh: '搜索', en: 'Search' })
  const recent = search.data?.recentTerms ?? []
  useDocumentTitle(query.trim() ? `“${query.trim()}” · ${heading}` : heading)

  return (
    <div className="min-w-0">
      <PageHeading title={heading} />
      <SearchFilters manifest={manifest} filters={filters} onChange={setFilter} />
      {query.trim() || filtered ? (
        <SearchResults
          search={search}
          digests={digests}
          publishers={publishers}
          onMore={() => setShown({ key, limit: limit + PAGE })}
        />
      ) : (
        <>
          <TopicList label={t({ zh: '最近的话题', en: 'Recent topics' })} topics={recent} />
          <TopicList
            label={t({ zh: '常见话题', en: 'Frequent topics' })}
            topics={frequentTopics(manifest.terms, recent)}
          />
        </>
      )}
    </div>
  )
}
