import { infiniteQueryOptions, keepPreviousData } from '@tanstack/react-query'
import type { SearchFilters } from '../engine/types'
import { searchWorker } from './search-client'

/** Results per page: a screen and a bit; more arrive as the reader scrolls. */
export const SEARCH_PAGE = 20

/**
 * One search, page by page: the index (its root file is content-hashed) and every input of the
 * query are in the key. The worker keeps the ranking between pages, so a page costs the text of its
 * own results only.
 */
export const searchQueryOptions = (url: string, query: string, filters: SearchFilters) =>
  infiniteQueryOptions({
    queryKey: ['search', url, query, filters],
    queryFn: ({ signal, pageParam }) =>
      searchWorker.search(url, { query, filters, offset: pageParam, limit: SEARCH_PAGE }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.hits.length
      return next < last.total && last.hits.length > 0 ? next : undefined
    },
    // Results never change for the same index; while the next query runs, keep the last shown.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    retry: false,
  })
