/**
 * Text folding shared by the index, the matcher and the highlighter. It never changes a string's
 * length, so a position found in folded text is the same position in the original (highlights
 * come from these positions).
 */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  // toLowerCase keeps the length for all but a few letters (e.g. İ); fold those one by one.
  const base = lower.length === text.length ? lower : foldEach(text)
  return FULL_WIDTH.test(base) ? base.replace(FULL_WIDTH_ALL, halfWidth) : base
}

const FULL_WIDTH = /[\uff01-\uff5e]/
const FULL_WIDTH_ALL = /[\uff01-\uff5e]/g
const halfWidth = (c: string) => String.fromCharCode(c.charCodeAt(0) - 0xfee0).toLowerCase()

function foldEach(text: string): string {
  let out = ''
  for (const c of text) {
    const lower = c.toLowerCase()
    out += lower.length === c.length ? lower : c
  }
  return out
}

/** What separates the words of a query. */
export const WORD_SEPARATORS = /[\s,，、;；]+/u

/** The words of a query, folded; every word must match somewhere in an item. */
export function queryWords(query: string): string[] {
  const words = fold(query)
    .split(WORD_SEPARATORS)
    .filter((w) => w.length > 0)
  return [...new Set(words)]
}

/** True for letters and digits of Latin-like scripts, where whole-word boundaries exist. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f) ||
    code === 0x2d
  )
}

/** True when the word contains a CJK character (no spaces between words there). */
export function hasCjk(word: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/u.test(word)
}
