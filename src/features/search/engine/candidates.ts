import { itemsWithAllBigrams, postingsOf, type BigramIndex } from './bigram-index'
import type { WordPlan } from './match-word'

/**
 * Items that may hold the word within its typo budget, or null when the index cannot tell (a
 * one-character word, or pieces too short for a bigram) and every item must be checked.
 * By the pigeonhole rule a match with ≤ k edits keeps one of the k+1 pieces intact, and an intact
 * piece brings all its bigrams: no candidate a matcher would accept is ever dropped.
 */
export function candidatesOf(index: BigramIndex, plan: WordPlan): Int32Array | null {
  const { pattern, k } = plan
  const unique = new Set<string>()
  for (let i = 0; i + 1 < pattern.length; i++) unique.add(pattern.slice(i, i + 2))
  // q-gram lemma: ≤ k edits destroy at most 2k of the pattern's bigrams; repeated bigrams are
  // counted once, so at least unique − 2k distinct ones survive.
  const least = unique.size - 2 * k
  if (k > 0 && least >= 1) return withAtLeast(index, [...unique], least)
  if (plan.pieces.some((p) => p.text.length < 2)) return null
  if (plan.pieces.length === 1) return itemsWithAllBigrams(index, plan.pieces[0].text)
  const seen = new Uint8Array(index.docCount)
  let count = 0
  for (const piece of plan.pieces) {
    for (const d of itemsWithAllBigrams(index, piece.text)) {
      if (seen[d]) continue
      seen[d] = 1
      count++
    }
  }
  const out = new Int32Array(count)
  let n = 0
  for (let d = 0; d < seen.length; d++) if (seen[d]) out[n++] = d
  return out
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

/** Items holding at least `least` of the given bigrams. */
function withAtLeast(index: BigramIndex, bigrams: string[], least: number): Int32Array {
  const counts = new Uint8Array(index.docCount)
  let found = 0
  for (const bigram of bigrams) {
    for (const d of postingsOf(index, bigram, 0)) if (++counts[d] === least) found++
  }
  const out = new Int32Array(found)
  let n = 0
  for (let d = 0; d < counts.length; d++) if (counts[d] >= least) out[n++] = d
  return out
}
