/**
 * Myers' bit-parallel approximate matcher (1999): the fewest edits (insert, delete, substitute) that
 * turn the pattern into some substring of the text, the measure Fuse's bitap scores with. Patterns
 * are at most 31 UTF-16 units; longer words are split by the caller.
 */
export const MAX_PATTERN = 31

/** Bit masks of each pattern character's positions; built once per query word. */
export interface Peq {
  length: number
  /** Indexed by UTF-16 code unit: a flat table is several times faster than a Map lookup. */
  masks: Int32Array
}

/** Prepares a pattern (already folded) for `minEdits`. */
export function preparePattern(pattern: string): Peq {
  const masks = new Int32Array(65536)
  const m = Math.min(pattern.length, MAX_PATTERN)
  for (let i = 0; i < m; i++) masks[pattern.charCodeAt(i)] |= 1 << i
  return { length: m, masks }
}

/**
 * Best edit distance of the pattern against any substring of text[start, end). This is the hot loop
 * run on every candidate, so it repeats `scan`'s recurrence inline rather than paying for a
 * callback per character; `scan` serves only the few top hits that get highlighted.
 */
export function minEdits(peq: Peq, text: string, start = 0, end = text.length): number {
  const m = peq.length
  if (m === 0) return 0
  const high = 1 << (m - 1)
  let pv = -1
  let mv = 0
  let score = m
  let best = m
  const from = Math.max(0, start)
  const to = Math.min(text.length, end)
  for (let j = from; j < to; j++) {
    const eq = peq.masks[text.charCodeAt(j)]
    const xv = eq | mv
    const xh = (((eq & pv) + pv) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if (ph & high) score++
    else if (mh & high) score--
    // Semi-global: a match may start anywhere in the text, so no carry into the first row.
    ph <<= 1
    mh <<= 1
    pv = mh | ~(xv | ph)
    mv = ph & xv
    if (score < best) best = score
  }
  return best
}

/**
 * Start and end of the best alignment in text[start, end): the first end with the fewest edits,
 * then the reversed pattern scanned leftwards from there finds where that alignment begins.
 */
export function bestRange(
  peq: Peq,
  reversed: Peq,
  text: string,
  start: number,
  end: number,
): [number, number] | null {
  const from = Math.max(0, start)
  const to = Math.min(text.length, end)
  let best = Infinity
  let at = -1
  let extending = false
  // Of equally good ends in a row, the last one: `Karpaty` marks all of `Karpathy`.
  scan(peq, text, from, to, 1, (j, score) => {
    if (score < best || (extending && score === best)) {
      best = score
      at = j + 1
      extending = true
    } else extending = false
  })
  if (at < 0 || best >= peq.length) return null
  let begin = -1
  scan(reversed, text, at - 1, from - 1, -1, (j, score) => {
    if (score === best && begin < 0) begin = j
  })
  return begin < 0 ? null : [begin, at]
}

function scan(
  peq: Peq,
  text: string,
  from: number,
  to: number,
  step: 1 | -1,
  onScore: (j: number, score: number) => void,
): void {
  const high = 1 << (peq.length - 1)
  let pv = -1
  let mv = 0
  let score = peq.length
  for (let j = from; j !== to; j += step) {
    const eq = peq.masks[text.charCodeAt(j)]
    const xv = eq | mv
    const xh = (((eq & pv) + pv) ^ pv) | eq
    let ph = mv | ~(xh | pv)
    let mh = pv & xh
    if (ph & high) score++
    else if (mh & high) score--
    ph <<= 1
    mh <<= 1
    pv = mh | ~(xv | ph)
    mv = ph & xv
    onScore(j, score)
  }
}
