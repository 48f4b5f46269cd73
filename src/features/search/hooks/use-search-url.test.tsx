import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { describe, expect, test } from 'vitest'
import { useSearchUrl } from './use-search-url'

function Probe() {
  const { query, onSearchPage, setQuery } = useSearchUrl()
  return (
    <>
      <p>{onSearchPage ? `search page: ${query}` : `elsewhere: ${query}`}</p>
      <button type="button" onClick={() => setQuery('RLVR')}>
        search
      </button>
    </>
  )
}

function renderAt(url: string, basename?: string) {
  const router = createMemoryRouter([{ path: '*', element: <Probe /> }], {
    initialEntries: [url],
    basename,
  })
  render(<RouterProvider router={router} />)
  return router
}

describe('useSearchUrl', () => {
  test('on /search the query comes from ?q=', () => {
    renderAt('/search?q=Claude')
    expect(screen.getByText('search page: Claude')).toBeTruthy()
  })

  test('a path that merely ends in /search is not the search page', async () => {
    const router = renderAt('/categories/search?q=Claude')
    expect(screen.getByText('elsewhere:')).toBeTruthy()
    // Searching from there opens the search page as a new entry, leaving the category behind.
    await userEvent.click(screen.getByRole('button', { name: 'search' }))
    expect(router.state.location.pathname).toBe('/search')
    expect(router.state.historyAction).toBe('PUSH')
  })

  test('below a base path, the search route is matched under it', () => {
    renderAt('/reader/search?q=RLVR', '/reader')
    expect(screen.getByText('search page: RLVR')).toBeTruthy()
  })

  test('below a base path, /reader/categories/search is not the search page', () => {
    renderAt('/reader/categories/search?q=RLVR', '/reader')
    expect(screen.getByText('elsewhere:')).toBeTruthy()
  })
})
