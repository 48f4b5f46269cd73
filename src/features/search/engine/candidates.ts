import { itemsWithAllBigrams, postingsOf, type BigramIndex } from './bigram-index'
import type { WordPlan } from './match-word'

/**
 * Items that may hold the word within its typo budget, or null when the index cannot tell (a
 * one-character word, or pieces too short for a bigram) and every item must be checked.
 * By the pigeonhole rule a match with ≤ k edits keeps one of the k+1 pieces intact, and an intact
 * piece brings all its bigrams: no candidate a matcher would accept is ever dropped.
 */
export function candidatesOf(
  index: BigramIndex,
  plan: WordPlan,
  itemsOf: (piece: string) => Int32Array,
): Int32Array | null {
  const { pattern, k, pieces } = plan
  if (pieces.some((p) => p.text.length < 2)) return null
  if (pieces.length === 1) return itemsOf(pieces[0].text)
  const seen = new Uint8Array(index.docCount)
  for (const piece of pieces) for (const d of itemsOf(piece.text)) seen[d] = 1
  // q-gram lemma as a second filter: ≤ k edits destroy at most 2k of the pattern's bigrams;
  // repeated bigrams are counted once, so at least unique − 2k distinct ones survive.
  const unique = new Set<string>()
  for (let i = 0; i + 1 < pattern.length; i++) unique.add(pattern.slice(i, i + 2))
  const least = unique.size - 2 * k
  if (least >= 2) countBigrams(index, [...unique], seen, least)
  let count = 0
  for (let d = 0; d < seen.length; d++) if (seen[d] === 1) count++
  const out = new Int32Array(count)
  let n = 0
  for (let d = 0; d < seen.length; d++) if (seen[d] === 1) out[n++] = d
  return out
}

/** A piece → items cache for one query: planning and candidate collection share it. */
export function piecesCache(index: BigramIndex): (piece: string) => Int32Array {
  const cache = new Map<string, Int32Array>()
  return (piece) => {
    let items = cache.get(piece)
    if (!items) cache.set(piece, (items = itemsWithAllBigrams(index, piece)))
    return items
  }
}

/** Intersection of sorted candidate lists; null stands for "every item". */
export function intersectAll(lists: (Int32Array | null)[]): Int32Array | null {
  const known = lists.filter((l): l is Int32Array => l !== null).sort((a, b) => a.length - b.length)
  if (known.length === 0) return null
  let result = known[0]
  for (let i = 1; i < known.length && result.length > 0; i++) {
    const other = known[i]
    const out = new Int32Array(result.length)
    let n = 0
    let j = 0
    for (const d of result) {
      while (j < other.length && other[j] < d) j++
      if (other[j] === d) out[n++] = d
    }
    result = out.subarray(0, n)
  }
  return result
}

/** Keeps marked items (1) only when they hold at least `least` of the bigrams (1 + count). */
function countBigrams(index: BigramIndex, bigrams: string[], seen: Uint8Array, least: number) {
  for (const bigram of bigrams) {
    for (const d of postingsOf(index, bigram, 0)) if (seen[d] !== 0) seen[d]++
  }
  for (let d = 0; d < seen.length; d++) if (seen[d] !== 0) seen[d] = seen[d] - 1 >= least ? 1 : 0
}
