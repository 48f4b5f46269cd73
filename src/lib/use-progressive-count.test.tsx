import { afterEach, expect, test, vi } from 'vitest'
import { act, renderHook } from '@testing-library/react'
import { useProgressiveCount } from './use-progressive-count'

// Frames run when the test says, so each step is a state the test sets rather than a race.
const frames = new Map<number, FrameRequestCallback>()
let lastFrame = 0
const runFrame = () =>
  act(() => {
    const due = [...frames.values()]
    frames.clear()
    for (const frame of due) frame(performance.now())
  })
afterEach(() => {
  frames.clear()
  vi.unstubAllGlobals()
})
const holdFrames = () => {
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(++lastFrame, callback)
    return lastFrame
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id))
}

test('shows the first entries at once, then a few more each frame, until all are there', () => {
  holdFrames()
  const { result } = renderHook(() => useProgressiveCount(20, { first: 8, perFrame: 5 }))
  expect(result.current).toBe(8)
  runFrame()
  expect(result.current).toBe(13)
  runFrame()
  expect(result.current).toBe(18)
  runFrame()
  expect(result.current).toBe(20)
  // Done: nothing more is scheduled.
  expect(frames.size).toBe(0)
})

test('entries that arrive later start from the first ones; a short list is shown whole', () => {
  holdFrames()
  const { result, rerender } = renderHook(
    ({ total }) => useProgressiveCount(total, { first: 8, perFrame: 6 }),
    { initialProps: { total: 0 } },
  )
  expect(result.current).toBe(0)
  expect(frames.size).toBe(0)
  rerender({ total: 35 })
  expect(result.current).toBe(8)
  rerender({ total: 5 })
  expect(result.current).toBe(5)
  expect(frames.size).toBe(0)
})
