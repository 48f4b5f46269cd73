import { useCallback, useEffect, useState } from 'react'
import type { SearchFilters } from '../engine/types'
import { useSearchUrl } from './use-search-url'

/** How long typing must pause before the URL (and so the search) follows the box. */
export const URL_UPDATE_DELAY_MS = 150

/** A search started from another page has no filters (see `setQuery`). */
const NO_FILTERS: SearchFilters = {}

interface State {
  /** What the box shows: the source of truth while the user types. */
  value: string
  /** The URL's query this state last looked at. */
  seen: string
  /** A value waiting for a pause in typing before it goes to the URL. */
  draft: string | null
  /** Values sent to the URL whose navigation has not shown up in the location yet, oldest first. */
  inflight: string[]
  /** An input method (pinyin…) is composing: its half-typed letters are not a query. */
  composing: boolean
}

const initial = (query: string): State => ({
  value: query,
  seen: query,
  draft: null,
  inflight: [],
  composing: false,
})

/**
 * The header box's state. The URL lags behind fast typing (each navigation runs the router), so
 * the box never takes its value from the URL while the user types: the URL follows the box after a
 * pause (`replace` on /search, one push from another page), and the box follows the URL only when
 * it changes for another reason (back/forward, a link to `/search?q=RLVR`, leaving the page).
 * Our own navigations are told apart by their value: when the location shows one of them, it is
 * the echo of the box, not news.
 */
export function useSearchInput(delayMs = URL_UPDATE_DELAY_MS) {
  const { query, filters, onSearchPage, setQuery } = useSearchUrl()
  const [state, setState] = useState(() => initial(query))

  if (query !== state.seen) {
    const echo = state.inflight.indexOf(query)
    setState(
      echo >= 0
        ? // Our own navigation arrived; older ones were superseded by it (navigations run in order).
          { ...state, seen: query, inflight: state.inflight.slice(echo + 1) }
        : // Changed from outside: the URL wins, and a pending update of ours is dropped.
          initial(query),
    )
  }

  const { draft, composing } = state
  useEffect(() => {
    if (draft === null || composing) return
    const timer = setTimeout(() => {
      // Nothing to do when the URL already says so, or when an empty box is not on /search.
      const send = onSearchPage ? draft !== query : draft !== ''
      setState((s) => ({ ...s, draft: null, inflight: send ? [...s.inflight, draft] : s.inflight }))
      if (send) setQuery(draft)
    }, delayMs)
    return () => clearTimeout(timer)
  }, [draft, composing, onSearchPage, query, setQuery, delayMs])

  const onChange = useCallback((value: string, event?: Event) => {
    // Mid-composition input events carry pinyin letters: shown, never searched.
    const composingNow = (event as InputEvent | undefined)?.isComposing === true
    setState((s) => (s.composing || composingNow ? { ...s, value } : { ...s, value, draft: value }))
  }, [])
  const onCompositionStart = useCallback(
    () => setState((s) => ({ ...s, composing: true, draft: null })),
    [],
  )
  /** The composed text is final: it searches (after the usual pause). */
  const onCompositionEnd = useCallback(
    (value: string) => setState((s) => ({ ...s, composing: false, value, draft: value })),
    [],
  )
  const clear = useCallback(() => setState((s) => ({ ...s, value: '', draft: '' })), [])

  return {
    value: state.value,
    /** Typed and not yet searched (never mid-composition), with the filters it will search with. */
    pending: state.composing ? null : state.draft,
    pendingFilters: onSearchPage ? filters : NO_FILTERS,
    onChange,
    onCompositionStart,
    onCompositionEnd,
    clear,
  }
}
