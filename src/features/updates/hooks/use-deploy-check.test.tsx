import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { renderHook } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { updateCheckMs } from '../settings'
import { headFileOf, newDigestCount } from '../api/deployed-head'
import { useDeployCheck } from './use-deploy-check'
import type { Head } from '@/types/content'

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

describe('useDeployCheck', () => {
  const fetch = vi.fn(async () => new Response('<html></html>', { status: 200 }))
  beforeEach(() => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', fetch)
    fetch.mockClear()
  })
  afterEach(() => {
    setVisibility('visible')
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  test('a hidden tab asks for nothing, on the timer or on focus; back in view it checks', async () => {
    const client = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    )
    renderHook(() => useDeployCheck(), { wrapper })
    setVisibility('hidden')
    window.dispatchEvent(new Event('focus'))
    await vi.advanceTimersByTimeAsync(updateCheckMs * 3)
    expect(fetch).not.toHaveBeenCalled()
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(fetch).toHaveBeenCalledTimes(1)
    // Visible: the timer checks again.
    await vi.advanceTimersByTimeAsync(updateCheckMs)
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})

describe('what a check compares', () => {
  test('the head index.html names, and none when it names none', () => {
    const html = '<head><link rel="preload" data-digest-head="data/head.abc.json"></head>'
    expect(headFileOf(html)).toBe('data/head.abc.json')
    expect(headFileOf('<head></head>')).toBeNull()
  })

  test('new digests are the growth of the count, never negative', () => {
    const head = (digestCount: number) => ({ digestCount }) as Head
    expect(newDigestCount(head(10), head(11))).toBe(1)
    expect(newDigestCount(head(10), head(10))).toBe(0)
    expect(newDigestCount(head(10), head(9))).toBe(0)
  })
})
