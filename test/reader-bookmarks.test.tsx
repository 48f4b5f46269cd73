import { expect, test } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import type { Digest, Item } from '@/types/content'
import { createBookmarkStore } from '@/features/bookmarks/api/bookmark-store'
import { makeBookmark } from '@/features/bookmarks/testing/bookmark-fixtures'
import { digestsOf } from '../pipeline/test-support'
import { chunkRequests, renderApp } from './app-harness'
import { testContent } from './content-fixtures'

/** A bookmark of a real item whose snapshot is stale: the page should show the current title. */
const bookmarkOf = (n: number, { item, digest }: { item: Item; digest: Digest }) =>
  makeBookmark(n, {
    itemId: item.id,
    title: `旧标题 ${n}`,
    url: item.url,
    digestId: digest.id,
    digestTitle: digest.title,
    digestDate: digest.date,
  })

test('bookmarks resolve against the archive row by row, fetching only what the rows on screen need', async () => {
  // New with the virtual list: each row on screen looks its item up (archiveQueries.item), so a
  // long list does not fetch the months and chunks of every bookmark.
  const digests = digestsOf(await testContent())
  const items = (d: Digest) => d.items.map((item) => ({ item, digest: d }))
  const december = digests.filter((d) => d.date.startsWith('2025-12')).flatMap(items)
  const november = digests.find((d) => d.date.startsWith('2025-11'))!
  const store = createBookmarkStore()
  // Newest first: a head item, a removed one, 28 more of December's, and November's last.
  store.add(bookmarkOf(100, december[0]!))
  store.add(makeBookmark(99, { itemId: '2025-12-22-04-deadbeef', title: '已删除的条目' }))
  december.slice(-28).forEach((entry, i) => store.add(bookmarkOf(98 - i, entry)))
  store.add(bookmarkOf(1, items(november)[0]!))

  const { network } = await renderApp('/bookmarks')
  const list = await screen.findByRole('list', { name: '收藏列表' })
  expect(await within(list).findByRole('link', { name: december[0]!.item.title })).toBeTruthy()
  const removed = within(list).getByText('已删除的条目').closest('[role="listitem"]')!
  expect(within(removed as HTMLElement).getByText('已不在存档中')).toBeTruthy()
  // Row 6, from a December chunk, resolves too; November's row, far below, is not looked up.
  const sixth = december.at(-28 + 4)!.item.title
  await waitFor(() => expect(within(list).getAllByRole('link', { name: sixth }).length).toBe(1))
  expect(within(list).queryByText(/旧标题/)).toBeNull()
  expect(chunkRequests(network.urls, '2025-11')).toBe(0)
  expect(network.urls.some((u) => u.includes('/data/months/2025-11'))).toBe(false)

  act(() => window.scrollTo(0, 1_000_000))
  const last = items(november)[0]!.item.title
  await waitFor(() => expect(within(list).getAllByRole('link', { name: last }).length).toBe(1))
  // The row shows its saved title at once; looking it up in the archive fetches its chunk.
  await waitFor(() => expect(chunkRequests(network.urls, '2025-11')).toBe(1))
  expect(within(list).getAllByRole('listitem').length).toBeLessThan(10)
})
