import type { SearchDoc } from '@/types/content'
import type { SegmentDigest } from '@/types/search-index'

/** Filters from the URL; all optional, combined with AND. */
export interface SearchFilters {
  category?: string
  /** Inclusive local dates of the digest, `YYYY-MM-DD`. */
  from?: string
  to?: string
  /** A source as the aggregates list it: `@handle` for accounts, else the host. */
  source?: string
  publisher?: string
}

export interface SearchRequest {
  query: string
  filters?: SearchFilters
  /** Which ranked hits to return: `limit` of them from `offset` (0 = the best). */
  offset?: number
  limit?: number
}

/** Character ranges [start, end) to highlight, in the string they belong to. */
export type Ranges = [number, number][]

/** What a result shows of the digest it was published in. */
export type HitDigest = Omit<SegmentDigest, 'categories' | 'items'>

export interface SearchHit {
  doc: SearchDoc
  digest: HitDigest
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
  /** Where `hits` start in the ranking. */
  offset: number
  hits: SearchHit[]
  /** Nearest known terms, offered when nothing matched. */
  suggestions: string[]
}
