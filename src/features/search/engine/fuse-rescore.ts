import Fuse from 'fuse.js'
import type { SearchDoc } from '@/types/content'

const KEYS = [
  { name: 'title', weight: 3 },
  { name: 'terms', weight: 2.5 },
  { name: 'text', weight: 1 },
]

/**
 * Fuse's score (0 best … 1) for each of a few top candidates; Fuse is ~30 µs per item, so it only
 * ever sees the short list the index and matcher produced. Every word must match some field
 * (`$and` of `$or`s), as in the engine. Items Fuse rejects get 1.
 */
export function fuseScores(docs: SearchDoc[], words: string[]): number[] {
  const scores = docs.map(() => 1)
  if (docs.length === 0 || words.length === 0) return scores
  const fuse = new Fuse(docs, {
    keys: KEYS,
    ignoreLocation: true,
    threshold: 0.4,
    includeScore: true,
  })
  const query = {
    $and: words.map((w) => ({ $or: KEYS.map((k) => ({ [k.name]: w })) })),
  }
  for (const result of fuse.search(query)) scores[result.refIndex] = result.score ?? 1
  return scores
}
