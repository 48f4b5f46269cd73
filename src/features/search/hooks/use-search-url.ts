import { useCallback, useMemo } from 'react'
import { useMatch, useNavigate, useSearchParams } from 'react-router-dom'
import { paths } from '@/config/paths'
import type { SearchFilters } from '../engine/types'

/** URL parameters that hold filters: `/search?q=RLVR&category=模型应用&from=2025-12-01`. */
export const FILTER_KEYS = ['category', 'from', 'to', 'source', 'publisher'] as const
export type FilterKey = (typeof FILTER_KEYS)[number]

/** The search state lives in the URL, so reload, share and back/forward just work. */
export function useSearchUrl() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  // Exactly the search route (below the router's basename): not `/categories/search`.
  const onSearchPage = useMatch(paths.search.path) !== null
  const query = onSearchPage ? (params.get('q') ?? '') : ''
  const serialized = params.toString()
  const filters = useMemo(() => {
    const parsed = new URLSearchParams(serialized)
    const result: SearchFilters = {}
    for (const key of FILTER_KEYS) {
      const value = parsed.get(key)
      if (value) result[key] = value
    }
    return result
  }, [serialized])

  const go = useCallback(
    (q: string, next: SearchFilters, replace: boolean) => {
      const extra: Record<string, string> = {}
      for (const key of FILTER_KEYS) if (next[key]) extra[key] = next[key]
      navigate(paths.search.getHref(q, extra), { replace })
    },
    [navigate],
  )

  /** Typing on the search page replaces the entry; a search started elsewhere adds one. */
  const setQuery = useCallback(
    (q: string) => go(q, onSearchPage ? filters : {}, onSearchPage),
    [go, filters, onSearchPage],
  )
  /** A filter change is a new entry, so back returns to the previous results. */
  const setFilter = useCallback(
    (key: FilterKey, value: string) => go(query, { ...filters, [key]: value || undefined }, false),
    [go, query, filters],
  )
  /** Starts a new search for a suggested term (a new history entry). */
  const searchFor = useCallback((q: string) => go(q, filters, false), [go, filters])

  return { query, filters, onSearchPage, setQuery, setFilter, searchFor }
}
