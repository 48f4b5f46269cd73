import type { SearchDoc } from '@/types/content'
import type { SearchRoot, TextDoc } from '@/types/search-index'
import { fuseScores } from './fuse-rescore'
import { rangesIn, snippetOf } from './highlight'
import { planWord, type WordPlan } from './match-word'
import { fold, queryWords, WORD_SEPARATORS } from '@/lib/search-text/normalize'
import { EXACT_TIER } from './ranking'
import { SegmentSource, type DocTable, type Loader } from './segment-source'
import { suggestFor } from './suggest'
import type { HitDigest, SearchFilters, SearchHit, SearchRequest, SearchResult } from './types'
import { matchWord } from './word-match'

/** How many top hits Fuse re-scores (and the least the engine ranks precisely). */
export const RESCORE = 20

/** The search engine over a sharded index: fetches what each query needs, and keeps it. */
export interface SearchEngine {
  search(request: SearchRequest): Promise<SearchResult>
  /** Ids of every matching item, unranked: for recall checks in tests and the benchmark. */
  matchingIds(request: SearchRequest): Promise<string[]>
  /** Fetches what every query needs (doc tables, vocabularies) ahead of the first one. */
  warm(): Promise<void>
  /**
   * Ranks a query ahead of its search: its postings and the text of its top hits are fetched, and
   * a search with the same query and filters takes this ranking instead of ranking again.
   */
  prefetch(request: SearchRequest): Promise<void>
}

interface Ranked {
  /** Global doc numbers (segments newest first, then doc order), best first. */
  order: number[]
  total: number
  /** The words as matched and as the user spelled them. */
  plans: WordPlan[]
}

/** Builds the engine over an index root; `load` fetches and validates one data file. */
export function createSearchEngine(root: SearchRoot, load: Loader): SearchEngine {
  const segments = root.segments.map((entry) => new SegmentSource(entry, load))
  const bases: number[] = []
  segments.reduce((base, s) => (bases.push(base), base + s.entry.docCount), 0)
  const locate = (global: number) => {
    let s = segments.length - 1
    while (bases[s]! > global) s--
    return { segment: segments[s]!, doc: global - bases[s]! }
  }
  let last: { key: string; ranked: Promise<Ranked> } | null = null

  const rankedFor = (request: SearchRequest): Promise<Ranked> => {
    const key = JSON.stringify([request.query, request.filters ?? {}])
    if (last?.key !== key) {
      const ranked = rank(request)
      ranked.catch(() => (last = null))
      last = { key, ranked }
    }
    return last.ranked
  }

  /** Every match of the query across segments, scored, then the top re-scored by Fuse. */
  async function rank({ query, filters = {} }: SearchRequest): Promise<Ranked> {
    const words = queryWords(query)
    const scored = await Promise.all(
      segments.map((s, i) => scoreSegment(s, words, filters, bases[i]!)),
    )
    const all = scored.flat()
    all.sort((a, b) => b.score - a.score || a.global - b.global)
    const plans = words.map((w) => planWord(w))
    const order = all.map((a) => a.global)
    if (words.length > 0 && all.length > 0) {
      const head = all.slice(0, RESCORE)
      const docs = await Promise.all(head.map((h) => docOf(h.global)))
      const fuse = fuseScores(docs, words)
      // Exact first, then the engine's score band, then Fuse within the band.
      const band = (score: number) =>
        (score >= EXACT_TIER ? 1e6 : 0) + Math.round(score % EXACT_TIER)
      const reordered = head
        .map((h, i) => ({ ...h, band: band(h.score), fuse: fuse[i]! }))
        .sort(
          (a, b) => b.band - a.band || a.fuse - b.fuse || b.score - a.score || a.global - b.global,
        )
      order.splice(0, head.length, ...reordered.map((h) => h.global))
    }
    return { order, total: all.length, plans }
  }

  async function docOf(global: number): Promise<SearchDoc> {
    const { segment, doc } = locate(global)
    const [table, text] = await Promise.all([segment.docs(), segment.text(doc)])
    return searchDocOf(table, doc, text)
  }

  async function hitOf(global: number, plans: WordPlan[]): Promise<SearchHit> {
    const { segment, doc } = locate(global)
    const table = await segment.docs()
    const searchDoc = await docOf(global)
    return highlight(searchDoc, digestOf(table, doc), plans)
  }

  async function suggestions(query: string, filters: SearchFilters): Promise<string[]> {
    const spelled = spellingsOf(query)
    const terms = await allTerms(segments)
    const alone = new Map<string, boolean>()
    if (spelled.length > 1) {
      await Promise.all(
        spelled.map(async (w) => {
          const { total } = await rank({ query: w.folded, filters })
          alone.set(w.folded, total > 0)
        }),
      )
    }
    return suggestFor(spelled, terms, (word) => alone.get(word) ?? false)
  }

  return {
    async search(request) {
      const { query, limit = 20, offset = 0 } = request
      const ranked = await rankedFor(request)
      const page = ranked.order.slice(offset, offset + limit)
      const hits = await Promise.all(page.map((g) => hitOf(g, ranked.plans)))
      return {
        query,
        total: ranked.total,
        offset,
        hits,
        suggestions:
          ranked.total === 0 && query.trim() ? await suggestions(query, request.filters ?? {}) : [],
      }
    },
    async matchingIds(request) {
      const ranked = await rank(request)
      return Promise.all(ranked.order.map(async (g) => (await docOf(g)).id))
    },
    async warm() {
      await Promise.all(segments.flatMap((s) => [s.docs(), s.vocab()]))
    },
    async prefetch(request) {
      await rankedFor(request)
    },
  }
}

/** Scores every doc of one segment that has all the words and passes the filters. */
async function scoreSegment(
  source: SegmentSource,
  words: string[],
  filters: SearchFilters,
  base: number,
): Promise<{ score: number; global: number }[]> {
  const table = await source.docs()
  const accept = filterOf(filters, table)
  const docCount = source.entry.docCount
  const out: { score: number; global: number }[] = []
  if (words.length === 0) {
    for (let doc = 0; doc < docCount; doc++)
      if (accept(doc)) out.push({ score: 0, global: base + doc })
    return out
  }
  // Every word must match: each one is looked for only among the docs the earlier ones matched.
  const sum = new Float64Array(docCount)
  const within = new Uint8Array(docCount).fill(1)
  const exact = new Uint8Array(docCount).fill(1)
  for (const [i, word] of words.entries()) {
    const hits = await matchWord(source, word, i === 0 ? undefined : within)
    let any = false
    for (let doc = 0; doc < docCount; doc++) {
      if (!within[doc]) continue
      const score = hits.score[doc]!
      if (score < 0) {
        within[doc] = 0
        continue
      }
      any = true
      sum[doc]! += score
      if (!hits.exact[doc]) exact[doc] = 0
    }
    if (!any) return out
  }
  for (let doc = 0; doc < docCount; doc++) {
    if (!within[doc] || !accept(doc)) continue
    out.push({
      score: (exact[doc] ? EXACT_TIER : 0) + sum[doc]! / words.length,
      global: base + doc,
    })
  }
  return out
}

/** Filters from the URL, over a segment's doc table; all optional, combined with AND. */
function filterOf(filters: SearchFilters, table: DocTable): (doc: number) => boolean {
  const { category, from, to, source, publisher } = filters
  if (!category && !from && !to && !source && !publisher) return () => true
  const categoryId = category === undefined ? -1 : table.categories.indexOf(category)
  const sourceId = source === undefined ? -1 : table.sources.indexOf(source)
  if ((category && categoryId < 0) || (source && sourceId < 0)) return () => false
  return (doc) => {
    const d = table.digestOf[doc]!
    const digest = table.digests[d]!
    if (category && !digest.categories.includes(categoryId)) return false
    if (source && table.docSources[doc] !== sourceId) return false
    if (publisher && digest.publisher !== publisher) return false
    const date = table.dates[d]!
    if (from && date < from) return false
    if (to && date > to) return false
    return true
  }
}

function digestOf(table: DocTable, doc: number): HitDigest {
  const { categories: _ids, items: _items, ...digest } = table.digests[table.digestOf[doc]!]!
  return digest
}

function searchDocOf(table: DocTable, doc: number, text: TextDoc): SearchDoc {
  const digest = table.digests[table.digestOf[doc]!]!
  return {
    ...text,
    digestId: digest.id,
    publisher: digest.publisher,
    time: digest.time,
    categories: digest.categories.map((c) => table.categories[c]!),
  }
}

function highlight(doc: SearchDoc, digest: HitDigest, plans: WordPlan[]): SearchHit {
  const title = fold(doc.title)
  const text = fold(doc.text)
  const fields = [title, fold(doc.terms.join('\n')), text]
  const exactWords = new Set(
    plans.filter((p) => fields.some((f) => f.includes(p.word))).map((p) => p.word),
  )
  return {
    doc,
    digest,
    exact: plans.every((p) => exactWords.has(p.word)),
    titleRanges: rangesIn(plans, title, exactWords),
    snippet: snippetOf(doc.text, rangesIn(plans, text, exactWords)),
    termRanges: doc.terms
      .map((term) => ({ term, ranges: rangesIn(plans, fold(term), exactWords) }))
      .filter((t) => t.ranges.length > 0),
  }
}

/** The query's words folded (as matched) and as the user spelled them (as offered back). */
function spellingsOf(query: string): { folded: string; text: string }[] {
  const seen = new Map<string, string>()
  for (const text of query.split(WORD_SEPARATORS)) {
    const folded = fold(text)
    if (folded && !seen.has(folded)) seen.set(folded, text)
  }
  return [...seen].map(([folded, text]) => ({ folded, text }))
}

/** Every term of the archive with how many items name it, for "did you mean". */
async function allTerms(segments: SegmentSource[]) {
  const lists = await Promise.all(segments.map((s) => s.terms()))
  const counts = new Map<string, { folded: string; name: string; count: number }>()
  for (const list of lists) {
    for (const [name, count] of list.terms) {
      const folded = fold(name)
      const entry = counts.get(folded)
      if (entry) entry.count += count
      else counts.set(folded, { folded, name, count })
    }
  }
  return [...counts.values()]
}
