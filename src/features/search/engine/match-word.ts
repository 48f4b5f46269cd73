import { MAX_PATTERN, minEdits, preparePattern, type Peq } from './myers'
import { isWordChar } from './normalize'
import { choosePieces, type Piece } from './pieces'

/** How one query word is matched: its typo budget and the pieces that must appear exactly. */
export interface WordPlan {
  word: string
  /** Pattern the fuzzy matcher uses (the first 31 characters of long words). */
  pattern: string
  /** Most edits allowed, Fuse's threshold 0.3 applied to the word alone. */
  k: number
  peq: Peq
  /** The reversed pattern, prepared on first use (highlighting needs where a match starts). */
  reversed: () => Peq
  /** k+1 disjoint pieces: a match with ≤ k edits leaves one of them intact (pigeonhole). */
  pieces: Piece[]
}

/**
 * Edits allowed for a word of m characters: ⌊0.3·m⌋ is what Fuse's threshold 0.3 allows, so a
 * 3-character word (`GPT`, `大模型`) must match exactly, `Karpaty` (7) may miss two.
 */
export function errorBudget(m: number): number {
  return m <= 3 ? 0 : Math.floor(Math.min(m, MAX_PATTERN) * 0.3)
}

/**
 * Plans the matching of one folded query word; `countOf(piece)` (how many items hold a piece)
 * lets it pick the rarest pieces, else the pattern is cut evenly.
 */
export function planWord(word: string, countOf?: (piece: string) => number): WordPlan {
  const pattern = word.slice(0, MAX_PATTERN)
  const k = errorBudget(word.length)
  const pieces = (k > 0 && countOf && choosePieces(pattern, k, countOf)) || evenPieces(pattern, k)
  let reversed: Peq | null = null
  return {
    word,
    pattern,
    k,
    peq: preparePattern(pattern),
    reversed: () => (reversed ??= preparePattern([...pattern].reverse().join(''))),
    pieces,
  }
}

function evenPieces(pattern: string, k: number): Piece[] {
  const size = pattern.length / (k + 1)
  return Array.from({ length: k + 1 }, (_, i) => {
    const offset = Math.round(i * size)
    return { text: pattern.slice(offset, Math.round((i + 1) * size)), offset }
  })
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

/**
 * A fuzzy hit of a word that is nowhere exact: the first region (in field order) where the word
 * fits within its budget, with the fewest edits in that region, or null. Each window around an
 * intact piece covers every alignment through it, so the first one within budget is a true match;
 * later regions could only be in the same or a lighter field.
 */
export function fuzzyHit(plan: WordPlan, text: string): { errors: number; at: number } | null {
  if (plan.k === 0) return null
  const m = plan.pattern.length
  let best = Infinity
  let bestAt = -1
  for (const piece of plan.pieces) {
    let at = text.indexOf(piece.text)
    // Pieces are tried in turn; a hit from an earlier piece is kept unless a later piece finds
    // one further up the text (a weightier field).
    while (at >= 0 && (bestAt < 0 || at - piece.offset < bestAt)) {
      const start = at - piece.offset - plan.k
      const errors = minEdits(plan.peq, text, start, start + m + 2 * plan.k)
      if (errors <= plan.k) {
        if (bestAt < 0 || start < bestAt || errors < best) {
          best = errors
          bestAt = Math.max(0, start)
        }
        break
      }
      at = text.indexOf(piece.text, at + 1)
    }
  }
  return bestAt >= 0 ? { errors: best, at: bestAt } : null
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
