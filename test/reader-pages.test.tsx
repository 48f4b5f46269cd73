import { describe, expect, test } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { renderApp } from './app-harness'
import { testContent } from './content-fixtures'

const SEED = '2025-12-22-04'

describe('digest page', () => {
  test('numbers items as published and links to neighbouring digests', async () => {
    const { user, router } = await renderApp(`/digests/${SEED}`)
    const h1 = await screen.findByRole('heading', { level: 1 })
    expect(h1.textContent).toBe('2025.12.22.04 过去4小时全球AI发生了什么？')
    await waitFor(() => expect(document.title).toBe(`${h1.textContent} · Digest Reader`))
    const numbers = screen.getAllByRole('link', { name: /^第 \d+ 条$/ }).map((a) => a.textContent)
    expect(numbers).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])
    const nav = screen.getByRole('navigation', { name: '相邻摘要' })
    expect(within(nav).queryByRole('link', { name: /较新/ })).toBeNull()
    await user.click(within(nav).getByRole('link', { name: /较早/ }))
    expect(await screen.findByRole('heading', { level: 1, name: '凌晨摘要' })).toBeTruthy()
    expect(router.state.location.pathname).toBe('/digests/2025-12-22-00')
    // Focus follows the navigation to the new page's heading.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('凌晨摘要'))
    await act(() => router.navigate(-1))
    expect(await screen.findByRole('heading', { level: 1, name: h1.textContent! })).toBeTruthy()
  })

  test('a #item anchor highlights and focuses that item', async () => {
    const content = await testContent()
    const fifth = content.head.newest.find((d) => d.id === SEED)!.items[4]!.id
    await renderApp(`/digests/${SEED}#${fifth}`)
    await screen.findByRole('heading', { level: 1 })
    const target = document.getElementById(fifth)!
    expect(target.getAttribute('data-item-id')).toBe(fifth)
    await waitFor(() => expect(document.activeElement).toBe(target))
    expect(target.className).toContain('is-highlighted')
    expect(document.querySelectorAll('.is-highlighted')).toHaveLength(1)
  })
})

describe('item page', () => {
  test('shows the item, its digest, the original and copies its link', async () => {
    const { user } = await renderApp(`/items/${SEED}-fb0bdbd2`)
    const h1 = await screen.findByRole('heading', { level: 1 })
    expect(h1.textContent).toContain('Codex 正式支持 Skills 机制')
    await waitFor(() => expect(document.title).toContain('Codex 正式支持 Skills 机制'))
    const back = screen.getByRole('link', { name: '12月22日 04:00 摘要 · 第 5 条' })
    expect(back.getAttribute('href')).toBe(`/digests/${SEED}#${SEED}-fb0bdbd2`)
    const original = screen.getByRole('link', { name: '在 x.com 查看原文 @op7418' })
    expect(original.getAttribute('rel')).toBe('noopener noreferrer')
    await user.click(screen.getByRole('button', { name: '复制链接' }))
    expect(await screen.findByText('链接已复制')).toBeTruthy()
    // user-event installs a clipboard stand-in on navigator.clipboard.
    expect(await navigator.clipboard.readText()).toBe(
      `${window.location.origin}/items/${SEED}-fb0bdbd2`,
    )
  })
})

describe('categories', () => {
  test('lists every category with its count and opens one by its Chinese name', async () => {
    const { user, router } = await renderApp('/categories')
    await screen.findByRole('heading', { level: 1, name: '分类' })
    const link = screen.getByRole('link', { name: /模型应用/ })
    expect(link.textContent).toContain('2 期')
    expect(screen.getByRole('link', { name: /AI 发展/ }).textContent).toContain('6 期')
    await user.click(link)
    expect(await screen.findByRole('heading', { level: 1, name: '模型应用' })).toBeTruthy()
    expect(router.state.location.pathname).toBe(`/categories/${encodeURIComponent('模型应用')}`)
    // Rows mount in a background render after the page's header.
    const slots = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)
    await waitFor(() => expect(slots()).toEqual(['12月22日 04:00', '12月22日 00:00']))
  })

  test('a percent-encoded Chinese URL loads directly', async () => {
    await renderApp(`/categories/${encodeURIComponent('行业洞察')}`)
    expect(await screen.findByRole('heading', { level: 1, name: '行业洞察' })).toBeTruthy()
    await waitFor(() => expect(document.title).toBe('行业洞察 · 分类 · Digest Reader'))
  })
})

describe('not found', () => {
  test.each([
    '/no/such/page',
    '/digests/1999-01-01-00',
    `/items/${SEED}-00000000`,
    '/items/garbage',
    `/categories/${encodeURIComponent('不存在')}`,
  ])('%s shows a not-found page with a way back', async (url) => {
    const { user, router } = await renderApp(url)
    expect(await screen.findByRole('heading', { level: 1, name: '页面不存在' })).toBeTruthy()
    await waitFor(() => expect(document.title).toBe('页面不存在 · Digest Reader'))
    await user.click(screen.getByRole('link', { name: '返回时间线' }))
    expect(await screen.findByRole('heading', { level: 1, name: '时间线' })).toBeTruthy()
    expect(router.state.location.pathname).toBe('/')
  })
})
