import type { Vocab } from '@/types/search-index'
import { errorBudget } from './match-word'
import { MAX_PATTERN, minEdits, preparePattern } from './myers'
import { findDoc, type UnitPostings } from './postings'
import { FIELD_WEIGHTS } from './ranking'
import type { SegmentSource } from './segment-source'
import {
  FIELD_BASE,
  FIELD_BIT,
  fieldOf,
  isIndexable,
  segmentsOf,
  type WordSegment,
} from '@/lib/search-text/units'

/**
 * How the docs of a segment match one word: per doc its share of the score (-1: no match) and
 * whether the match is exact. Dense arrays over the segment's docs: a common word matches
 * thousands, and maps of them were most of a query's time.
 */
export interface WordHits {
  score: Float64Array
  exact: Uint8Array
}

/** Latin words within the typo budget that a misspelt word may stand for, at most. */
export const FUZZY_TOKENS = 16

/** How a Latin run of a query word must sit in the text's word (see exactStarts). */
type Role = 'any' | 'suffix' | 'prefix' | 'equal'

/** Where, in one doc, the query word may start (per the segment), and whether as a whole word. */
type Starts = Map<number, Map<number, boolean>>

const NONE = 0x7fffffff

/**
 * Every doc of a segment that holds `word` (folded), exactly or within its typo budget, with its
 * score: exact beats fuzzy, whole words beat parts, title and terms beat the summary; computed
 * from postings alone, without any item's text. `within` (a mask over docs) narrows the work to
 * docs an earlier word of the query matched.
 */
export async function matchWord(
  source: SegmentSource,
  word: string,
  within?: Uint8Array,
): Promise<WordHits> {
  const docCount = source.entry.docCount
  const hits: WordHits = {
    score: new Float64Array(docCount).fill(-1),
    exact: new Uint8Array(docCount),
  }
  const segments = segmentsOf(word)
  if (!isIndexable(word) || segments.length === 0) return hits
  const latin = segments.filter((s) => s.kind === 'latin')
  const found = new Found(docCount)
  if (segments.length === 1 && latin.length === 1 && word.length <= 2) {
    // One or two letters match inside thousands of words: their grams say where, without them.
    await shortLatin(source, word, hits, within)
    return hits
  }
  const vocab = latin.length > 0 ? await source.vocab() : undefined
  if (latin.length === 0) {
    await exactChars(source, segments, found)
  } else if (segments.length === 1) {
    await exactLatin(source, vocabTokens(vocab!, word, 'any'), word, found)
  } else {
    await exactMixed(source, segments, vocab!, found)
  }
  for (let doc = 0; doc < docCount; doc++) {
    if (found.first[doc] === NONE || (within && !within[doc])) continue
    hits.score[doc] = found.score(doc)
    hits.exact[doc] = 1
  }
  const k = errorBudget(word.length)
  if (k > 0) await fuzzy(source, word, { segments, vocab, k, hits, within })
  return hits
}

/** Per doc: the word's first start, and whether a start is in the summary or a whole word. */
class Found {
  readonly first: Int32Array
  readonly flags: Uint8Array
  constructor(docCount: number) {
    this.first = new Int32Array(docCount).fill(NONE)
    this.flags = new Uint8Array(docCount)
  }

  add(doc: number, start: number, whole: boolean): void {
    if (start < this.first[doc]!) this.first[doc] = start
    if (start >= FIELD_BASE[2]) this.flags[doc]! |= IN_TEXT
    if (whole) this.flags[doc]! |= WHOLE
  }

  score(doc: number): number {
    const field = fieldOf(this.first[doc]!)
    const flags = this.flags[doc]!
    return (flags & WHOLE ? 3 : 2) * FIELD_WEIGHTS[field] + (field < 2 && flags & IN_TEXT ? 0.2 : 0)
  }
}

const IN_TEXT = 1
const WHOLE = 2

/**
 * A word of characters only (Chinese, punctuation): docs where each character sits at its offset
 * from the rarest one's. Lists are walked in doc order, each with its own cursor.
 */
async function exactChars(source: SegmentSource, segments: WordSegment[], found: Found) {
  const lists = await Promise.all(segments.map((s) => source.unit(s.text)))
  let anchor = 0
  lists.forEach((l, i) => {
    if (l.docs.length < lists[anchor]!.docs.length) anchor = i
  })
  const a = lists[anchor]!
  const cursors = lists.map(() => 0)
  for (let d = 0; d < a.docs.length; d++) {
    const doc = a.docs[d]!
    const at: number[] = []
    let all = true
    for (let j = 0; j < lists.length && all; j++) {
      const list = lists[j]!
      let c = cursors[j]!
      while (c < list.docs.length && list.docs[c]! < doc) c++
      cursors[j] = c
      if (list.docs[c] !== doc) all = false
      else at.push(c)
    }
    if (!all) continue
    for (let p = a.at[d]!; p < a.at[d + 1]!; p++) {
      const start = a.pos[p]! - segments[anchor]!.offset
      let ok = true
      for (let j = 0; j < lists.length && ok; j++) {
        if (j === anchor) continue
        const list = lists[j]!
        ok = hasPosition(list, at[j]!, start + segments[j]!.offset)
      }
      if (ok) found.add(doc, start, true)
    }
  }
}

/** Whether doc index `d` of a list has a position (binary search in its sorted positions). */
function hasPosition(list: UnitPostings, d: number, position: number): boolean {
  let lo = list.at[d]!
  let hi = list.at[d + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = list.pos[mid]!
    if (v === position) return true
    if (v < position) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** A Latin word on its own: every vocabulary word that holds it, wherever it sits in them. */
async function exactLatin(
  source: SegmentSource,
  tokens: { token: string; at: number[] }[],
  word: string,
  found: Found,
) {
  const lists = await Promise.all(tokens.map((t) => source.unit(t.token)))
  tokens.forEach(({ token, at }, i) => {
    const list = lists[i]!
    const whole = token === word
    for (let d = 0; d < list.docs.length; d++) {
      // Positions are sorted: the first is the earliest (weightiest field), the last the latest.
      const first = list.pos[list.at[d]!]!
      const last = list.pos[list.at[d + 1]! - 1]!
      found.add(list.docs[d]!, first + at[0]!, whole)
      if (last !== first) found.add(list.docs[d]!, last + at[0]!, false)
    }
  })
}

/** A word mixing Latin runs and other characters: every piece must sit where the word puts it. */
async function exactMixed(
  source: SegmentSource,
  segments: WordSegment[],
  vocab: Vocab,
  found: Found,
) {
  const starts = await Promise.all(
    segments.map((s, i) =>
      exactStarts(
        source,
        s,
        s.kind === 'latin' ? vocabTokens(vocab, s.text, roleOf(i, segments.length)) : [],
      ),
    ),
  )
  for (const [doc, hit] of intersectStarts(starts)) {
    found.add(doc, hit.first, hit.whole)
    if (hit.inText) found.add(doc, FIELD_BASE[2], false)
  }
}

function roleOf(index: number, count: number): Role {
  if (count === 1) return 'any'
  if (index === 0) return 'suffix'
  return index === count - 1 ? 'prefix' : 'equal'
}

/** Vocabulary words that hold a Latin run in its role, each with where in it the run sits. */
function vocabTokens(vocab: Vocab, run: string, role: Role): { token: string; at: number[] }[] {
  const out: { token: string; at: number[] }[] = []
  for (const token of vocab.tokens) {
    if (role === 'equal' && token !== run) continue
    if (role === 'prefix' && !token.startsWith(run)) continue
    if (role === 'suffix' && !token.endsWith(run)) continue
    if (role === 'any') {
      const at = token.indexOf(run)
      if (at >= 0) out.push({ token, at: [at] })
    } else out.push({ token, at: [role === 'suffix' ? token.length - run.length : 0] })
  }
  return out
}

/** Word starts implied by one segment, per doc. */
async function exactStarts(
  source: SegmentSource,
  segment: WordSegment,
  tokens: { token: string; at: number[] }[],
): Promise<Starts> {
  const starts: Starts = new Map()
  const add = (postings: UnitPostings, shifts: number[], whole: boolean) => {
    for (let d = 0; d < postings.docs.length; d++) {
      const doc = postings.docs[d]!
      let set = starts.get(doc)
      if (!set) starts.set(doc, (set = new Map()))
      for (let p = postings.at[d]!; p < postings.at[d + 1]!; p++) {
        for (const shift of shifts) {
          const start = postings.pos[p]! + shift - segment.offset
          set.set(start, (set.get(start) ?? false) || whole)
        }
      }
    }
  }
  if (segment.kind === 'char') {
    add(await source.unit(segment.text), [0], true)
    return starts
  }
  const lists = await Promise.all(tokens.map((t) => source.unit(t.token)))
  tokens.forEach((t, i) => add(lists[i]!, t.at, t.token === segment.text))
  return starts
}

/**
 * Docs where every segment agrees on a start: the word's first start there, whether any start is
 * in the summary, and whether some match is a whole word (every Latin run a word of its own).
 */
function intersectStarts(
  starts: Starts[],
): Map<number, { first: number; inText: boolean; whole: boolean }> {
  const out = new Map<number, { first: number; inText: boolean; whole: boolean }>()
  const order = [...starts].sort((a, b) => a.size - b.size)
  const [smallest, ...rest] = order
  if (!smallest) return out
  for (const [doc, set] of smallest) {
    const others = rest.map((s) => s.get(doc))
    if (others.some((o) => !o)) continue
    let first = Infinity
    let inText = false
    let whole = false
    for (const [start, w] of set) {
      let all = w
      let ok = true
      for (const other of others) {
        const o = other!.get(start)
        if (o === undefined) {
          ok = false
          break
        }
        all = all && o
      }
      if (!ok) continue
      if (start < first) first = start
      if (start >= FIELD_BASE[2]) inText = true
      if (all) whole = true
    }
    if (first !== Infinity) out.set(doc, { first, inText, whole })
  }
  return out
}

/** A one- or two-letter word: its grams' docs, whole where the doc has it as a word of its own. */
async function shortLatin(
  source: SegmentSource,
  word: string,
  hits: WordHits,
  within?: Uint8Array,
): Promise<void> {
  const [grams, asWord] = await Promise.all([source.gram(word), source.unit(word)])
  let w = 0
  for (let i = 0; i < grams.docs.length; i++) {
    const doc = grams.docs[i]!
    if (within && !within[doc]) continue
    while (w < asWord.docs.length && asWord.docs[w]! < doc) w++
    const whole = asWord.docs[w] === doc
    const mask = grams.masks[i]!
    const field = mask & FIELD_BIT[0] ? 0 : mask & FIELD_BIT[1] ? 1 : 2
    hits.score[doc] =
      (whole ? 3 : 2) * FIELD_WEIGHTS[field] + (field < 2 && mask & FIELD_BIT[2] ? 0.2 : 0)
    hits.exact[doc] = 1
  }
}

/** One run of known text in a doc: a character of the word, or a Latin word near it. */
interface Fragment {
  at: number
  text: string
}

/**
 * Docs without an exact match that hold the word within its budget of k edits. A doc's text is
 * rebuilt from the postings of the word's own characters and of the Latin words that resemble its
 * Latin runs, everything else a placeholder that matches nothing: the edit distance to that text
 * is the distance to the real one wherever the real one has no other resembling word, so a typo
 * found here is a real one (the text is never needed).
 */
async function fuzzy(
  source: SegmentSource,
  word: string,
  opts: {
    segments: WordSegment[]
    vocab?: Vocab
    k: number
    hits: WordHits
    within?: Uint8Array
  },
): Promise<void> {
  const { segments, vocab, k, hits, within } = opts
  const pattern = word.slice(0, MAX_PATTERN)
  const m = pattern.length
  const chars = [...new Set(segments.filter((s) => s.kind === 'char').map((s) => s.text))]
  const runs = segments.filter((s) => s.kind === 'latin').map((s) => s.text)
  const runTokens = runs.map((run) => resembling(vocab!, run, k))
  const units: { postings: UnitPostings; text: string; group: number }[] = []
  const charLists = await Promise.all(chars.map((c) => source.unit(c)))
  chars.forEach((c, i) => units.push({ postings: charLists[i]!, text: c, group: i }))
  const tokenLists = await Promise.all(
    runTokens.map((list) => Promise.all(list.map((t) => source.unit(t)))),
  )
  runTokens.forEach((list, r) =>
    list.forEach((t, i) =>
      units.push({ postings: tokenLists[r]![i]!, text: t, group: chars.length + r }),
    ),
  )
  const groups = Math.min(31, chars.length + runs.length)
  const need = Math.max(1, groups - k)
  // Docs holding enough of the word's pieces: k edits can remove at most k of them.
  const present = new Uint32Array(source.entry.docCount)
  for (const unit of units) {
    const bit = 1 << Math.min(unit.group, 30)
    for (const doc of unit.postings.docs) present[doc]! |= bit
  }
  const peq = preparePattern(pattern)
  for (let doc = 0; doc < present.length; doc++) {
    if (present[doc] === 0 || hits.score[doc]! >= 0 || (within && !within[doc])) continue
    if (popcount(present[doc]!) < need) continue
    const fragments: Fragment[] = []
    for (const unit of units) {
      const d = findDoc(unit.postings.docs, doc)
      if (d < 0) continue
      for (let p = unit.postings.at[d]!; p < unit.postings.at[d + 1]!; p++) {
        fragments.push({ at: unit.postings.pos[p]!, text: unit.text })
      }
    }
    const hit = bestField(fragments, { peq, m, k })
    if (hit) hits.score[doc] = (1 - hit.errors / m) * FIELD_WEIGHTS[hit.field]
  }
}

function popcount(n: number): number {
  let count = 0
  for (let v = n; v; v &= v - 1) count++
  return count
}

/** Latin words of the vocabulary close to a run: within k edits, or a large piece of it. */
function resembling(vocab: Vocab, run: string, k: number): string[] {
  const peq = preparePattern(run.slice(0, MAX_PATTERN))
  const near: { token: string; errors: number; df: number }[] = []
  const pieces: string[] = []
  const least = Math.max(3, Math.ceil(run.length / 3))
  vocab.tokens.forEach((token, i) => {
    if (token.includes(run)) return pieces.push(token)
    if (token.length >= least && run.includes(token)) return pieces.push(token)
    // A word shorter than the run by more than k cannot hold it within k edits.
    if (token.length < run.length - k) return
    const errors = minEdits(peq, token)
    if (errors <= k) near.push({ token, errors, df: vocab.df[i] ?? 0 })
  })
  near.sort((a, b) => a.errors - b.errors || b.df - a.df || (a.token < b.token ? -1 : 1))
  return [...pieces, ...near.slice(0, FUZZY_TOKENS).map((n) => n.token)]
}

/**
 * The first field (title, terms, summary) where the pattern fits the rebuilt text within k edits,
 * and how many it needs there. Gaps between fragments are kept up to m + k placeholders: no match
 * can span a longer one, so cutting it changes nothing.
 */
function bestField(
  fragments: Fragment[],
  { peq, m, k }: { peq: ReturnType<typeof preparePattern>; m: number; k: number },
): { errors: number; field: 0 | 1 | 2 } | null {
  fragments.sort((a, b) => a.at - b.at)
  let field = -1
  let text = ''
  let end = 0
  const check = (): { errors: number; field: 0 | 1 | 2 } | null => {
    if (field < 0 || !text) return null
    const errors = minEdits(peq, text)
    return errors <= k ? { errors, field: field as 0 | 1 | 2 } : null
  }
  for (const f of fragments) {
    const fieldHere = fieldOf(f.at)
    if (fieldHere !== field) {
      const hit = check()
      if (hit) return hit
      field = fieldHere
      text = ''
      end = f.at
    }
    text += PLACEHOLDER.repeat(Math.min(Math.max(0, f.at - end), m + k)) + f.text
    end = f.at + f.text.length
  }
  return check()
}

/** Stands for text the word's characters are not in; never a character of a folded word. */
const PLACEHOLDER = '\u0000'
