import { expect, test, vi } from 'vitest'
import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router-dom'
import { STORAGE_KEY, createBookmarkStore, type BookmarkStore } from '../api/bookmark-store'
import { BookmarkStoreProvider } from '../hooks/bookmark-store-context'
import { makeBookmark } from '../testing/bookmark-fixtures'
import { BookmarkToggle } from './bookmark-toggle'
import { BookmarksNavLink } from './bookmarks-nav-link'

function renderHeader(store: BookmarkStore, children?: ReactNode) {
  return render(
    <MemoryRouter>
      <BookmarkStoreProvider store={store}>
        <BookmarksNavLink singleKeyShortcuts />
        {children}
      </BookmarkStoreProvider>
    </MemoryRouter>,
  )
}

const announcement = () => screen.getByRole('status').textContent

test('the header link hosts the b shortcut, so it works on any page that shows the header', async () => {
  const store = createBookmarkStore()
  const b = makeBookmark(1)
  const target = {
    item: { id: b.itemId, title: b.title, url: b.url, text: b.excerpt },
    digest: { id: b.digestId, date: b.digestDate, title: b.digestTitle, time: 0 },
  }
  renderHeader(
    store,
    <article data-item-id={b.itemId} tabIndex={-1} aria-label="card">
      <BookmarkToggle {...target} />
    </article>,
  )
  screen.getByRole('article', { name: 'card' }).focus()
  await userEvent.keyboard('b')
  expect(store.getSnapshot().bookmarks.map((x) => x.itemId)).toEqual([b.itemId])
  expect(screen.getByRole('link', { name: /收藏/ }).textContent).toBe('收藏1 条')
})

test('storage trouble is announced from every page: unsaved changes', () => {
  const store = createBookmarkStore()
  renderHeader(store)
  expect(announcement()).toBe('')
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  act(() => store.add(makeBookmark(1)))
  expect(announcement()).toContain('收藏未能保存到浏览器')
})

test('storage trouble is announced from every page: unreadable data', () => {
  localStorage.setItem(STORAGE_KEY, '{oops')
  renderHeader(createBookmarkStore())
  expect(announcement()).toContain('已保存的收藏无法读取')
  expect(screen.getByRole('status').getAttribute('aria-live')).toBe('polite')
})
