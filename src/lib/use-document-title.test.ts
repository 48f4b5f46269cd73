import { expect, test } from 'vitest'
import { plainTitle } from './use-document-title'

test('bidi controls are removed from page titles; other text stays', () => {
  expect(plainTitle('Evil \u202etitle')).toBe('Evil title')
  expect(plainTitle('\u2067a\u2069\u200f\u061cb\u202a\u202bc\u202c\u200e')).toBe('abc')
  expect(plainTitle('过去4小时 · “RLVR” עברית')).toBe('过去4小时 · “RLVR” עברית')
})
