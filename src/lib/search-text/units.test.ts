import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { fold } from './normalize'
import {
  FIELD_BASE,
  fieldOf,
  gramsOf,
  hashUnit,
  isIndexable,
  segmentsOf,
  shardOf,
  visitUnits,
} from './units'

/** What the index counts as part of a Latin word (folded text: lower case). */
const WORD_CHAR = /[0-9a-z\u00c0-\u024f-]/u

/** Every unit visited, as `word:token@position` / `char:c@position`, in order. */
function units(text: string, options: { base: number; limit?: number }): string[] {
  const out: string[] = []
  visitUnits(text, options, {
    word: (token, at) => out.push(`word:${token}@${at}`),
    char: (char, at) => out.push(`char:${char}@${at}`),
  })
  return out
}

describe('visitUnits', () => {
  test('Latin words whole, every other character alone; spaces and separators skipped', () => {
    expect(units('claude code，模型、gpt-5.1; x', { base: 0 })).toEqual([
      'word:claude@0',
      'word:code@7',
      'char:模@12',
      'char:型@13',
      'word:gpt-5@15',
      'char:.@20',
      'word:1@21',
      'word:x@24',
    ])
  })

  test('positions start at the field’s base, and stop at the limit', () => {
    expect(units('ab 模型', { base: FIELD_BASE[2] })).toEqual([
      `word:ab@${FIELD_BASE[2]}`,
      `char:模@${FIELD_BASE[2] + 3}`,
      `char:型@${FIELD_BASE[2] + 4}`,
    ])
    // A word running past the limit is indexed up to it.
    expect(units('abcdef 模', { base: FIELD_BASE[1], limit: 4 })).toEqual([
      `word:abcd@${FIELD_BASE[1]}`,
    ])
  })

  test('covers every indexable character once, in order, words maximal (property)', () => {
    const alphabet = [...'aZ9-é 模型。，、;\t.Ｋ（']
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((c) => fold(c.join(''))),
        (text) => {
          const covered: number[] = []
          let lastEnd = -1
          visitUnits(
            text,
            { base: 0 },
            {
              word: (token, at) => {
                expect(text.slice(at, at + token.length)).toBe(token)
                expect(WORD_CHAR.test(text[at - 1] ?? ' ')).toBe(false)
                expect(WORD_CHAR.test(text[at + token.length] ?? ' ')).toBe(false)
                expect(at).toBeGreaterThan(lastEnd - 1)
                lastEnd = at + token.length
                for (let i = at; i < lastEnd; i++) covered.push(i)
              },
              char: (char, at) => {
                expect(text[at]).toBe(char)
                expect(at).toBeGreaterThan(lastEnd - 1)
                lastEnd = at + 1
                covered.push(at)
              },
            },
          )
          const indexable = Array.from({ length: text.length }, (_, i) => i).filter((i) =>
            isIndexable(text[i]!),
          )
          expect(covered).toEqual(indexable)
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('segmentsOf', () => {
  test('cuts a query word as the index cut the text', () => {
    expect(segmentsOf('gpt-5模型')).toEqual([
      { kind: 'latin', text: 'gpt-5', offset: 0 },
      { kind: 'char', text: '模', offset: 5 },
      { kind: 'char', text: '型', offset: 6 },
    ])
    expect(segmentsOf('(rlvr)')).toEqual([
      { kind: 'char', text: '(', offset: 0 },
      { kind: 'latin', text: 'rlvr', offset: 1 },
      { kind: 'char', text: ')', offset: 5 },
    ])
    expect(segmentsOf('')).toEqual([])
  })

  test('whatever a word is cut into, the pieces rebuild it at their offsets (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9\-模型。(.Ｋ]{1,20}$/u).map(fold), (word) => {
        let rebuilt = ''
        for (const s of segmentsOf(word)) {
          expect(s.offset).toBe(rebuilt.length)
          rebuilt += s.text
        }
        expect(rebuilt).toBe(word)
      }),
      { numRuns: 200 },
    )
  })
})

describe('the rest of the index’s cutting', () => {
  test('isIndexable: no whitespace or separators, not empty', () => {
    expect(['rlvr', '模型', 'gpt-5.1', '（'].every(isIndexable)).toBe(true)
    expect(['', 'a b', 'a,b', '模、型', 'a；b', '\u0001a'].some(isIndexable)).toBe(false)
  })

  test('gramsOf: each one- and two-letter gram once', () => {
    expect(gramsOf('abab')).toEqual(['a', 'ab', 'b', 'ba'])
  })

  test('fieldOf: positions say their field', () => {
    expect(
      [0, FIELD_BASE[1] - 1, FIELD_BASE[1], FIELD_BASE[2] - 1, FIELD_BASE[2]].map(fieldOf),
    ).toEqual([0, 0, 1, 1, 2])
  })

  test('hashUnit is 32-bit FNV-1a, so the compiler and the worker pick the same shard', () => {
    expect(hashUnit('')).toBe(0x811c9dc5)
    expect(hashUnit('a')).toBe(0xe40c292c)
    expect(hashUnit('foobar')).toBe(0xbf9cf968)
    expect(shardOf('foobar', 7)).toBe(0xbf9cf968 % 7)
  })
})
