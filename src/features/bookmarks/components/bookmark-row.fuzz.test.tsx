import fc from 'fast-check'
import { cleanup, render } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { MemoryRouter } from 'react-router-dom'
import { STORAGE_KEY, createBookmarkStore } from '../api/bookmark-store'
import { mutated, storedDocument, storedV1Document } from '../testing/bookmark-arbitraries'
import { memoryStorage } from '../testing/bookmark-fixtures'
import { BookmarkRow } from './bookmark-row'

vi.setConfig({ testTimeout: 30_000 })

// Rendering is slower than reading, so fewer runs here: the 10,000-run properties over stored
// data are in bookmark-store.fuzz.test.ts; this one checks that whatever they accept renders.
test('every bookmark the store accepts from damaged data renders, with only safe links', () => {
  const storage = memoryStorage()
  fc.assert(
    fc.property(mutated(fc.oneof(storedDocument, storedV1Document)), (data) => {
      storage.clear()
      storage.setItem(STORAGE_KEY, JSON.stringify(data) ?? '')
      const { bookmarks } = createBookmarkStore({ storage: () => storage }).getSnapshot()
      for (const bookmark of bookmarks) {
        const { container } = render(
          <MemoryRouter>
            <ol>
              <BookmarkRow
                bookmark={bookmark}
                archive={{ status: 'unknown' }}
                onNote={() => {}}
                onRemove={() => {}}
              />
            </ol>
          </MemoryRouter>,
        )
        for (const link of container.querySelectorAll('a')) {
          expect(link.getAttribute('href')).toMatch(/^(\/(items|digests)\/|https?:\/\/)/i)
        }
        cleanup()
      }
    }),
    { numRuns: 300 },
  )
})
