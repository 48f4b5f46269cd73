import type { SearchDoc } from '@/types/content'

/** Filters from the URL; all optional, combined with AND. */
export interface SearchFilters {
  category?: string
  /** Inclusive local dates of the digest, `YYYY-MM-DD`. */
  from?: string
  to?: string
  /** A source as the manifest lists it: `@handle` for accounts, else the host. */
  source?: string
  publisher?: string
}

export interface SearchRequest {
  query: string
  filters?: SearchFilters
  /** How many ranked hits to return (from the top). */
  limit?: number
}

/** Character ranges [start, end) to highlight, in the string they belong to. */
export type Ranges = [number, number][]

export interface SearchHit {
  doc: SearchDoc
  /** True when every word matched exactly (not only fuzzily). */
  exact: boolean
  titleRanges: Ranges
  /** A window of the summary around the first match, with its own ranges. */
  snippet: { text: string; ranges: Ranges; cutStart: boolean; cutEnd: boolean }
  termRanges: { term: string; ranges: Ranges }[]
}

export interface SearchResult {
  query: string
  total: number
  hits: SearchHit[]
  /** Nearest known terms, offered when nothing matched. */
  suggestions: string[]
  /** For an empty query: distinct terms of the newest items (that have any), newest first. */
  recentTerms?: string[]
}
