import { describe, expect, test } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { chunkRequests, renderApp } from './app-harness'
import { twoPublisherContent } from './content-fixtures'

const FILTER = { name: '按发布者筛选' }
const digestHeadings = () =>
  screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '')

describe('several publishers', () => {
  test('the timeline names each digest’s publisher and filters by publisher in the URL', async () => {
    const { user, router } = await renderApp('/', { content: twoPublisherContent })
    const filter = await screen.findByRole('navigation', FILTER)
    const all = within(filter).getByRole('link', { name: /全部\s*10/ })
    expect(all.getAttribute('aria-current')).toBe('page')
    // Every digest header says whose it is.
    // Rows mount in a background render after the page's header.
    const newest = await screen.findByRole('region', { name: '12月22日 04:00' })
    expect(within(newest).getByText('过去4小时全球AI')).toBeTruthy()

    await user.click(within(filter).getByRole('link', { name: /电讯速递\s*2/ }))
    await waitFor(() => expect(router.state.location.search).toBe('?publisher=wire'))
    expect(await screen.findByRole('heading', { level: 3, name: '电讯速递 10月15日' })).toBeTruthy()
    await waitFor(() =>
      expect(digestHeadings()).toEqual(['电讯速递 10月15日', '电讯周报 第 39 周']),
    )
    expect(screen.getByText(/2 期摘要 · 4 条新闻/)).toBeTruthy()
    const chosen = within(screen.getByRole('navigation', FILTER)).getByRole('link', {
      current: 'page',
    })
    expect(chosen.textContent).toMatch(/电讯速递/)
    await waitFor(() => expect(document.title).toBe('电讯速递 · 时间线 · Digest Reader'))

    await user.click(
      within(screen.getByRole('navigation', FILTER)).getByRole('link', { name: /全部/ }),
    )
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(await screen.findByRole('heading', { level: 3, name: '12月22日 04:00' })).toBeTruthy()
  })

  test('a filtered timeline fetches only the months of the digests it shows', async () => {
    const { network } = await renderApp('/?publisher=wire', { content: twoPublisherContent })
    expect(await screen.findByRole('heading', { level: 3, name: '电讯周报 第 39 周' })).toBeTruthy()
    await screen.findByRole('heading', { level: 4, name: '本周没有链接的要闻' })
    expect(chunkRequests(network.urls, 'wire-2025-10')).toBe(1)
    expect(chunkRequests(network.urls, 'wire-2025-09')).toBe(1)
    expect(chunkRequests(network.urls, '2025-12')).toBe(0)
    expect(chunkRequests(network.urls, '2025-11')).toBe(0)
  })

  test('category pages and the category list follow the chosen publisher', async () => {
    const { user, router } = await renderApp('/categories?publisher=wire', {
      content: twoPublisherContent,
    })
    const link = await screen.findByRole('link', { name: /模型应用\s*1 期/ })
    // The seed's categories that wire never uses are not listed for it.
    expect(screen.queryByRole('link', { name: /行业洞察/ })).toBeNull()
    await user.click(link)
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/categories/${encodeURIComponent('模型应用')}`),
    )
    expect(router.state.location.search).toBe('?publisher=wire')
    expect(await screen.findByRole('heading', { level: 3, name: '电讯速递 10月15日' })).toBeTruthy()
    expect(digestHeadings()).toEqual(['电讯速递 10月15日'])
    // Counts in the filter are this category's: two seed digests and one of wire's.
    const filter = screen.getByRole('navigation', FILTER)
    expect(within(filter).getByRole('link', { name: /过去4小时全球AI\s*2/ })).toBeTruthy()
    await user.click(within(filter).getByRole('link', { name: /全部\s*3/ }))
    await waitFor(() => expect(digestHeadings()).toHaveLength(3))
  })

  test('a category the chosen publisher never uses says so', async () => {
    await renderApp(`/categories/${encodeURIComponent('行业洞察')}?publisher=wire`, {
      content: twoPublisherContent,
    })
    expect(await screen.findByText('这个发布者没有归入此分类的摘要。')).toBeTruthy()
    expect(screen.queryAllByRole('heading', { level: 3 })).toHaveLength(0)
  })

  test('an item without a link shows no outbound link, on its digest and its own page', async () => {
    const { user } = await renderApp('/digests/wire-2025-09-30-00', {
      content: twoPublisherContent,
    })
    const title = await screen.findByRole('heading', { level: 2, name: '本周没有链接的要闻' })
    const card = title.closest('article')!
    expect(within(card).queryByRole('link', { name: /查看原文/ })).toBeNull()
    expect(card.querySelector('a[target="_blank"]')).toBeNull()
    expect(within(card).getByRole('link', { name: '永久链接' })).toBeTruthy()
    expect(screen.getByText('电讯速递')).toBeTruthy()
    // A day-dated digest is not given a midnight it never claimed.
    expect(screen.getByText('2025-09-30')).toBeTruthy()

    await user.click(within(card).getByRole('link', { name: '永久链接' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: '本周没有链接的要闻' }),
    ).toBeTruthy()
    expect(screen.queryByRole('link', { name: /查看原文/ })).toBeNull()
    expect(screen.getByText('电讯速递')).toBeTruthy()
  })

  test('with a single publisher there is no filter and no publisher label', async () => {
    await renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: '时间线' })).toBeTruthy()
    await screen.findAllByRole('heading', { level: 4 })
    expect(screen.queryByRole('navigation', FILTER)).toBeNull()
    expect(document.querySelector('[data-publisher]')).toBeNull()
  })
})
