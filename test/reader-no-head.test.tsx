import { expect, test, vi } from 'vitest'
import { screen, within } from '@testing-library/react'
import { renderApp } from './app-harness'

// A page whose index.html does not name the head (served by something other than the app's
// build): the virtual module finds no link.
vi.mock('virtual:digest-content', () => ({ headFile: null }))

test('without the head link the app explains the failure instead of guessing', async () => {
  const { network } = await renderApp('/')
  const alert = await screen.findByRole('alert')
  expect(within(alert).getByRole('heading', { level: 1, name: '内容加载失败' })).toBeTruthy()
  expect(within(alert).getByText('index.html does not name the digest head')).toBeTruthy()
  // Nothing is guessed: no head, month, chunk or index file is asked for.
  expect(network.urls).toEqual([])
})
