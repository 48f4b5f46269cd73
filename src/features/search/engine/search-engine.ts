import type { SearchDoc } from '@/types/content'
import { buildBigramIndex, indexBytes, type BigramIndex } from './bigram-index'
import { candidatesOf, intersectAll, piecesCache } from './candidates'
import { fuseScores } from './fuse-rescore'
import { rangesIn, snippetOf } from './highlight'
import { planWord, type WordPlan } from './match-word'
import { joinFields, splitFields, type JoinedFields } from './fields'
import { fold, queryWords, WORD_SEPARATORS } from './normalize'
import { EXACT_TIER, scoreDoc } from './ranking'
import { suggestFor } from './suggest'
import { TopK } from './top-k'
import type { SearchFilters, SearchHit, SearchRequest, SearchResult } from './types'

/** How many top hits Fuse re-scores (and the least the engine ranks precisely). */
export const RESCORE = 50

/** The search engine over one set of search docs: a plain module, used by the worker and Node. */
export interface SearchEngine {
  search(request: SearchRequest): SearchResult
  /** Ids of every matching item, unranked: for recall checks in tests and the benchmark. */
  matchingIds(request: SearchRequest): string[]
  readonly size: number
  /** In-memory bytes of the bigram index. */
  readonly indexBytes: number
}

/** Builds the engine (folds the text, builds the bigram index); ~linear in the text size. */
export function createSearchEngine(input: SearchDoc[]): SearchEngine {
  // Newest first, so that equal scores list newer items first without comparing times.
  const docs = [...input].sort((a, b) => b.time - a.time)
  const fields = docs.map(joinFields)
  const index = buildBigramIndex(docs.length, (n) => fields[n].text)
  const terms = termList(docs)
  return {
    size: docs.length,
    indexBytes: indexBytes(index),
    search: (request) => run(request, { docs, fields, index, terms }),
    matchingIds: (request) => {
      const ids: string[] = []
      visitMatches(request, { docs, fields, index, terms }, (_score, d) => ids.push(docs[d].id))
      return ids
    },
  }
}

interface State {
  docs: SearchDoc[]
  fields: JoinedFields[]
  index: BigramIndex
  terms: { folded: string; name: string; count: number }[]
}

/** Calls `onMatch` for every item that has all the words and passes the filters. */
function visitMatches(
  { query, filters = {} }: SearchRequest,
  { docs, fields, index }: State,
  onMatch: (score: number, item: number) => void,
): WordPlan[] {
  const accept = filterOf(filters)
  const itemsOf = piecesCache(index)
  const plans = queryWords(query).map((word) => planWord(word, (piece) => itemsOf(piece).length))
  const candidates = plans.length
    ? intersectAll(plans.map((p) => candidatesOf(index, p, itemsOf)))
    : null
  const visit = (d: number) => {
    if (!accept(docs[d])) return
    const score = plans.length ? scoreDoc(plans, fields[d]) : 0
    if (score >= 0) onMatch(score, d)
  }
  if (candidates) for (const d of candidates) visit(d)
  else for (let d = 0; d < docs.length; d++) visit(d)
  return plans
}

function run(request: SearchRequest, state: State): SearchResult {
  const { docs, fields } = state
  const { query, limit = 20 } = request
  const top = new TopK(Math.max(limit, RESCORE))
  let total = 0
  const plans = visitMatches(request, state, (score, d) => {
    total++
    top.push(score, d)
  })
  const words = plans.map((p) => p.word)
  const ranked = rescore(top.sorted(), docs, words)
  return {
    query,
    total,
    hits: ranked.slice(0, limit).map((d) => hitOf(docs[d], fields[d], plans)),
    suggestions: total === 0 ? suggestFor(spelled(query), state.terms, matchesAlone) : [],
    ...(words.length === 0 && { recentTerms: recentTerms(request, state) }),
  }

  function matchesAlone(word: string): boolean {
    let found = false
    visitMatches({ query: word, filters: request.filters }, state, () => (found = true))
    return found
  }
}

/** The query's words folded (as matched) and as the user spelled them (as offered back). */
function spelled(query: string): { folded: string; text: string }[] {
  const seen = new Map<string, string>()
  for (const text of query.split(WORD_SEPARATORS)) {
    const folded = fold(text)
    if (folded && !seen.has(folded)) seen.set(folded, text)
  }
  return [...seen].map(([folded, text]) => ({ folded, text }))
}

/** How many distinct terms the empty search page offers as recent topics. */
const RECENT_TERMS = 12
/** How far back to look for them: some publishers bold nothing, so the newest items may have none. */
const RECENT_SCAN = 5000

/** Distinct terms of the newest items that pass the filters, newest first. */
function recentTerms({ filters = {} }: SearchRequest, { docs }: State): string[] {
  const accept = filterOf(filters)
  const seen = new Map<string, string>()
  for (let d = 0; d < docs.length && d < RECENT_SCAN && seen.size < RECENT_TERMS; d++) {
    if (!accept(docs[d])) continue
    for (const term of docs[d].terms) {
      const key = fold(term)
      if (!seen.has(key) && seen.size < RECENT_TERMS) seen.set(key, term)
    }
  }
  return [...seen.values()]
}

/** Re-orders the top hits: exact tier first, then the engine's score band, then Fuse's score. */
function rescore(top: { score: number; item: number }[], docs: SearchDoc[], words: string[]) {
  if (words.length === 0) return top.map((t) => t.item)
  const head = top.slice(0, RESCORE)
  const fuse = fuseScores(
    head.map((t) => docs[t.item]),
    words,
  )
  const band = (score: number) => (score >= EXACT_TIER ? 1e6 : 0) + Math.round(score % EXACT_TIER)
  const order = head
    .map((t, i) => ({ ...t, band: band(t.score), fuse: fuse[i] }))
    .sort((a, b) => b.band - a.band || a.fuse - b.fuse || b.score - a.score || a.item - b.item)
  return [...order.map((o) => o.item), ...top.slice(RESCORE).map((t) => t.item)]
}

function hitOf(doc: SearchDoc, fields: JoinedFields, plans: WordPlan[]): SearchHit {
  const folded = splitFields(fields)
  const exactWords = new Set(
    plans.filter((p) => folded.some((f) => f.includes(p.word))).map((p) => p.word),
  )
  const textRanges = rangesIn(plans, folded[2], exactWords)
  return {
    doc,
    exact: plans.every((p) => exactWords.has(p.word)),
    titleRanges: rangesIn(plans, folded[0], exactWords),
    snippet: snippetOf(doc.text, textRanges),
    termRanges: doc.terms
      .map((term) => ({ term, ranges: rangesIn(plans, fold(term), exactWords) }))
      .filter((t) => t.ranges.length > 0),
  }
}

const DATE = /\d{4}-\d{2}-\d{2}/

/** The digest's local date comes from its id (`<prefix>YYYY-MM-DD-HH`), already in its offset. */
function filterOf(filters: SearchFilters): (doc: SearchDoc) => boolean {
  const { category, from, to, source, publisher } = filters
  if (!category && !from && !to && !source && !publisher) return () => true
  return (doc) => {
    if (category && !doc.categories.includes(category)) return false
    if (source && sourceOf(doc) !== source) return false
    if (publisher && doc.publisher !== publisher) return false
    const date = DATE.exec(doc.digestId)?.[0]
    if (from && (!date || date < from)) return false
    if (to && (!date || date > to)) return false
    return true
  }
}

/** The manifest's name for an item's source. */
export function sourceOf(doc: SearchDoc): string | undefined {
  return doc.handle ? `@${doc.handle}` : doc.host
}

function termList(docs: SearchDoc[]) {
  const counts = new Map<string, { folded: string; name: string; count: number }>()
  for (const doc of docs) {
    for (const name of doc.terms) {
      const folded = fold(name)
      const entry = counts.get(folded)
      if (entry) entry.count++
      else counts.set(folded, { folded, name, count: 1 })
    }
  }
  return [...counts.values()]
}
