/**
 * What the search index is made of, shared by the compiler that writes it and the worker that reads
 * it, so both cut text the same way. Folded text (normalize.ts) is cut into units:
 * - a Latin word: a run of word characters (`claude`, `gpt-5`), with its positions;
 * - any other character on its own (`模`, `.`, `(`), with its positions: Chinese has no spaces to
 *   cut words at, and any substring of it is a run of such units;
 * - a Latin gram (one or two word characters, `\u0001ai`), with items only: a one- or two-letter
 *   query (`AI`) matches inside thousands of words, whose postings it would otherwise need.
 * Whitespace and the characters that separate query words (`,`, `;`, `、`) are never inside a
 * query word, so they are not indexed at all.
 */
import { isWordChar } from './normalize'

/**
 * Positions are offsets in one space for all three fields: title from 0, terms from 4096, text from
 * 8192. The gaps are far longer than any typo budget, so no match can span two fields, and a
 * position alone says which field it is in (no per-item table needed).
 */
export const FIELD_BASE = [0, 4096, 8192] as const
/** Titles and terms longer than this (folded) are indexed up to here only. */
export const FIELD_LIMIT = 4000

/** Docs per text shard: small, so the results on screen fetch little besides themselves. */
export const TEXT_SHARD_DOCS = 16

/** Prefix of Latin gram keys: never a character of folded text, so no unit can collide. */
export const GRAM_PREFIX = '\u0001'

/** Field-presence bits of a gram posting. */
export const FIELD_BIT = [1, 2, 4] as const

/** Character classes: not indexed, part of a Latin word, a unit of its own. */
export const SKIP = 0
export const WORD = 1
export const OTHER = 2

// A table for every UTF-16 code unit: the indexer classifies tens of millions of characters.
export const CLASS = new Uint8Array(65536)
for (let c = 0; c < 65536; c++) {
  const ch = String.fromCharCode(c)
  CLASS[c] =
    c < 32 || /[\s,;、]/u.test(ch) || c === 0xff0c || c === 0xff1b
      ? SKIP
      : isWordChar(c)
        ? WORD
        : OTHER
}

/** The field (0 title, 1 terms, 2 text) a position belongs to. */
export function fieldOf(position: number): 0 | 1 | 2 {
  return position >= FIELD_BASE[2] ? 2 : position >= FIELD_BASE[1] ? 1 : 0
}

export interface UnitVisitor {
  /** A Latin word starting at `position`. */
  word(token: string, position: number): void
  /** Any other indexed character at `position`. */
  char(char: string, position: number): void
}

/**
 * Visits the units of one folded string whose positions start at `base`, up to `limit` characters
 * (titles and terms are indexed up to FIELD_LIMIT, so they never reach the next field's base).
 */
export function visitUnits(
  folded: string,
  { base, limit = Infinity }: { base: number; limit?: number },
  visit: UnitVisitor,
): void {
  const end = Math.min(folded.length, limit)
  let start = -1
  for (let i = 0; i <= end; i++) {
    const kind = i < end ? CLASS[folded.charCodeAt(i)] : SKIP
    if (kind === WORD) {
      if (start < 0) start = i
      continue
    }
    if (start >= 0) {
      visit.word(folded.slice(start, i), base + start)
      start = -1
    }
    if (kind === OTHER) visit.char(folded[i]!, base + i)
  }
}

/** One piece of a query word: a Latin run or a single other character, at `offset` in the word. */
export interface WordSegment {
  kind: 'latin' | 'char'
  text: string
  offset: number
}

/** Cuts a folded query word the way the index cut the text. */
export function segmentsOf(word: string): WordSegment[] {
  const out: WordSegment[] = []
  visitUnits(
    word,
    { base: 0 },
    {
      word: (text, offset) => out.push({ kind: 'latin', text, offset }),
      char: (text, offset) => out.push({ kind: 'char', text, offset }),
    },
  )
  return out
}

/** Whether every character of a folded word is one the index holds (else it cannot match). */
export function isIndexable(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (CLASS[word.charCodeAt(i)] === SKIP) return false
  return word.length > 0
}

/** The one- and two-character grams of a Latin word, each once. */
export function gramsOf(token: string): string[] {
  const grams = new Set<string>()
  for (let i = 0; i < token.length; i++) {
    grams.add(token[i]!)
    if (i + 1 < token.length) grams.add(token.slice(i, i + 2))
  }
  return [...grams]
}

/** FNV-1a over UTF-16 units: the same number in Node and in the browser. */
export function hashUnit(unit: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < unit.length; i++) {
    h ^= unit.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** The postings shard holding a unit (a token, a character or a gram key). */
export function shardOf(unit: string, shardCount: number): number {
  return hashUnit(unit) % shardCount
}
