import * as v from 'valibot'
import fc from 'fast-check'
import { describe, expect, test, vi } from 'vitest'
import {
  FUZZ_RUNS,
  exportDocument,
  hostileValue,
  mutated,
  storedDocument,
  storedV1Document,
  validBookmark,
} from '../testing/bookmark-arbitraries'
import { parseImportFile, toExportFile, type ImportParse } from './bookmark-file'
import { bookmarkSchema } from './bookmark-schema'

const ERRORS = [
  'invalid-json',
  'foreign',
  'invalid-entries',
  'future-version',
  'too-large',
  'too-many',
]

/**
 * What any input must give: a known error, or usable bookmarks (each within the schema's bounds)
 * plus the entries skipped, each named once by its position; nothing is lost without a report.
 */
function expectClearOutcome(result: ImportParse, entries: unknown) {
  if (!result.ok) {
    expect(ERRORS).toContain(result.error)
    return
  }
  for (const bookmark of result.bookmarks)
    expect(v.safeParse(bookmarkSchema, bookmark).success).toBe(true)
  const positions = result.rejected.map((r) => r.index)
  expect(new Set(positions).size).toBe(positions.length)
  if (Array.isArray(entries)) {
    expect(result.bookmarks.length + result.rejected.length).toBe(entries.length)
    for (const index of positions) expect(index).toBeLessThan(entries.length)
  }
}

const entriesOf = (data: unknown) =>
  Array.isArray(data) ? data : (data as { bookmarks?: unknown } | null)?.bookmarks

// Ten thousand runs take a few seconds, more on a busy shared machine than the 5 s default.
vi.setConfig({ testTimeout: 30_000 })

describe(`import files, ${FUZZ_RUNS} generated inputs per property`, () => {
  test('a valid export round-trips: every bookmark back, nothing skipped', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validBookmark, { maxLength: 5 }), async (bookmarks) => {
        const result = await parseImportFile(toExportFile(bookmarks, new Date(0)))
        expect(result).toEqual({ ok: true, bookmarks, rejected: [] })
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('mutated exports and stored documents: a clear error or per-entry degradation', async () => {
    const document = fc.oneof(exportDocument, storedDocument, storedV1Document)
    await fc.assert(
      fc.asyncProperty(mutated(document), async (data) => {
        const result = await parseImportFile(JSON.stringify(data) ?? 'undefined')
        expectClearOutcome(result, entriesOf(data))
      }),
      { numRuns: FUZZ_RUNS },
    )
  })

  test('random JSON and random text never throw and never reject', async () => {
    const input = fc.oneof(
      hostileValue.map((value) => JSON.stringify(value) ?? ''),
      fc.string({ unit: 'binary', maxLength: 200 }),
    )
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        expectClearOutcome(await parseImportFile(text), undefined)
      }),
      { numRuns: FUZZ_RUNS },
    )
  })
})
