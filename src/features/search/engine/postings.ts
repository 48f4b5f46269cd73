/**
 * Postings as the index ships them (flat number lists, see src/types/search-index.ts), decoded
 * into typed arrays once per unit and kept: a query's words reuse them, and so do later queries.
 */

/** Items holding a unit, with where: positions of doc i are `pos[at[i] .. at[i + 1])`. */
export interface UnitPostings {
  docs: Int32Array
  at: Int32Array
  pos: Int32Array
}

/** Items holding a Latin gram, with the fields it occurs in (FIELD_BIT bits). */
export interface GramPostings {
  docs: Int32Array
  masks: Uint8Array
}

export const NO_POSTINGS: UnitPostings = {
  docs: new Int32Array(0),
  at: new Int32Array(1),
  pos: new Int32Array(0),
}
export const NO_GRAMS: GramPostings = { docs: new Int32Array(0), masks: new Uint8Array(0) }

/** Thrown for a postings list that does not decode (a damaged or foreign file). */
export class PostingsError extends Error {}

/** Decodes `doc delta, n, first position, n − 1 gaps` runs; docs must stay below `docCount`. */
export function decodeUnit(flat: readonly number[], docCount: number): UnitPostings {
  let docsN = 0
  let posN = 0
  for (let i = 0; i < flat.length;) {
    const n = flat[i + 1]!
    if (!(n >= 1) || i + 2 + n > flat.length) throw new PostingsError('truncated postings')
    docsN++
    posN += n
    i += 2 + n
  }
  const docs = new Int32Array(docsN)
  const at = new Int32Array(docsN + 1)
  const pos = new Int32Array(posN)
  let doc = 0
  let p = 0
  for (let i = 0, d = 0; i < flat.length; d++) {
    doc += flat[i]!
    if (doc >= docCount || (d > 0 && flat[i] === 0)) throw new PostingsError('doc out of range')
    const n = flat[i + 1]!
    docs[d] = doc
    at[d] = p
    let position = 0
    for (let j = 0; j < n; j++) {
      position += flat[i + 2 + j]!
      pos[p++] = position
    }
    i += 2 + n
  }
  at[docsN] = p
  return { docs, at, pos }
}

/** Decodes `doc delta, field bits` pairs. */
export function decodeGram(flat: readonly number[], docCount: number): GramPostings {
  if (flat.length % 2 !== 0) throw new PostingsError('truncated gram postings')
  const docs = new Int32Array(flat.length / 2)
  const masks = new Uint8Array(flat.length / 2)
  let doc = 0
  for (let i = 0; i < flat.length; i += 2) {
    doc += flat[i]!
    if (doc >= docCount || (i > 0 && flat[i] === 0)) throw new PostingsError('doc out of range')
    docs[i / 2] = doc
    masks[i / 2] = flat[i + 1]!
  }
  return { docs, masks }
}

/** Index of `doc` in a sorted doc list, or -1. */
export function findDoc(docs: Int32Array, doc: number): number {
  let lo = 0
  let hi = docs.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = docs[mid]!
    if (v === doc) return mid
    if (v < doc) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}
