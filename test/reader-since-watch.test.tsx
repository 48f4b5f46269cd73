import * as v from 'valibot'
import { afterEach, describe, expect, test } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { headSchema } from '@/types/content'
import { resetDefaultStores } from '@/features/reading-state/hooks/reading-state-context'
import { renderApp } from './app-harness'
import { testContent } from './content-fixtures'

const VISIT_KEY = 'digest-reader:reading-state'
const WATCH_KEY = 'digest-reader:watch-list'

/** A new visit (new tab session) after an earlier one left `values` in localStorage. */
function earlierVisitLeft(values: Record<string, unknown>) {
  localStorage.clear()
  sessionStorage.clear()
  for (const [key, value] of Object.entries(values))
    localStorage.setItem(key, JSON.stringify(value))
  resetDefaultStores()
}

async function head() {
  return v.parse(headSchema, JSON.parse((await testContent()).headJson))
}

afterEach(() => {
  localStorage.clear()
  sessionStorage.clear()
  resetDefaultStores()
})

describe('since the last visit', () => {
  test('a first visit shows neither marker nor count', async () => {
    earlierVisitLeft({})
    await renderApp('/')
    await screen.findAllByRole('article')
    expect(screen.queryByTestId('since-marker')).toBeNull()
    expect(screen.queryByTestId('new-since-count')).toBeNull()
  })

  test('the marker opens the first row seen before, the header counts the new items', async () => {
    const { newest } = await head()
    const [first, second] = newest
    earlierVisitLeft({ [VISIT_KEY]: { version: 1, seenThrough: second!.time, readThrough: null } })
    const { user } = await renderApp('/')
    const marker = await screen.findByTestId('since-marker')
    // The marker is in the second row, above the digest the last visit saw.
    const row = marker.closest('[data-index]')!
    expect(row.getAttribute('data-index')).toBe('1')
    expect(within(row as HTMLElement).getAllByRole('heading', { level: 3 })[0]!.id).toBe(
      `digest-${second!.id}`,
    )
    const nav = screen.getByRole('navigation', { name: '主导航' })
    expect(within(nav).getByTestId('new-since-count').textContent).toBe(
      `${first!.itemCount} 条新内容`,
    )
    await user.click(screen.getByRole('button', { name: '全部标为已读' }))
    await waitFor(() => expect(screen.queryByTestId('since-marker')).toBeNull())
    expect(screen.queryByTestId('new-since-count')).toBeNull()
  })
})

describe('watch list', () => {
  test('an item new for a watched term gets a badge; older ones do not', async () => {
    const { newest } = await head()
    const [first, second] = newest
    const term = first!.items[0]!.terms[0]!
    earlierVisitLeft({
      [WATCH_KEY]: {
        version: 1,
        watches: [{ term, kind: 'search', seenThrough: second!.time, addedAt: 0 }],
      },
    })
    await renderApp('/')
    const badges = await screen.findAllByTestId('watch-badge')
    for (const badge of badges)
      expect(badge.closest('article')!.getAttribute('data-item-id')!.startsWith(first!.id)).toBe(
        true,
      )
    expect(badges[0]!.textContent).toBe(`关注：${term}`)
  })

  test('an unreadable watch list is kept and reported on the watch page, which still works', async () => {
    earlierVisitLeft({})
    localStorage.setItem(WATCH_KEY, '{"version":1,"watches":[{"term":""}]')
    resetDefaultStores()
    await renderApp('/watch')
    await screen.findByText(/已保存的关注列表无法读取/)
    expect(localStorage.getItem(WATCH_KEY)).toBe('{"version":1,"watches":[{"term":""}]')
    expect(screen.getByText('还没有关注任何内容。')).toBeTruthy()
  })
})
