import { describe, expect, test } from 'vitest'
import { checkedHash, persistedChecks } from './check-output.ts'
import { memoryCache } from './compile-cache.ts'
import { shortHash } from './ids.ts'
import { CONTENT_SCHEMA_VERSION } from '../src/types/content.ts'

/** JSON no head could be: the app would refuse it. */
const BAD = JSON.stringify({ schemaVersion: 'nope' })

describe('output checks kept between builds', () => {
  test('a file never checked is checked; its hash names it as shortHash would', () => {
    expect(() => checkedHash('head', BAD)).toThrow(/compiler bug: the head does not match/)
    const { checks } = persistedChecks(memoryCache(), 'v1')
    expect(() => checkedHash('head', BAD, checks)).toThrow(/compiler bug/)
    const page = JSON.stringify({ schemaVersion: CONTENT_SCHEMA_VERSION, items: [] })
    expect(checkedHash('ref page', page).slice(0, 10)).toBe(shortHash(page, 10))
  })

  test('bytes that passed in the last build with the same compiler are not parsed again', async () => {
    const cache = memoryCache()
    const first = persistedChecks(cache, 'v1')
    // Recorded as passed (as a check that passed would): the next build trusts these bytes.
    first.checks.add(shortHash(BAD, 32))
    first.keep()
    await cache.save()
    const next = persistedChecks(cache, 'v1')
    expect(() => checkedHash('head', BAD, next.checks)).not.toThrow()
    // Another compiler (its schemas are part of its version) checks everything again.
    const changed = persistedChecks(cache, 'v2')
    expect(() => checkedHash('head', BAD, changed.checks)).toThrow(/compiler bug/)
  })

  test('a build keeps only the hashes it wrote', async () => {
    const cache = memoryCache()
    const first = persistedChecks(cache, 'v1')
    first.checks.add('a')
    first.checks.add('b')
    first.keep()
    await cache.save()
    const second = persistedChecks(cache, 'v1')
    expect(second.checks.passed('a')).toBe(true)
    second.keep()
    await cache.save()
    const third = persistedChecks(cache, 'v1')
    expect(third.checks.passed('a')).toBe(true)
    expect(third.checks.passed('b')).toBe(false)
  })
})
