import { expect, test } from 'vitest'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router-dom'
import { STORAGE_KEY, createBookmarkStore } from '../api/bookmark-store'
import { BookmarkStoreProvider } from '../hooks/bookmark-store-context'
import { makeBookmark } from '../testing/bookmark-fixtures'
import type { UseArchiveStatus } from '../types/archive-lookup'
import { BookmarksNavLink } from './bookmarks-nav-link'
import { BookmarksPage } from './bookmarks-page'

const unknown: UseArchiveStatus = () => ({ status: 'unknown' })
const OUT_OF_RANGE = 8_640_000_000_001_000
const v1 = JSON.stringify([
  { id: '2025-12-22-04-aaaa1111', title: '好的', savedAt: Date.UTC(2025, 11, 23) },
  { id: '2025-12-22-04-bbbb2222', title: '坏的', savedAt: OUT_OF_RANGE },
])

const inRouter = (children: ReactNode) => <MemoryRouter>{children}</MemoryRouter>
const listed = () =>
  within(screen.getByRole('list', { name: '收藏列表' }))
    .getAllByRole('heading')
    .map((h) => h.textContent)

test('a stored value out of range no longer breaks the page that creates the store', () => {
  localStorage.setItem(STORAGE_KEY, v1)
  // No provider: the app's own store is created during this render, as on a real page load.
  render(
    inRouter(
      <>
        <BookmarksNavLink singleKeyShortcuts />
        <BookmarksPage useArchiveStatus={unknown} />
      </>,
    ),
  )
  expect(listed()).toEqual(['好的'])
  expect(screen.getByText(/1 条收藏无法读取，已另行保留/)).toBeTruthy()
  expect(screen.getByText(/坏的/)).toBeTruthy()
  expect(screen.getByRole('button', { name: '下载备份' })).toBeTruthy()
  // The header announces it on every page, not only here.
  expect(
    screen
      .getAllByRole('status')
      .map((s) => s.textContent)
      .join(' '),
  ).toMatch(/1 条已保存的收藏无法读取/)
})

test('an id no URL can encode is set aside instead of crashing the row', () => {
  localStorage.setItem(
    STORAGE_KEY,
    JSON.stringify({
      version: 2,
      bookmarks: [makeBookmark(1), makeBookmark(2, { itemId: 'a-\uDC00' })],
    }),
  )
  render(
    inRouter(
      <BookmarkStoreProvider store={createBookmarkStore()}>
        <BookmarksPage useArchiveStatus={unknown} />
      </BookmarkStoreProvider>,
    ),
  )
  expect(listed()).toEqual(['条目 1'])
  expect(screen.getByText(/1 条收藏无法读取，已另行保留/)).toBeTruthy()
})

test("another tab's out-of-range value shows up as set aside; the page keeps working", () => {
  const store = createBookmarkStore()
  store.add(makeBookmark(1))
  render(
    inRouter(
      <BookmarkStoreProvider store={store}>
        <BookmarksPage useArchiveStatus={unknown} />
      </BookmarkStoreProvider>,
    ),
  )
  act(() => {
    localStorage.setItem(STORAGE_KEY, v1)
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }))
  })
  expect(listed()).toEqual(['好的'])
  expect(screen.getByText(/1 条收藏无法读取，已另行保留/)).toBeTruthy()
})

test('an import file with an out-of-range value imports the rest and names what it skipped', async () => {
  const store = createBookmarkStore()
  render(
    inRouter(
      <BookmarkStoreProvider store={store}>
        <BookmarksPage useArchiveStatus={unknown} />
      </BookmarkStoreProvider>,
    ),
  )
  await userEvent.upload(
    screen.getByLabelText('导入收藏文件'),
    new File([v1], 'old.json', { type: 'application/json' }),
  )
  expect(await screen.findByText(/新增 1 条，更新 0 条/)).toBeTruthy()
  expect(screen.getByText(/文件中第 2 条无法读取，已跳过（savedAt）/)).toBeTruthy()
  expect(store.getSnapshot().bookmarks.map((b) => b.title)).toEqual(['好的'])
})
