import { expect, test, vi } from 'vitest'
import { makeBookmark } from '../testing/bookmark-fixtures'
import { parseImportFile, toExportFile } from './bookmark-file'

// A version bump in one place must carry to export files and to what import accepts: simulate
// the next version. Every module (the schemas included) reads the number from this one module.
vi.mock('./bookmark-version', () => ({ BOOKMARKS_VERSION: 3 }))

const file = (version: number) =>
  JSON.stringify({ format: 'digest-reader-bookmarks', version, exportedAt: '', bookmarks: [] })

test('export files carry the current document version, and import takes them back', async () => {
  const bookmarks = [makeBookmark(2), makeBookmark(1)]
  const exported = toExportFile(bookmarks, new Date())
  expect(JSON.parse(exported).version).toBe(3)
  expect(await parseImportFile(exported)).toEqual({ ok: true, bookmarks, rejected: [] })
})

test('only versions above the current one are refused as coming from a newer app', async () => {
  expect(await parseImportFile(file(4))).toEqual({ ok: false, error: 'future-version' })
  // Said positively: "anything but future-version" would also hold for a file refused as broken.
  expect(await parseImportFile(file(3))).toEqual({ ok: true, bookmarks: [], rejected: [] })
})
