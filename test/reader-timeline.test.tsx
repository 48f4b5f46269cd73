import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { chunkRequests, renderApp } from './app-harness'

describe('timeline', () => {
  // A viewer far west of the digests' offset: grouping by the viewer's zone would move days.
  const zone = process.env.TZ
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles'
  })
  afterAll(() => {
    process.env.TZ = zone
  })

  test('shows the newest digests first, grouped by day in their own offset', async () => {
    const { network } = await renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: '时间线' })).toBeTruthy()
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(days).toEqual(['2025年12月22日 星期一', '2025年12月21日 星期日'])
    // 00:30 in Beijing is 21 December for this viewer: it still belongs to the 22nd.
    const dec22 = screen.getByRole('region', { name: '2025年12月22日 星期一' })
    const slots = within(dec22)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent)
    expect(slots).toEqual(['12月22日 04:00', '12月22日 00:00'])
    // Only the month on screen is fetched; November waits until the reader scrolls there.
    expect(chunkRequests(network.urls, '2025-12')).toBe(1)
    expect(chunkRequests(network.urls, '2025-11')).toBe(0)
    await waitFor(() => expect(document.title).toBe('时间线 · Digest Reader'))
  })

  test('loads older digests, and their month, on demand', async () => {
    const { network, user } = await renderApp('/')
    await user.click(await screen.findByRole('button', { name: '加载更早的摘要' }))
    expect(await screen.findByRole('heading', { level: 3, name: '11月30日 20:00' })).toBeTruthy()
    await waitFor(() => expect(chunkRequests(network.urls, '2025-11')).toBe(1))
    expect(
      await screen.findAllByRole('heading', { level: 4, name: /Andrej Karpathy/ }),
    ).toHaveLength(8)
    expect(screen.getByText('— 已经到底了 —')).toBeTruthy()
  })

  test('items show source, summary with linked terms, permalink and the original', async () => {
    await renderApp('/')
    const title = (await screen.findAllByRole('link', { name: /Codex 正式支持 Skills 机制/ }))[0]!
    const card = title.closest('article')!
    expect(card.getAttribute('data-item-id')).toMatch(/^2025-12-22-04-[0-9a-f]{8}$/)
    expect(title.getAttribute('href')).toBe(`/items/${card.getAttribute('data-item-id')}`)
    expect(within(card).getByText('x.com · @op7418')).toBeTruthy()
    const term = within(card).getByRole('link', { name: 'Skills 机制' })
    expect(term.getAttribute('href')).toBe('/search?q=Skills+%E6%9C%BA%E5%88%B6')
    expect(term.querySelector('strong')).not.toBeNull()
    expect(within(card).getByText('$plan').tagName).toBe('CODE')
    const original = within(card).getByRole('link', { name: '在 x.com 查看原文 @op7418' })
    expect(original.getAttribute('href')).toBe('https://x.com/op7418/status/2002569225026855089')
    expect(original.getAttribute('target')).toBe('_blank')
    expect(original.getAttribute('rel')).toBe('noopener noreferrer')
    expect(card.querySelector('[lang="zh-CN"]')).not.toBeNull()
  })

  test('a failed load shows an error whose retry button recovers', async () => {
    const { user, failure } = await renderApp('/', { fail: '/data/chunks/2025-12.' })
    const retry = await screen.findByRole('button', { name: '重试' })
    expect(screen.getByRole('heading', { level: 1, name: '内容加载失败' })).toBeTruthy()
    failure!.restore()
    await user.click(retry)
    const heading = await screen.findByRole('heading', { level: 1, name: '时间线' })
    expect(screen.getAllByRole('article').length).toBeGreaterThan(0)
    // The retry button is gone: focus moves to the page's heading, not back to <body>.
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })
})
