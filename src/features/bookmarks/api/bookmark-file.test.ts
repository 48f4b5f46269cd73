import { describe, expect, test } from 'vitest'
import { makeBookmark } from '../testing/bookmark-fixtures'
import { IMPORT_LIMITS, parseImportFile, toExportFile } from './bookmark-file'
import { excerptOf } from './bookmark-snapshot'

const exportOf = (bookmarks: unknown[], version = 2) =>
  JSON.stringify({ format: 'digest-reader-bookmarks', version, exportedAt: '', bookmarks })

describe('import files', () => {
  test('an export reads back to the same bookmarks', async () => {
    const bookmarks = [makeBookmark(2, { note: '备注' }), makeBookmark(1)]
    expect(await parseImportFile(toExportFile(bookmarks, new Date()))).toEqual({
      ok: true,
      bookmarks,
      rejected: [],
    })
  })

  test.each([
    ['invalid-json', '{"format":'],
    ['foreign', JSON.stringify({ schemaVersion: 1, digests: [] })],
    ['foreign', JSON.stringify(['a', 'b'])],
    ['invalid-entries', exportOf([{ itemId: 'x' }])],
    ['invalid-entries', JSON.stringify({ format: 'digest-reader-bookmarks', version: 2 })],
    ['future-version', exportOf([], 9)],
    ['future-version', JSON.stringify({ version: 3, bookmarks: [] })],
  ])('refuses %s files', async (error, text) => {
    expect(await parseImportFile(text)).toMatchObject({ ok: false, error })
  })

  test('links other than http(s) make an entry invalid', async () => {
    const file = toExportFile([makeBookmark(1, { url: 'javascript:alert(1)' })], new Date())
    expect(await parseImportFile(file)).toEqual({
      ok: false,
      error: 'invalid-entries',
      rejected: [{ index: 0, title: '条目 1', fields: ['url'] }],
    })
  })

  test('the usable entries of a file are read; the others are named, not dropped silently', async () => {
    const file = exportOf([makeBookmark(1), 'text', makeBookmark(3, { savedAt: 'yesterday' })])
    expect(await parseImportFile(file)).toEqual({
      ok: true,
      bookmarks: [makeBookmark(1)],
      rejected: [
        { index: 1, title: null, fields: [] },
        { index: 2, title: '条目 3', fields: ['savedAt'] },
      ],
    })
  })

  test('more bookmarks than the limit: refused before any entry is read, with the count', async () => {
    const many = Array.from({ length: IMPORT_LIMITS.bookmarks + 1 }, () => 0)
    expect(await parseImportFile(exportOf(many))).toEqual({
      ok: false,
      error: 'too-many',
      count: IMPORT_LIMITS.bookmarks + 1,
    })
    expect(await parseImportFile(' '.repeat(IMPORT_LIMITS.bytes + 1))).toEqual({
      ok: false,
      error: 'too-large',
    })
  })

  test('a long list is read in slices that hand the thread back, reporting progress', async () => {
    const bookmarks = Array.from({ length: 3000 }, (_, i) => makeBookmark(1, { itemId: `d-${i}` }))
    const seen: number[] = []
    let ticks = 0
    const ticker = setInterval(() => ticks++, 0)
    const parsed = await parseImportFile(toExportFile(bookmarks, new Date()), {
      budgetMs: 1,
      onProgress: (done) => seen.push(done),
    })
    clearInterval(ticker)
    expect(parsed).toMatchObject({ ok: true, rejected: [] })
    // Timers ran while the entries were read: the work was not one blocking task.
    expect(ticks).toBeGreaterThan(0)
    expect(seen.length).toBeGreaterThan(1)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-1)).toBe(3000)
  })
})

test('excerpts are cut at 160 characters without splitting characters', () => {
  const long = '模型'.repeat(100) + '😀'.repeat(100)
  const cut = excerptOf(long)
  expect(Array.from(cut)).toHaveLength(160)
  expect(cut.endsWith('…')).toBe(true)
  expect(excerptOf('  short   text ')).toBe('short text')
})
