import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { decodeGram, decodeUnit, findDoc, NO_POSTINGS, PostingsError } from './postings'

/** Encodes postings as the compiler writes them: `doc delta, n, first position, n − 1 gaps`. */
function encode(postings: [doc: number, positions: number[]][]): number[] {
  const flat: number[] = []
  let last = 0
  for (const [doc, positions] of postings) {
    flat.push(doc - last, positions.length, positions[0]!)
    for (let i = 1; i < positions.length; i++) flat.push(positions[i]! - positions[i - 1]!)
    last = doc
  }
  return flat
}

/** The decoded lists back as [doc, positions] pairs. */
function pairs(decoded: ReturnType<typeof decodeUnit>): [number, number[]][] {
  return [...decoded.docs].map((doc, d) => [
    doc,
    [...decoded.pos.slice(decoded.at[d], decoded.at[d + 1])],
  ])
}

/** Random postings: increasing docs below 50, each with increasing positions. */
const postingsArb = fc
  .uniqueArray(fc.nat({ max: 49 }), { minLength: 1, maxLength: 12 })
  .chain((docs) =>
    fc.tuple(
      ...[...docs]
        .sort((a, b) => a - b)
        .map((doc) =>
          fc
            .uniqueArray(fc.nat({ max: 9000 }), { minLength: 1, maxLength: 6 })
            .map((p): [number, number[]] => [doc, [...p].sort((a, b) => a - b)]),
        ),
    ),
  )

describe('decodeUnit', () => {
  test('decodes docs and positions, with where each doc’s positions start', () => {
    const decoded = decodeUnit([0, 2, 3, 4, 2, 1, 8200], 10)
    expect([...decoded.docs]).toEqual([0, 2])
    expect([...decoded.at]).toEqual([0, 2, 3])
    expect([...decoded.pos]).toEqual([3, 7, 8200])
  })

  test('an empty list is no docs', () => {
    expect(pairs(decodeUnit([], 10))).toEqual([])
    expect(pairs(NO_POSTINGS)).toEqual([])
  })

  test('decodes whatever the compiler’s encoding wrote (property)', () => {
    fc.assert(
      fc.property(postingsArb, (postings) => {
        expect(pairs(decodeUnit(encode(postings), 50))).toEqual(postings)
      }),
      { numRuns: 300 },
    )
  })

  test.each([
    ['a run cut short', [0, 3, 1, 1]],
    ['a doc delta with no count', [0, 1, 5, 2]],
    ['a run of no positions', [0, 0, 1, 1]],
    ['the same doc twice', [1, 1, 5, 0, 1, 6]],
    ['a doc beyond the segment', [7, 1, 0, 3, 1, 0]],
  ])('throws PostingsError for %s', (_name, flat) => {
    expect(() => decodeUnit(flat, 10)).toThrow(PostingsError)
  })

  test('a list cut anywhere inside a run throws (property)', () => {
    fc.assert(
      fc.property(postingsArb, fc.nat(), (postings, at) => {
        const flat = encode(postings)
        const ends = new Set<number>()
        let end = 0
        for (const [, positions] of postings) ends.add((end += 2 + positions.length))
        const cut = 1 + (at % (flat.length - 1))
        fc.pre(!ends.has(cut))
        expect(() => decodeUnit(flat.slice(0, cut), 50)).toThrow(PostingsError)
      }),
      { numRuns: 300 },
    )
  })

  test('a list naming a doc the segment lacks throws (property)', () => {
    fc.assert(
      fc.property(postingsArb, (postings) => {
        const last = postings.at(-1)![0]
        expect(() => decodeUnit(encode(postings), last)).toThrow(PostingsError)
      }),
      { numRuns: 100 },
    )
  })
})

describe('decodeGram', () => {
  test('decodes docs and the fields they hold the gram in', () => {
    const decoded = decodeGram([1, 5, 2, 1], 4)
    expect([...decoded.docs]).toEqual([1, 3])
    expect([...decoded.masks]).toEqual([5, 1])
  })

  test.each([
    ['an odd length', [1, 5, 2]],
    ['the same doc twice', [1, 5, 0, 1]],
    ['a doc beyond the segment', [1, 5, 3, 1]],
  ])('throws PostingsError for %s', (_name, flat) => {
    expect(() => decodeGram(flat, 4)).toThrow(PostingsError)
  })
})

describe('findDoc', () => {
  test('finds a doc’s index in a sorted list, or -1', () => {
    const docs = Int32Array.from([2, 5, 9, 14])
    expect([2, 5, 9, 14].map((d) => findDoc(docs, d))).toEqual([0, 1, 2, 3])
    expect([0, 3, 10, 20].map((d) => findDoc(docs, d))).toEqual([-1, -1, -1, -1])
    expect(findDoc(new Int32Array(0), 0)).toBe(-1)
  })
})
