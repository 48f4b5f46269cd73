import { bestRange } from './myers'
import { isWordChar } from '@/lib/search-text/normalize'
import type { WordPlan } from './match-word'
import type { Ranges } from './types'

/**
 * Where the words sit in one field (folded text): every exact occurrence, else the best fuzzy
 * alignment, unless the word occurs exactly elsewhere in the item (`exactElsewhere`): then a
 * near miss (`Codi` in "Vibe Coding" for "Code") is noise beside the real hit. Marks cover whole
 * Latin words (`Claud` marks "Claude"). Fuse's own match indices mark every character of the
 * pattern anywhere in a long text when `ignoreLocation` is on, which lights up half a Chinese
 * summary; these ranges mark the hit.
 */
export function rangesIn(
  plans: WordPlan[],
  folded: string,
  exactElsewhere: ReadonlySet<string> = new Set(),
): Ranges {
  const ranges: Ranges = []
  for (const plan of plans) {
    let at = folded.indexOf(plan.word)
    if (at >= 0) {
      while (at >= 0) {
        ranges.push([at, at + plan.word.length])
        at = folded.indexOf(plan.word, at + plan.word.length)
      }
      continue
    }
    if (plan.k === 0 || exactElsewhere.has(plan.word)) continue
    const fuzzy = fuzzyRange(plan, folded)
    if (fuzzy) ranges.push(fuzzy)
  }
  return merge(
    ranges.map((range) => wholeWord(range, folded)),
    folded,
  )
}

/** A range widened to the Latin word(s) it starts and ends in; Chinese has no word edges to use. */
function wholeWord([start, end]: [number, number], text: string): [number, number] {
  const word = (at: number) => isWordChar(text.charCodeAt(at))
  while (start > 0 && word(start - 1) && word(start)) start--
  while (end < text.length && word(end - 1) && word(end)) end++
  return [start, end]
}

function fuzzyRange(plan: WordPlan, text: string): [number, number] | null {
  const m = plan.pattern.length
  for (const piece of plan.pieces) {
    const at = text.indexOf(piece.text)
    if (at < 0) continue
    const start = Math.max(0, at - piece.offset - plan.k)
    const range = bestRange(plan.peq, plan.reversed(), text, start, start + m + 2 * plan.k)
    if (range) return range
  }
  return null
}

/** Sorted, overlapping ranges joined; words with only spaces between them read as one mark. */
function merge(ranges: Ranges, text: string): Ranges {
  ranges.sort((a, b) => a[0] - b[0])
  const out: Ranges = []
  for (const r of ranges) {
    const last = out[out.length - 1]
    if (last && (r[0] <= last[1] || !text.slice(last[1], r[0]).trim()))
      last[1] = Math.max(last[1], r[1])
    else out.push([r[0], r[1]])
  }
  return out
}

/** A window of about `size` characters around the first range, with ranges shifted into it. */
export function snippetOf(text: string, ranges: Ranges, size = 140) {
  if (text.length <= size) return { text, ranges, cutStart: false, cutEnd: false }
  const first = ranges[0]?.[0] ?? 0
  let start = Math.max(0, Math.min(first - 30, text.length - size))
  let end = Math.min(text.length, start + size)
  // Start where a clause does ("…创始人Salvatore" reads worse than "…Redis创始人Salvatore"): Chinese
  // has no spaces to find words by, but punctuation close by is a natural edge.
  if (start > 0) {
    start = clauseStartNear(text, start, first)
    end = Math.min(text.length, start + size)
  }
  // Never cut inside a Latin word ("…athy 在其") nor between the halves of a surrogate pair.
  if (start > 0) start = wordStartAtOrAfter(text, start, first)
  if (end < text.length) end = wordEndAtOrBefore(text, end, start)
  while (start < end && /\s/.test(text[start])) start++
  while (end > start && /\s/.test(text[end - 1])) end--
  const shifted: Ranges = ranges
    .filter(([a, b]) => b > start && a < end)
    .map(([a, b]) => [Math.max(a, start) - start, Math.min(b, end) - start])
  return {
    text: text.slice(start, end),
    ranges: shifted,
    cutStart: start > 0,
    cutEnd: end < text.length,
  }
}

/** How far a snippet's start may move back, or forward, to begin at a clause. */
const CLAUSE_BACK = 24
const CLAUSE_FORWARD = 16

/** Punctuation that ends a clause; ASCII marks only before a space, so `GPT-4.5` stays whole. */
function endsClause(text: string, at: number): boolean {
  const c = text[at] ?? ''
  if (/[，。；：！？、（）“”「」《》\n]/.test(c)) return true
  return /[,.;:!?)]/.test(c) && /\s/.test(text[at + 1] ?? '')
}

/**
 * The start of the clause at or near `at`: just after the nearest clause-ending mark up to
 * CLAUSE_BACK characters before it, else up to CLAUSE_FORWARD after it (never past the first
 * match), else `at` itself.
 */
function clauseStartNear(text: string, at: number, first: number): number {
  for (let i = at - 1; i >= Math.max(0, at - CLAUSE_BACK); i--)
    if (endsClause(text, i)) return i + 1
  for (let i = at; i < Math.min(first, at + CLAUSE_FORWARD); i++)
    if (endsClause(text, i)) return i + 1
  return at
}

const isLatin = (text: string, at: number) => isWordChar(text.toLowerCase().charCodeAt(at))
const isLowSurrogate = (text: string, at: number) => /[\udc00-\udfff]/.test(text[at] ?? '')

/** `at`, or past the end of the Latin word it falls inside (before it when `limit` is in it). */
function wordStartAtOrAfter(text: string, at: number, limit: number): number {
  let pos = at
  if (isLatin(text, pos - 1) && isLatin(text, pos)) {
    while (pos < text.length && isLatin(text, pos)) pos++
    // The match itself sits in that word: start at the word's beginning instead.
    if (pos > limit) for (pos = at; pos > 0 && isLatin(text, pos - 1);) pos--
  }
  if (isLowSurrogate(text, pos)) pos++
  return pos
}

/** `at`, or back to the start of the Latin word it falls inside (but not before `floor`). */
function wordEndAtOrBefore(text: string, at: number, floor: number): number {
  let pos = at
  if (isLatin(text, pos - 1) && isLatin(text, pos)) {
    while (pos > floor && isLatin(text, pos - 1)) pos--
    // A single word longer than the window (a URL): cutting it is the only option.
    if (pos <= floor) pos = at
  }
  if (isLowSurrogate(text, pos)) pos--
  return pos
}
