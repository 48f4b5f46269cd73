import { expect, test, vi } from 'vitest'
import { act, screen } from '@testing-library/react'
import { renderApp } from './app-harness'

// Its own file: whether the page has painted is kept for the whole page's life (src/lib/use-first-paint.ts).
test('the first screen fetches only the head: rows below it wait for the first paint', async () => {
  // Frames are held here and run when the test says, so "before the first paint" is a state the
  // test controls rather than a moment it races.
  const frames: FrameRequestCallback[] = []
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback))
  const { network, content } = await renderApp('/')
  // The head's two digests are rows 0 and 1; rows 2–6 (test/setup-dom.ts) are December's others.
  await screen.findByRole('heading', { level: 3, name: '12月22日 00:00' })
  expect(network.urls).toEqual([expect.stringMatching(/\/data\/head\.[\w.]+\.json$/)])

  act(() => frames.splice(0).forEach((frame) => frame(performance.now())))
  await screen.findByRole('heading', { level: 3, name: '12月21日 04:00' })
  const december = content.head.months.find((m) => m.month === '2025-12')!
  expect(network.urls.filter((u) => u.endsWith(december.file))).toHaveLength(1)
})
