import { MAX_PATTERN, minEdits, preparePattern, type Peq } from './myers'
import { isWordChar } from './normalize'

/** How one query word is matched: its typo budget and the pieces that must appear exactly. */
export interface WordPlan {
  word: string
  /** Pattern the fuzzy matcher uses (the first 31 characters of long words). */
  pattern: string
  /** Most edits allowed, Fuse's threshold 0.3 applied to the word alone. */
  k: number
  peq: Peq
  /** k+1 pieces of the pattern: a match with ≤ k edits leaves one of them intact (pigeonhole). */
  pieces: { text: string; offset: number }[]
}

/**
 * Edits allowed for a word of m characters: ⌊0.3·m⌋ is what Fuse's threshold 0.3 allows, so a
 * 3-character word (`GPT`, `大模型`) must match exactly, `Karpaty` (7) may miss two.
 */
export function errorBudget(m: number): number {
  return m <= 3 ? 0 : Math.floor(Math.min(m, MAX_PATTERN) * 0.3)
}

/** Plans the matching of one folded query word. */
export function planWord(word: string): WordPlan {
  const pattern = word.slice(0, MAX_PATTERN)
  const k = errorBudget(word.length)
  const pieces: WordPlan['pieces'] = []
  const size = pattern.length / (k + 1)
  for (let i = 0; i <= k; i++) {
    const offset = Math.round(i * size)
    pieces.push({ text: pattern.slice(offset, Math.round((i + 1) * size)), offset })
  }
  return { word, pattern, k, peq: preparePattern(pattern), pieces }
}

/** Quality of an exact hit at `at`: 3 when some of the first few hits is a whole word, else 2. */
export function exactQuality(word: string, text: string, at: number): number {
  // A few occurrences are enough to find a whole-word one; one-letter words occur everywhere.
  for (let tries = 0; at >= 0 && tries < 4; tries++) {
    if (isWholeWord(text, at, word.length)) return 3
    at = text.indexOf(word, at + 1)
  }
  return 2
}

/** Best fuzzy hit of a word that is nowhere exact: fewest edits and where, or null past budget. */
export function fuzzyHit(plan: WordPlan, text: string): { errors: number; at: number } | null {
  if (plan.k === 0) return null
  const m = plan.pattern.length
  let best = Infinity
  let bestAt = -1
  for (const piece of plan.pieces) {
    let at = text.indexOf(piece.text)
    while (at >= 0) {
      const start = at - piece.offset - plan.k
      const errors = minEdits(plan.peq, text, start, start + m + 2 * plan.k)
      if (errors < best || (errors === best && start < bestAt)) {
        best = errors
        bestAt = Math.max(0, start)
      }
      // Later occurrences of this piece sit in the same or a lighter field: stop at one edit.
      if (errors <= 1) break
      at = text.indexOf(piece.text, at + 1)
    }
  }
  return best <= plan.k ? { errors: best, at: bestAt } : null
}
function isWholeWord(text: string, at: number, length: number): boolean {
  const first = text.charCodeAt(at)
  const last = text.charCodeAt(at + length - 1)
  // A CJK word has no spaces around it; it counts as whole when it is a bold term (checked by the
  // caller on the terms field) or when it touches non-word characters, like Latin words.
  const before = at === 0 || !isWordChar(text.charCodeAt(at - 1)) || !isWordChar(first)
  const after =
    at + length >= text.length || !isWordChar(text.charCodeAt(at + length)) || !isWordChar(last)
  return before && after
}
