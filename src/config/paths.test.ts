import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { categoryFromSegment, paths } from './paths'

/** The `:name` segment a browser would route for a category link, as the router decodes it. */
function routedSegment(href: string): string {
  const { pathname } = new URL(href, 'https://reader.example')
  expect(pathname.startsWith('/categories/')).toBe(true)
  return decodeURIComponent(pathname.slice('/categories/'.length))
}

describe('category links', () => {
  test('"." and ".." keep their own segment (URL parsing drops dot segments)', () => {
    for (const name of ['.', '..', '~', '~.', '~~x', '%2e', 'AI 发展']) {
      const href = paths.category.getHref(name)
      expect(categoryFromSegment(routedSegment(href)), name).toBe(name)
    }
  })

  test('every name reads back as itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (name) => {
        const href = paths.category.getHref(name)
        expect(categoryFromSegment(routedSegment(href))).toBe(name)
      }),
      { numRuns: 2000 },
    )
  })
})
