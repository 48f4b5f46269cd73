import { describe, expect, test } from 'vitest'
import { makeBookmark } from '../testing/bookmark-fixtures'
import { exportFileName, parseImportFile, toExportFile } from './bookmark-file'
import { excerptOf } from './bookmark-snapshot'

describe('import files', () => {
  test('an export reads back to the same bookmarks', () => {
    const bookmarks = [makeBookmark(2, { note: '备注' }), makeBookmark(1)]
    expect(parseImportFile(toExportFile(bookmarks, new Date()))).toEqual({ ok: true, bookmarks })
  })

  test.each([
    ['invalid-json', '{"format":'],
    ['foreign', JSON.stringify({ schemaVersion: 1, digests: [] })],
    ['foreign', JSON.stringify(['a', 'b'])],
    [
      'invalid-entries',
      JSON.stringify({
        format: 'digest-reader-bookmarks',
        version: 2,
        exportedAt: '',
        bookmarks: [{ itemId: 'x' }],
      }),
    ],
    [
      'future-version',
      JSON.stringify({
        format: 'digest-reader-bookmarks',
        version: 9,
        exportedAt: '',
        bookmarks: [],
      }),
    ],
  ])('refuses %s files', (error, text) => {
    expect(parseImportFile(text)).toEqual({ ok: false, error })
  })

  test('links other than http(s) make an entry invalid', () => {
    const file = toExportFile([makeBookmark(1, { url: 'javascript:alert(1)' })], new Date())
    expect(parseImportFile(file)).toEqual({ ok: false, error: 'invalid-entries' })
  })
})

test('export file names carry the local date', () => {
  expect(exportFileName(new Date(2026, 10, 3, 23, 59))).toBe(
    'digest-reader-bookmarks-2026-11-03.json',
  )
})

test('excerpts are cut at 160 characters without splitting characters', () => {
  const long = '模型'.repeat(100) + '😀'.repeat(100)
  const cut = excerptOf(long)
  expect(Array.from(cut)).toHaveLength(160)
  expect(cut.endsWith('…')).toBe(true)
  expect(excerptOf('  short   text ')).toBe('short text')
})
