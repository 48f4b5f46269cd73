import { expect, test } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ItemActionTarget } from '@/components/item-actions'
import { createBookmarkStore } from '../api/bookmark-store'
import { BookmarkStoreProvider } from '../hooks/bookmark-store-context'
import { useBookmarkShortcut } from '../hooks/use-bookmark-shortcut'
import { BookmarkToggle } from './bookmark-toggle'

const target = (n: number): ItemActionTarget => ({
  item: {
    id: `2025-12-22-04-0000000${n}`,
    title: `条目 ${n}`,
    url: 'https://x.com/a/status/1',
    text: '摘要',
  },
  digest: { id: '2025-12-22-04', date: '2025-12-22T04:08:38+08:00', title: '早报', time: 0 },
})

function Cards() {
  useBookmarkShortcut({ enabled: true })
  return (
    <>
      {[1, 2].map((n) => (
        <article key={n} data-item-id={target(n).item.id} tabIndex={-1} aria-label={`card ${n}`}>
          <BookmarkToggle {...target(n)} />
        </article>
      ))}
      <input aria-label="typing here" />
    </>
  )
}

test('the toggle flips aria-pressed and saves a snapshot of the item', async () => {
  const store = createBookmarkStore()
  render(
    <BookmarkStoreProvider store={store}>
      <BookmarkToggle {...target(1)} />
    </BookmarkStoreProvider>,
  )
  const button = screen.getByRole('button', { name: '收藏' })
  expect(button.getAttribute('aria-pressed')).toBe('false')
  await userEvent.click(button)
  expect(button.getAttribute('aria-pressed')).toBe('true')
  expect(store.getSnapshot().bookmarks).toMatchObject([
    { itemId: target(1).item.id, title: '条目 1', digestTitle: '早报', excerpt: '摘要' },
  ])
  await userEvent.click(button)
  expect(button.getAttribute('aria-pressed')).toBe('false')
  expect(store.getSnapshot().bookmarks).toEqual([])
})

test('b toggles the card holding the focus, but not while typing', async () => {
  const store = createBookmarkStore()
  render(
    <BookmarkStoreProvider store={store}>
      <Cards />
    </BookmarkStoreProvider>,
  )
  const [first, second] = screen.getAllByRole('button', { name: '收藏' })
  screen.getByRole('article', { name: 'card 2' }).focus()
  await userEvent.keyboard('b')
  expect(second.getAttribute('aria-pressed')).toBe('true')
  expect(first.getAttribute('aria-pressed')).toBe('false')

  await userEvent.click(screen.getByRole('textbox', { name: 'typing here' }))
  await userEvent.keyboard('b')
  expect(second.getAttribute('aria-pressed')).toBe('true')
  expect(store.getSnapshot().bookmarks).toHaveLength(1)

  screen.getByRole('article', { name: 'card 2' }).focus()
  await userEvent.keyboard('{Control>}b{/Control}')
  expect(second.getAttribute('aria-pressed')).toBe('true')
  await userEvent.keyboard('b')
  expect(second.getAttribute('aria-pressed')).toBe('false')
})
