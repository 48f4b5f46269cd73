import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { SearchRequest } from '../engine/types'
import { searchInWorker } from './search-client'

/** One search: the data file (content-hashed) and every input of the query are in the key. */
export const searchQueryOptions = (url: string, request: SearchRequest) =>
  queryOptions({
    queryKey: ['search', url, request.query, request.filters ?? {}, request.limit ?? 20],
    queryFn: ({ signal }) => searchInWorker(url, request, signal),
    // Results never change for the same data file; while the next one runs, keep the last shown.
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    retry: false,
  })
