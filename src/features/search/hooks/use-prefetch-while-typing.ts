import { useEffect } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { dataFileUrl } from '@/lib/archive/archive-files'
import { archiveQueries } from '@/lib/archive/archive-queries'
import { SEARCH_PAGE } from '../api/search-queries'
import type { SearchFilters } from '../engine/types'
import { ONE_CHARACTER_PAUSE_MS } from './use-query-settled'

/**
 * How long typing must pause before the worker starts ranking what is in the box: shorter than
 * the box's pause before the search (URL_UPDATE_DELAY_MS), so the search finds the query's files
 * fetched and its ranking under way or done; long enough that a fast typist's every letter is not
 * ranked (the worker takes only the newest anyway).
 */
export const PREFETCH_PAUSE_MS = 50

/**
 * Prefetch on intent for search: a pause in typing has the worker rank the box's query with the
 * filters its search will have. A one-character query waits for the longer pause its search waits
 * for (ONE_CHARACTER_PAUSE_MS): it ranks most of the archive and is usually the start of a word, so
 * it is ranked only once the reader has stopped on it. The client loads with the search page's
 * chunk, on first use, so the first screen carries none of it.
 */
export function usePrefetchWhileTyping(pending: string | null, filters: SearchFilters): void {
  const client = useQueryClient()
  useEffect(() => {
    const query = pending?.trim() ?? ''
    if (!query) return
    const pause = [...query].length === 1 ? ONE_CHARACTER_PAUSE_MS : PREFETCH_PAUSE_MS
    const timer = setTimeout(() => {
      // The head as a route loader put it in the cache, read when needed: an observer of it here
      // (even a disabled one) cancelled the loader's own fetch when the header remounted during it.
      const head = client.getQueryData(archiveQueries.head().queryKey)
      if (!head) return
      const url = dataFileUrl(head.search)
      void import('../api/search-client').then(({ searchWorker }) =>
        searchWorker.prefetch(url, { query, filters, offset: 0, limit: SEARCH_PAGE }),
      )
    }, pause)
    return () => clearTimeout(timer)
  }, [client, pending, filters])
}
