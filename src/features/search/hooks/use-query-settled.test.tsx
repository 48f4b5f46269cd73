import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useQuerySettled } from './use-query-settled'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

const typing = (initial: string) =>
  renderHook(({ query }) => useQuerySettled(query, 150), { initialProps: { query: initial } })

describe('useQuerySettled', () => {
  test('the query a page opens with runs at once, even one character long', () => {
    expect(typing('R').result.current).toBe(true)
  })

  test('a typed one-character query waits for a pause', () => {
    const { result, rerender } = typing('')
    rerender({ query: 'R' })
    expect(result.current).toBe(false)
    act(() => vi.advanceTimersByTime(149))
    expect(result.current).toBe(false)
    act(() => vi.advanceTimersByTime(1))
    expect(result.current).toBe(true)
  })

  test('typing on before the pause skips the one-character query altogether', () => {
    const { result, rerender } = typing('')
    rerender({ query: '强' })
    act(() => vi.advanceTimersByTime(100))
    rerender({ query: '强化' })
    expect(result.current).toBe(true)
    // Deleting back to one character waits again.
    rerender({ query: '强' })
    expect(result.current).toBe(false)
    act(() => vi.advanceTimersByTime(150))
    expect(result.current).toBe(true)
  })

  test('longer and empty queries run at once', () => {
    const { result, rerender } = typing('')
    rerender({ query: 'RL' })
    expect(result.current).toBe(true)
    rerender({ query: '' })
    expect(result.current).toBe(true)
  })
})
