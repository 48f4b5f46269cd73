import { afterEach, describe, expect, test } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { setLanguage } from '@/lib/i18n'
import { renderApp } from './app-harness'
import { summariesOf } from '../pipeline/test-support'
import { twoPublisherContent } from './content-fixtures'

const SEED = '2025-12-22-04'
const FILTER = { name: '按发布者筛选' }
const wireIds = async () =>
  summariesOf(await twoPublisherContent())
    .filter((d) => d.publisher === 'wire')
    .map((d) => d.id)

describe('digest page', () => {
  test('a malformed #fragment still shows the digest', async () => {
    await renderApp(`/digests/${SEED}#%E0`)
    const h1 = await screen.findByRole('heading', { level: 1 })
    expect(h1.textContent).toContain('过去4小时全球AI')
    expect(document.querySelectorAll('.is-highlighted')).toHaveLength(0)
  })

  test('previous/next stay within the publisher and name slot and title', async () => {
    const [newer, older] = await wireIds()
    const { user, router } = await renderApp(`/digests/${newer}`, { content: twoPublisherContent })
    await screen.findByRole('heading', { level: 1, name: '电讯速递 10月15日' })
    const nav = screen.getByRole('navigation', { name: '相邻摘要' })
    // The seed's digests are newer, but they are another publisher's.
    expect(within(nav).queryByRole('link', { name: /较新/ })).toBeNull()
    const prev = within(nav).getByRole('link', { name: /较早/ })
    expect(prev.textContent).toContain('9月30日')
    expect(prev.textContent).toContain('电讯周报 第 39 周')
    await user.click(prev)
    await waitFor(() => expect(router.state.location.pathname).toBe(`/digests/${older}`))
    await screen.findByRole('heading', { level: 1, name: '电讯周报 第 39 周' })
    const back = within(screen.getByRole('navigation', { name: '相邻摘要' })).getByRole('link', {
      name: /较新/,
    })
    expect(back.textContent).toContain('电讯速递 10月15日')
    expect(screen.queryByRole('link', { name: /较早/ })).toBeNull()
  })

  test('the seed’s older neighbour is its own publisher’s, labelled with its title', async () => {
    await renderApp(`/digests/${SEED}`, { content: twoPublisherContent })
    await screen.findByRole('heading', { level: 1 })
    const nav = screen.getByRole('navigation', { name: '相邻摘要' })
    const prev = within(nav).getByRole('link', { name: /较早/ })
    expect(prev.getAttribute('href')).toBe('/digests/2025-12-22-00')
    expect(prev.textContent).toContain('12月22日 00:00')
    expect(prev.textContent).toContain('凌晨摘要')
  })
})

describe('category page', () => {
  test('marks the chip of the open category, and no other', async () => {
    await renderApp(`/categories/${encodeURIComponent('模型应用')}`)
    await screen.findByRole('heading', { level: 1, name: '模型应用' })
    await screen.findAllByRole('heading', { level: 4 })
    // The header's "分类" tab is current too; the chips live in the page itself.
    const current = within(screen.getByRole('main')).getAllByRole('link', { current: 'page' })
    expect(current.length).toBeGreaterThan(0)
    for (const chip of current) expect(chip.textContent).toBe('模型应用')
    const other = screen.getAllByRole('link', { name: 'AI 发展' })[0]!
    expect(other.getAttribute('aria-current')).toBeNull()
  })

  test('the publisher filter links keep the category path', async () => {
    await renderApp(`/categories/${encodeURIComponent('模型应用')}?publisher=wire`, {
      content: twoPublisherContent,
    })
    const filter = await screen.findByRole('navigation', FILTER)
    expect(within(filter).getByRole('link', { name: /全部/ }).getAttribute('href')).toBe(
      `/categories/${encodeURIComponent('模型应用')}`,
    )
    expect(
      within(filter)
        .getByRole('link', { name: /电讯速递/ })
        .getAttribute('href'),
    ).toBe(`/categories/${encodeURIComponent('模型应用')}?publisher=wire`)
  })
})

describe('English', () => {
  afterEach(() => act(() => setLanguage('zh')))

  test('counts of one are singular', async () => {
    act(() => setLanguage('en'))
    await renderApp('/categories?publisher=wire', { content: twoPublisherContent })
    expect(await screen.findByRole('heading', { level: 1, name: 'Categories' })).toBeTruthy()
    expect(screen.getByText('1 category')).toBeTruthy()
    expect(screen.getByRole('link', { name: /模型应用\s*1 digest$/ })).toBeTruthy()
  })

  test('a category page of one digest says so', async () => {
    act(() => setLanguage('en'))
    await renderApp(`/categories/${encodeURIComponent('模型应用')}?publisher=wire`, {
      content: twoPublisherContent,
    })
    expect(await screen.findByText('1 digest · newest first')).toBeTruthy()
    expect(await screen.findByText('2 items')).toBeTruthy()
  })
})
