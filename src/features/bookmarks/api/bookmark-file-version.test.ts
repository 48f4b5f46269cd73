import { expect, test, vi } from 'vitest'
import { makeBookmark } from '../testing/bookmark-fixtures'
import { parseImportFile, toExportFile } from './bookmark-file'

// A version bump in one place must carry to export files: simulate the next version.
vi.mock('./bookmark-schema', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./bookmark-schema')>()),
  BOOKMARKS_VERSION: 3,
}))

test('export files carry the current document version, not a number of their own', () => {
  expect(JSON.parse(toExportFile([makeBookmark(1)], new Date())).version).toBe(3)
})

test('only versions above the current one are refused as coming from a newer app', () => {
  const file = (version: number) =>
    JSON.stringify({ format: 'digest-reader-bookmarks', version, exportedAt: '', bookmarks: [] })
  expect(parseImportFile(file(4))).toEqual({ ok: false, error: 'future-version' })
  expect(parseImportFile(file(3))).not.toEqual({ ok: false, error: 'future-version' })
})
