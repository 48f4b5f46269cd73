/** A substring of the pattern that a match with ≤ k edits may keep intact. */
export interface Piece {
  text: string
  offset: number
}

/**
 * Picks k+1 disjoint pieces (2–3 characters) of the pattern with the fewest items in total. Any
 * k+1 disjoint pieces work for the pigeonhole rule (k edits touch at most k of them), so the rarest
 * ones make the smallest candidate set: `Midjuorney` keeps `uo`, not the `mi` of every MiniMax.
 * `countOf(piece)` says how many items hold a piece. Returns null when no k+1 pieces fit.
 */
export function choosePieces(
  pattern: string,
  k: number,
  countOf: (piece: string) => number,
): Piece[] | null {
  const m = pattern.length
  const need = k + 1
  // best[pos][c]: fewest items using c pieces inside pattern[pos..m); choice[pos][c]: length used.
  const best = Array.from({ length: m + 1 }, () => new Array<number>(need + 1).fill(Infinity))
  const choice = Array.from({ length: m + 1 }, () => new Array<number>(need + 1).fill(0))
  for (let pos = m; pos >= 0; pos--) {
    best[pos][0] = 0
    for (let c = 1; c <= need; c++) {
      if (pos < m && best[pos + 1][c] < best[pos][c]) best[pos][c] = best[pos + 1][c]
      for (const length of [2, 3]) {
        if (pos + length > m || best[pos + length][c - 1] === Infinity) continue
        const total = countOf(pattern.slice(pos, pos + length)) + best[pos + length][c - 1]
        if (total < best[pos][c]) {
          best[pos][c] = total
          choice[pos][c] = length
        }
      }
    }
  }
  if (best[0][need] === Infinity) return null
  const pieces: Piece[] = []
  for (let pos = 0, c = need; c > 0;) {
    const length = choice[pos][c]
    if (length) {
      pieces.push({ text: pattern.slice(pos, pos + length), offset: pos })
      pos += length
      c--
    } else pos++
  }
  return pieces
}
