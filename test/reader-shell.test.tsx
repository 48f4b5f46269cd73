import { describe, expect, test } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import { renderApp } from './app-harness'

const cards = () => Array.from(document.querySelectorAll<HTMLElement>('main [data-item-id]'))

/**
 * Records links the page opens by click (jsdom cannot open windows, so each is cancelled).
 * `stop` removes the listener: call it in `finally`, or later tests would still be watched.
 */
function captureOpenedLinks() {
  const opened: string[] = []
  const onClick = (e: MouseEvent) => {
    const link = (e.target as HTMLElement).closest('a')
    if (link) {
      opened.push(`${link.href} ${link.target} ${link.rel}`)
      e.preventDefault()
    }
  }
  document.addEventListener('click', onClick)
  return { opened, stop: () => document.removeEventListener('click', onClick) }
}

describe('header and preferences', () => {
  test('the theme toggle cycles system → light → dark and is remembered', async () => {
    const { user } = await renderApp('/')
    await user.click(await screen.findByRole('button', { name: '主题：跟随系统' }))
    expect(localStorage.getItem('digest-reader:theme')).toBe('light')
    expect(document.documentElement.classList.contains('dark')).toBe(false)
    await user.click(screen.getByRole('button', { name: '主题：浅色' }))
    expect(localStorage.getItem('digest-reader:theme')).toBe('dark')
    expect(document.documentElement.classList.contains('dark')).toBe(true)
    await user.click(screen.getByRole('button', { name: '主题：深色' }))
    expect(localStorage.getItem('digest-reader:theme')).toBeNull()
    expect(document.documentElement.classList.contains('dark')).toBe(false)
  })

  test('switches the UI to English and back; the content stays as written', async () => {
    const { user } = await renderApp('/')
    await screen.findByRole('heading', { level: 1, name: '时间线' })
    await user.click(screen.getByRole('button', { name: 'Switch to English' }))
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Timeline' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 1, name: 'Timeline' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Monday, Dec 22, 2025' })).toBeTruthy()
    expect(
      screen.getAllByRole('link', { name: 'View original on x.com @vista8' }).length,
    ).toBeGreaterThan(0)
    await waitFor(() => expect(document.title).toBe('Timeline · Digest Reader'))
    expect(document.documentElement.lang).toBe('en')
    await user.click(screen.getByRole('button', { name: '切换到中文' }))
    expect(screen.getByRole('heading', { level: 1, name: '时间线' })).toBeTruthy()
  })

  test('navigation links are router links and move focus to the new heading', async () => {
    const { user, router } = await renderApp('/')
    await screen.findByRole('heading', { level: 1, name: '时间线' })
    const nav = screen.getByRole('navigation', { name: '主导航' })
    expect(within(nav).getByRole('link', { name: '时间线' }).getAttribute('aria-current')).toBe(
      'page',
    )
    await user.click(within(nav).getByRole('link', { name: '分类' }))
    const h1 = await screen.findByRole('heading', { level: 1, name: '分类' })
    expect(router.state.location.pathname).toBe('/categories')
    await waitFor(() => expect(document.activeElement).toBe(h1))
    await waitFor(() => expect(document.title).toBe('分类 · Digest Reader'))
  })
})

describe('keyboard', () => {
  test('j/k move between items, o opens the focused original', async () => {
    const { user } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    await user.keyboard('j')
    expect(document.activeElement).toBe(cards()[0])
    await user.keyboard('jj')
    expect(document.activeElement).toBe(cards()[2])
    await user.keyboard('k')
    expect(document.activeElement).toBe(cards()[1])

    const links = captureOpenedLinks()
    try {
      await user.keyboard('o')
      expect(links.opened).toEqual([
        'https://x.com/dotey/status/2002465295047479548 _blank noopener noreferrer',
      ])
    } finally {
      links.stop()
    }
  })

  test('Enter on a card reached with j opens its item page', async () => {
    const { user, router } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    await user.keyboard('jj')
    const id = cards()[1]!.getAttribute('data-item-id')
    await user.keyboard('{Enter}')
    await waitFor(() => expect(router.state.location.pathname).toBe(`/items/${id}`))
  })

  test('? opens the shortcut sheet, Esc closes it and focus returns', async () => {
    const { user } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    await user.keyboard('j')
    const focused = document.activeElement
    await user.keyboard('?')
    // The sheet's code loads on first use.
    const dialog = await screen.findByRole('dialog', { name: '键盘快捷键' })
    for (const label of ['下一条', '上一条', '打开原文（新标签页）', '收藏 / 取消收藏', '搜索'])
      expect(within(dialog).getAllByText(label).length).toBeGreaterThan(0)
    // One action, one row: search lists both of its key combinations.
    const searchRow = within(dialog).getByText('搜索').parentElement!
    expect([...searchRow.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual([
      '/',
      'Ctrl',
      'K',
    ])
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(focused)
  })

  test('shortcuts are off while the dialog is open', async () => {
    const { user } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    await user.keyboard('j')
    const focused = document.activeElement
    await user.keyboard('?')
    const close = within(screen.getByRole('dialog')).getByRole('button', { name: '关闭' })
    expect(document.activeElement).toBe(close)
    const links = captureOpenedLinks()
    try {
      // Each would leave a trace if it ran: j/k move focus to a card behind the dialog, o opens
      // that card's original, b bookmarks it.
      await user.keyboard('jjkob')
      expect(document.activeElement).toBe(close)
      expect(links.opened).toEqual([])
      expect(localStorage.getItem('digest-reader:bookmarks')).toBeNull()
    } finally {
      links.stop()
    }
    await user.keyboard('{Escape}')
    expect(document.activeElement).toBe(focused)
    // Closed, the same keys work again: the checks above watched live shortcuts.
    await user.keyboard('j')
    expect(document.activeElement).toBe(cards()[1])
  })

  test('shortcuts are ignored while typing in a field', async () => {
    const { user } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    const input = document.createElement('input')
    document.querySelector('main')!.prepend(input)
    await user.click(input)
    await user.keyboard('j?')
    expect(document.activeElement).toBe(input)
    expect(input.value).toBe('j?')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  test('the skip link moves focus to the content', async () => {
    const { user } = await renderApp('/')
    await screen.findByRole('heading', { level: 1, name: '时间线' })
    await user.tab()
    const skip = screen.getByRole('link', { name: '跳到正文' })
    expect(document.activeElement).toBe(skip)
    await user.keyboard('{Enter}')
    expect(document.activeElement).toBe(screen.getByRole('main'))
  })
})
