import { describe, expect, test } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { renderApp } from './app-harness'

const cards = () => Array.from(document.querySelectorAll<HTMLElement>('main [data-item-id]'))
const searchBox = () => screen.getByRole('searchbox', { name: '搜索' })

/** Opens the sheet from the header button (the way that works with single keys off too). */
async function openSheet(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(screen.getByRole('button', { name: '键盘快捷键' }))
  return screen.findByRole('dialog', { name: '键盘快捷键' })
}

describe('single-key shortcuts can be turned off (WCAG 2.1.4)', () => {
  test('the switch in the shortcut sheet turns j, k, o, b, / and ? off, and is remembered', async () => {
    const { user } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    const sheet = await openSheet(user)
    const toggle = within(sheet).getByRole('switch', { name: /单键快捷键/ })
    expect((toggle as HTMLInputElement).checked).toBe(true)
    await user.click(toggle)
    expect((toggle as HTMLInputElement).checked).toBe(false)
    expect(localStorage.getItem('digest-reader:single-key-shortcuts')).toBe('off')
    // The sheet says which keys no longer work.
    const nextRow = within(sheet).getByText('下一条').parentElement!
    expect(nextRow.querySelector('del kbd')?.textContent).toBe('j')
    await user.keyboard('{Escape}')

    const start = document.activeElement
    // Each would leave a trace if it ran: focus on a card, a dialog, a bookmark, the search box.
    await user.keyboard('jjk')
    expect(cards()).not.toContain(document.activeElement)
    expect(document.activeElement).toBe(start)
    // With a card focused (by Tab or a click), o and b would act on it.
    act(() => cards()[0]!.focus())
    const opened: string[] = []
    const onClick = (e: MouseEvent) => {
      if ((e.target as HTMLElement).closest('a')) opened.push('link')
      e.preventDefault()
    }
    document.addEventListener('click', onClick)
    try {
      await user.keyboard('ob?/')
    } finally {
      document.removeEventListener('click', onClick)
    }
    expect(opened).toEqual([])
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(localStorage.getItem('digest-reader:bookmarks')).toBeNull()
    expect(document.activeElement).toBe(cards()[0])
    // What a modifier or Enter does stays: Ctrl K still reaches the search box.
    await user.keyboard('{Control>}k{/Control}')
    expect(document.activeElement).toBe(searchBox())
    expect(searchBox().getAttribute('aria-keyshortcuts')).toBe('Control+K Meta+K')
    // The footer no longer offers `?`.
    expect(screen.getByRole('contentinfo').querySelector('kbd')).toBeNull()
  })

  test('a saved "off" applies from the start; turning it back on restores every key', async () => {
    localStorage.setItem('digest-reader:single-key-shortcuts', 'off')
    const { user } = await renderApp('/digests/2025-12-22-04')
    await screen.findByRole('heading', { level: 1 })
    await user.keyboard('j')
    expect(cards()).not.toContain(document.activeElement)
    const sheet = await openSheet(user)
    await user.click(within(sheet).getByRole('switch', { name: /单键快捷键/ }))
    expect(localStorage.getItem('digest-reader:single-key-shortcuts')).toBeNull()
    await user.keyboard('{Escape}')
    await user.keyboard('j')
    expect(document.activeElement).toBe(cards()[0])
    await user.keyboard('b')
    await waitFor(() => expect(localStorage.getItem('digest-reader:bookmarks')).not.toBeNull())
    await user.keyboard('?')
    expect(screen.getByRole('dialog', { name: '键盘快捷键' })).toBeTruthy()
  })

  test('Tab stays inside the sheet, cycling between its controls', async () => {
    const { user } = await renderApp('/')
    await screen.findByRole('heading', { level: 1 })
    const sheet = await openSheet(user)
    const close = within(sheet).getByRole('button', { name: '关闭' })
    const toggle = within(sheet).getByRole('switch')
    expect(document.activeElement).toBe(close)
    await user.tab()
    expect(document.activeElement).toBe(toggle)
    await user.tab()
    expect(document.activeElement).toBe(close)
    await user.tab({ shift: true })
    expect(document.activeElement).toBe(toggle)
  })
})
