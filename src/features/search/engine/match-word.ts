import { MAX_PATTERN, preparePattern, type Peq } from './myers'

/** A substring of the pattern that a match with ≤ k edits may keep intact. */
export interface Piece {
  text: string
  offset: number
}

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

/** Plans how one folded query word is highlighted in the few results on screen. */
export function planWord(word: string): WordPlan {
  const pattern = word.slice(0, MAX_PATTERN)
  const k = errorBudget(word.length)
  const pieces = evenPieces(pattern, k)
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
