import { describe, expect, test } from 'vitest'
import { CONTENT_SCHEMA_VERSION } from '../src/types/content.ts'
import type { RefPage, RefShard, TopicsIndex } from '../src/types/topics.ts'
import type { DigestFacts } from './topic-facts.ts'
import { buildTopicFiles, INLINE_REFS, OLDER_PAGE } from './topics-build.ts'
import { outputChecker } from './check-output.ts'
import { memoryCache } from './compile-cache.ts'

const HOUR = 3_600_000

/** `count` digests of one item each naming RLVR, newest first, the newest `count` hours after 0. */
function archive(count: number): DigestFacts[] {
  return Array.from({ length: count }, (_, i) => {
    const n = count - 1 - i
    return {
      time: Date.UTC(2025, 0, 1) + n * HOUR,
      offsetMinutes: 480,
      items: [
        { id: `d${n}-i`, title: `第 ${n} 条`, label: '', terms: ['RLVR'], pairs: [], stories: [] },
      ],
    }
  })
}

/** The RLVR list as written, and its older pages' files by name. */
function rlvrList(digests: DigestFacts[]) {
  const { files, index } = buildTopicFiles(digests, [])
  const byName = new Map(files)
  const topicsIndex = JSON.parse(byName.get(index)!.text()) as TopicsIndex
  const list = topicsIndex.topicShards
    .map((name) => (JSON.parse(byName.get(name)!.text()) as RefShard).lists)
    .flatMap((lists) => Object.values(lists))
    .find((l) => l.name === 'RLVR')!
  const pages = list.older.map((name) => (JSON.parse(byName.get(name)!.text()) as RefPage).items)
  return { list, pages }
}

describe('a topic list’s older pages', () => {
  test('hold every older item once, newest first, in pages counted from the oldest item', () => {
    const total = INLINE_REFS + 2 * OLDER_PAGE + 500
    const { list, pages } = rlvrList(archive(total))
    expect(list.items).toHaveLength(INLINE_REFS)
    expect(pages.map((p) => p.length)).toEqual([500, OLDER_PAGE, OLDER_PAGE])
    const ids = [...list.items, ...pages.flat()].map((ref) => ref[0])
    expect(ids).toEqual(archive(total).map((d) => d.items[0]!.id))
  })

  test('a new item changes only the newest page: the full pages keep their names', () => {
    const total = INLINE_REFS + 2 * OLDER_PAGE + 500
    const before = rlvrList(archive(total)).list.older
    const after = rlvrList(archive(total + 1)).list.older
    expect(after).toHaveLength(3)
    expect(after[0]).not.toBe(before[0])
    expect(after.slice(1)).toEqual(before.slice(1))
  })

  test('older items that fill whole pages leave no empty page', () => {
    const { pages } = rlvrList(archive(INLINE_REFS + 2 * OLDER_PAGE))
    expect(pages.map((p) => p.length)).toEqual([OLDER_PAGE, OLDER_PAGE])
    expect(rlvrList(archive(INLINE_REFS)).list.older).toEqual([])
  })
})

describe('the output check', () => {
  test('a file checked under the same name by an earlier run is not parsed again', () => {
    const first = outputChecker()
    expect(() => first.check('ref page', '{"bad": true}', 'topics/o-1.json')).toThrow(
      /compiler bug: the ref page does not match/,
    )
    first.check(
      'ref page',
      JSON.stringify({ schemaVersion: CONTENT_SCHEMA_VERSION, items: [] }),
      'topics/o-2.json',
    )
    const next = outputChecker(first.names())
    // The name vouches for bytes checked before (the name hashes them); a new name is checked.
    expect(() => next.check('ref page', 'not even JSON', 'topics/o-2.json')).not.toThrow()
    expect(() => next.check('ref page', 'not even JSON', 'topics/o-3.json')).toThrow()
    // Only what passed is vouched for next time.
    expect(next.names()).toEqual(['topics/o-2.json'])
  })
})

describe('older pages from the cache', () => {
  const total = INLINE_REFS + 3 * OLDER_PAGE + 10
  /**
   * Periods of 500 digests counted from the oldest (so a new digest changes only the newest, a
   * partial one), newest first, each printed by its digests' ids and titles as assemble's are.
   */
  const periodsOf = (digests: DigestFacts[]) => {
    const out = []
    for (let at = 0, size = digests.length % 500 || 500; at < digests.length; size = 500) {
      const slice = digests.slice(at, (at += size))
      out.push({
        digests: slice.length,
        print: slice.map((d) => d.items[0]!.id + d.items[0]!.title).join(),
      })
    }
    return out
  }
  /** A cache that counts what it found. */
  const countingCache = () => {
    const cache = memoryCache()
    let hits = 0
    return {
      cache: {
        ...cache,
        lookup<T>(kind: string, print: string) {
          const found = cache.lookup<T>(kind, print)
          if (found !== undefined && kind === 'ref-page') hits++
          return found
        },
      },
      hits: () => hits,
    }
  }
  const textsOf = (digests: DigestFacts[], options: Parameters<typeof buildTopicFiles>[2]) =>
    buildTopicFiles(digests, [], options).files.map(([name, body]) => [name, body.text()])

  test('a build after one new digest takes the full pages from the cache: the bytes of a cold build', () => {
    const { cache, hits } = countingCache()
    const before = archive(total)
    textsOf(before, { cache, periods: periodsOf(before) })
    expect(hits()).toBe(0)
    const after = archive(total + 1)
    const warm = textsOf(after, { cache, periods: periodsOf(after) })
    expect(hits()).toBeGreaterThan(0)
    expect(warm).toEqual(textsOf(after, {}))
  })

  test('an edited old digest (its period’s print changed) is written again, not taken from the cache', () => {
    const { cache, hits } = countingCache()
    const digests = archive(total)
    textsOf(digests, { cache, periods: periodsOf(digests) })
    // The oldest digest's title changes: its period's print with it, as assemble's would.
    const edited = digests.map((d, i) =>
      i === digests.length - 1 ? { ...d, items: [{ ...d.items[0]!, title: '改过的标题' }] } : d,
    )
    const warm = textsOf(edited, { cache, periods: periodsOf(edited) })
    expect(warm).toEqual(textsOf(edited, {}))
    expect(JSON.stringify(warm)).toContain('改过的标题')
    expect(hits()).toBeGreaterThan(0)
  })
})
