import fc from 'fast-check'
import { EXPORT_FORMAT, MAX_EPOCH_MS, type Bookmark } from '../api/bookmark-schema'

/** Runs per property: the issue asks for at least 10,000 generated inputs each. */
export const FUZZ_RUNS = 10_000

/** Text as readers write it: any Unicode (CJK, emoji, bidi controls), sometimes empty. */
const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength })

/** A time the app itself would write (`toISOString`), anywhere in years 0000–9999. */
const time = fc
  .date({
    min: new Date('0000-01-01T00:00:00.000Z'),
    max: new Date(MAX_EPOCH_MS),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString())

/** A bookmark within every bound: what an export of this app may hold. */
export const validBookmark: fc.Arbitrary<Bookmark> = fc.record(
  {
    itemId: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    title: text(80),
    url: fc.webUrl({ validSchemes: ['http', 'https'] }),
    digestId: fc.oneof(
      fc.constant(''),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
    ),
    digestDate: fc.oneof(fc.constant(''), time),
    digestTitle: text(60),
    // Graphemes can span several code units; the bounds count code units.
    excerpt: text(100),
    savedAt: time,
    note: text(60),
    updatedAt: time,
  },
  {
    requiredKeys: [
      'itemId',
      'title',
      'digestId',
      'digestDate',
      'digestTitle',
      'excerpt',
      'savedAt',
      'note',
      'updatedAt',
    ],
  },
)

/** Values chosen to sit on or just past a bound, mixed into random JSON. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    8_640_000_000_001_000,
    MAX_EPOCH_MS,
    MAX_EPOCH_MS + 1,
    -1,
    1e308,
    0.5,
    '',
    '\uD800',
    'a\uDC00b',
    '长'.repeat(1001),
    '2026-02-30T00:00:00.000Z',
    '2026-01-01T00:00:00.123456789Z',
    '2026-01-01T00:00:00+0800',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    'javascript:alert(1)',
    'https://x.com/\u202Eevil',
    '__proto__',
    null,
    true,
    [],
    {},
  ),
  fc.jsonValue({ maxDepth: 3 }),
)

type Mutation = { path: number[]; op: 'replace' | 'delete'; value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 4 }),
  op: fc.constantFrom('replace', 'delete'),
  value: hostileValue,
})

/** Replaces or deletes the value found by following `path` (each step picks a child by index). */
function mutate(value: unknown, { path, op, value: next }: Mutation): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) {
    return op === 'delete' ? undefined : next
  }
  const keys = Object.keys(value)
  if (keys.length === 0) return op === 'delete' ? undefined : next
  const key = keys[path[0]! % keys.length]!
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...value }
  const child = mutate((value as Record<string, unknown>)[key], {
    path: path.slice(1),
    op,
    value: next,
  })
  if (child === undefined) {
    if (Array.isArray(copy)) copy.splice(Number(key), 1)
    else delete copy[key]
  } else (copy as Record<string, unknown>)[key] = child
  return copy
}

/** `value` with one to three random mutations applied. */
export const mutated = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc
    .tuple(value, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([start, mutations]) => mutations.reduce<unknown>(mutate, start))

/** The export document for some valid bookmarks, as an object. */
export const exportDocument = fc.array(validBookmark, { maxLength: 5 }).map((bookmarks) => ({
  format: EXPORT_FORMAT,
  version: 2,
  exportedAt: new Date(0).toISOString(),
  bookmarks,
}))

/** A stored version 2 document, as an object. */
export const storedDocument = fc
  .array(validBookmark, { maxLength: 5 })
  .map((bookmarks) => ({ version: 2, bookmarks }))

/** A stored version 1 document (a bare array), with save times in and out of range. */
export const storedV1Document = fc.array(
  fc.record({
    id: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), hostileValue),
    title: fc.oneof(text(40), hostileValue),
    savedAt: fc.oneof(fc.integer({ min: 0, max: MAX_EPOCH_MS }), fc.double(), hostileValue),
  }),
  { maxLength: 5 },
)
