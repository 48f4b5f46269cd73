import { act, fireEvent, render, screen } from '@testing-library/react'
import { createMemoryRouter, Link, RouterProvider, useLocation } from 'react-router-dom'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { archiveQueries } from '@/lib/archive/archive-queries'
import type { Head } from '@/types/content'
import { SearchBox } from './search-box'
import { searchWorker } from '../api/search-client'

vi.mock('../api/search-client', () => ({ searchWorker: { prefetch: vi.fn() } }))

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function Location() {
  const location = useLocation()
  return <output aria-label="location">{location.pathname + location.search}</output>
}

function Page() {
  return (
    <>
      <SearchBox singleKeyShortcuts />
      <Location />
      <Link to="/search?q=RLVR">RLVR</Link>
    </>
  )
}

function renderAt(url: string, { head }: { head?: Pick<Head, 'search'> } = {}) {
  const router = createMemoryRouter([{ path: '*', element: <Page /> }], { initialEntries: [url] })
  const client = new QueryClient()
  if (head) client.setQueryData(archiveQueries.head().queryKey, head as Head)
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return router
}

const box = () => screen.getByRole<HTMLInputElement>('searchbox', { name: '搜索' })
const location = () => screen.getByRole('status', { name: 'location' }).textContent
const q = () => new URLSearchParams(location()?.split('?')[1] ?? '').get('q')
/** One keystroke: the box's value grows by `letter` and React sees an input event. */
const press = (letter: string) =>
  fireEvent.change(box(), { target: { value: box().value + letter } })
const pause = (ms: number) => act(() => vi.advanceTimersByTime(ms))

describe('SearchBox', () => {
  test('fast typing keeps every letter; the URL follows after a pause, in one push from elsewhere', async () => {
    const router = renderAt('/')
    for (const letter of 'Karpaty') {
      press(letter)
      await pause(20)
    }
    expect(box().value).toBe('Karpaty')
    // Still typing: no navigation per keystroke.
    expect(location()).toBe('/')
    await pause(150)
    expect(q()).toBe('Karpaty')
    expect(router.state.historyAction).toBe('PUSH')
    expect(box().value).toBe('Karpaty')
  })

  test('a pause in typing has the worker rank the query, before the search; one letter waits longer', async () => {
    const prefetch = vi.mocked(searchWorker.prefetch)
    prefetch.mockClear()
    renderAt('/search?q=&category=AI', { head: { search: 'search/root.abc.json' } })
    press('C')
    await pause(140)
    for (const letter of 'laude') {
      press(letter)
      await pause(20)
    }
    // Typing faster than the pause: nothing yet, then the whole word once.
    expect(prefetch).not.toHaveBeenCalled()
    await pause(60)
    await vi.waitFor(() => expect(prefetch).toHaveBeenCalledTimes(1))
    expect(prefetch).toHaveBeenCalledWith('/data/search/root.abc.json', {
      query: 'Claude',
      filters: { category: 'AI' },
      offset: 0,
      limit: 20,
    })
    // One letter, then a stop: ranked after the longer pause.
    prefetch.mockClear()
    fireEvent.change(box(), { target: { value: 'G' } })
    await pause(160)
    await vi.waitFor(() => expect(prefetch).toHaveBeenCalledTimes(1))
    expect(prefetch.mock.calls[0]![1].query).toBe('G')
  })

  test('the URL catching up late never overwrites newer keystrokes', async () => {
    const router = renderAt('/search?q=x')
    press('a')
    await pause(150)
    expect(q()).toBe('xa')
    // Typing goes on while the echo of "xa" and later updates arrive.
    press('r')
    await pause(100)
    press('a')
    await pause(150)
    press('t')
    press('y')
    expect(box().value).toBe('xaraty')
    await pause(150)
    expect(q()).toBe('xaraty')
    expect(box().value).toBe('xaraty')
    expect(router.state.historyAction).toBe('REPLACE')
  })

  test('a link or back/forward sets the box from the URL', async () => {
    const router = renderAt('/search?q=Claude')
    expect(box().value).toBe('Claude')
    fireEvent.click(screen.getByRole('link', { name: 'RLVR' }))
    await pause(0)
    expect(box().value).toBe('RLVR')
    await act(() => router.navigate(-1))
    expect(box().value).toBe('Claude')
  })

  test('a pending update is dropped when the URL changes from outside', async () => {
    renderAt('/search?q=Claude')
    press('x')
    fireEvent.click(screen.getByRole('link', { name: 'RLVR' }))
    await pause(300)
    expect(box().value).toBe('RLVR')
    expect(q()).toBe('RLVR')
  })

  test('half-typed pinyin searches nothing; the composed text searches on compositionend', async () => {
    renderAt('/search')
    fireEvent.compositionStart(box())
    for (const letters of ['q', 'qi', 'qiang']) {
      fireEvent.change(box(), { target: { value: letters } })
      await pause(200)
    }
    expect(box().value).toBe('qiang')
    expect(q()).toBe(null)
    fireEvent.change(box(), { target: { value: '强' } })
    fireEvent.compositionEnd(box(), { data: '强' })
    await pause(150)
    expect(q()).toBe('强')
    expect(box().value).toBe('强')
  })

  test('Escape clears the box and the query', async () => {
    renderAt('/search?q=RLVR')
    fireEvent.keyDown(box(), { key: 'Escape' })
    expect(box().value).toBe('')
    await pause(150)
    expect(q()).toBe(null)
  })

  test('the "/" hint is not in the placeholder (phones have no keyboard)', () => {
    renderAt('/')
    expect(box().placeholder).not.toContain('/')
  })
})
