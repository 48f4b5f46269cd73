import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import type { DigestSummary } from '@/types/content'
import { formatSlot } from '@/lib/digest-time'
import { summariesOf } from '../pipeline/test-support'
import { chunkRequests, renderApp } from './app-harness'
import { longArchiveContent } from './content-fixtures'

const formatSlotOf = (summary: DigestSummary) => formatSlot(summary, 'zh')

/**
 * A virtual row's offset in px: React writes `translateY(…)` when it renders a row, the
 * virtualizer `translate3d(0, …, 0)` when it moves one while scrolling.
 */
function offsetOf(row: HTMLElement): string {
  const match = /translate(?:Y\((-?[\d.]+)px\)|3d\(0(?:px)?, (-?[\d.]+)px, 0(?:px)?\))/.exec(
    row.style.transform,
  )
  return match ? (match[1] ?? match[2]!) : row.style.transform
}

describe('timeline', () => {
  // A viewer far west of the digests' offset: grouping by the viewer's zone would move days.
  const zone = process.env.TZ
  beforeAll(() => {
    process.env.TZ = 'America/Los_Angeles'
  })
  afterAll(() => {
    process.env.TZ = zone
  })

  test('shows the newest digests first, by local day newest first, then newest first within it', async () => {
    // Was "grouped by day": day sections are gone with virtualization; a day heading now opens
    // each day's first row, in feed order (pipeline/assemble.ts `feedOrder`).
    const { network, content } = await renderApp('/')
    expect(await screen.findByRole('heading', { level: 1, name: '时间线' })).toBeTruthy()
    // Rows 0–6 are on screen (test/setup-dom.ts): the head's two digests and five of December's.
    await screen.findByRole('heading', { level: 3, name: '12月21日 04:00' })
    const outline = screen
      .getAllByRole('heading')
      .filter((h) => h.tagName === 'H2' || h.tagName === 'H3')
      .map((h) => `${h.tagName}:${h.textContent}`)
    // 00:30 in Beijing is 21 December for this viewer: it still belongs to the 22nd.
    expect(outline).toEqual([
      'H2:2025年12月22日 星期一',
      'H3:12月22日 04:00',
      'H3:12月22日 00:00',
      'H2:2025年12月21日 星期日',
      'H3:12月21日 20:00',
      'H3:12月21日 16:00',
      'H3:12月21日 12:00',
      'H3:12月21日 08:00',
      'H3:12月21日 04:00',
    ])
    // The head's digests come in full with it; other rows fetch their month page and chunk,
    // each file once however many rows share it.
    const head = new Set(content.head.newest.map((d) => d.id))
    const december = summariesOf(content).filter((d) => d.date.startsWith('2025-12'))
    await waitFor(() => {
      for (const file of new Set(december.map((d) => d.chunk))) {
        const needed = december.some((d) => d.chunk === file && !head.has(d.id))
        expect(network.urls.filter((u) => u.endsWith(`/data/${file}`))).toHaveLength(needed ? 1 : 0)
      }
    })
    expect(network.urls.filter((u) => u.endsWith(content.head.months[0]!.file))).toHaveLength(1)
    await waitFor(() => expect(document.title).toBe('时间线 · Digest Reader'))
  })

  test('a long feed renders the rows on screen, and fetches older months only when reached', async () => {
    // Was "loads older digests on demand" through a "load earlier digests" button: the feed is
    // now one virtual list as long as the archive, and scrolling is what reaches older months.
    const { network, content } = await renderApp('/', { content: longArchiveContent })
    await screen.findByRole('heading', { level: 3, name: '12月16日 12:00' })
    const rows = () => document.querySelectorAll('#main [data-index]').length
    expect(rows()).toBe(7)
    // Once the reader scrolls (one row down: rows 0–7 rendered), rows 8–13 are fetched ahead:
    // wait for the last of them, then nothing older than December has been asked for.
    act(() => window.scrollTo(0, 200))
    const summaries = summariesOf(content)
    await waitFor(() =>
      expect(network.urls.some((u) => u.endsWith(summaries[13]!.chunk))).toBe(true),
    )
    const older = content.head.months.filter((m) => m.month < '2025-12')
    expect(network.urls.filter((u) => older.some((m) => u.endsWith(m.file)))).toEqual([])
    expect(chunkRequests(network.urls, '2025-11') + chunkRequests(network.urls, '2025-10')).toBe(0)

    act(() => window.scrollTo(0, 1_000_000))
    expect(await screen.findByRole('heading', { level: 3, name: '10月1日 12:00' })).toBeTruthy()
    const oldest = screen.getByRole('region', { name: '10月1日 12:00' })
    // A row mounts its cards a few per frame: wait for all eleven.
    await waitFor(() =>
      expect(within(oldest).getAllByRole('heading', { level: 4 })).toHaveLength(11),
    )
    await waitFor(() => expect(chunkRequests(network.urls, '2025-10')).toBe(1))
    expect(rows()).toBeLessThan(10)
  })

  test('items show source, summary with linked terms, permalink and the original', async () => {
    await renderApp('/')
    const title = (await screen.findAllByRole('link', { name: /Codex 正式支持 Skills 机制/ }))[0]!
    const card = title.closest('article')!
    expect(card.getAttribute('data-item-id')).toMatch(/^2025-12-22-04-[0-9a-f]{8}$/)
    expect(title.getAttribute('href')).toBe(`/items/${card.getAttribute('data-item-id')}`)
    expect(within(card).getByText('x.com · @op7418')).toBeTruthy()
    const term = within(card).getByRole('link', { name: 'Skills 机制' })
    // A bold term leads to its topic (was: a search for it).
    expect(term.getAttribute('href')).toBe('/topics/Skills%20%E6%9C%BA%E5%88%B6')
    expect(term.querySelector('strong')).not.toBeNull()
    expect(within(card).getByText('$plan').tagName).toBe('CODE')
    const original = within(card).getByRole('link', { name: '在 x.com 查看原文 @op7418' })
    expect(original.getAttribute('href')).toBe('https://x.com/op7418/status/2002569225026855089')
    expect(original.getAttribute('target')).toBe('_blank')
    expect(original.getAttribute('rel')).toBe('noopener noreferrer')
    expect(card.querySelector('[lang="zh-CN"]')).not.toBeNull()
  })

  test('back from an item returns to the same rows, at the same place, of a long feed', async () => {
    const { user, router } = await renderApp('/', { content: longArchiveContent })
    await screen.findByRole('heading', { level: 3, name: '12月16日 12:00' })
    /** The rows in the page with where each sits. */
    const layout = () =>
      [...document.querySelectorAll<HTMLElement>('#main [data-index]')].map(
        (row) => `${row.dataset.index}@${offsetOf(row)}`,
      )
    // Rows 0–6 are measured (200 px each, test/setup-dom.ts): 1,400 px down, row 7 is on top.
    // Wait until they are: a row still filling in keeps its estimate, and measured once the page
    // is 1,400 px down it is above the screen, so the list moves the page up by what it shrank
    // (keeping what is on screen still), back to the top.
    await waitFor(() => {
      expect(document.querySelectorAll('#main [data-filling]')).toHaveLength(0)
      expect(layout()).toEqual(['0@0', '1@200', '2@400', '3@600', '4@800', '5@1000', '6@1200'])
    })
    act(() => window.scrollTo(0, 1400))
    // The page's position with the rows, so a failure says which of the two went wrong.
    await waitFor(() =>
      expect(`${window.scrollY}: ${layout().join(' ')}`).toMatch(/^1400: .* 13@2600/),
    )
    const before = layout()
    expect(before[0]).toBe('4@800')
    const row = screen.getByRole('region', { name: '12月14日 12:00' })
    await user.click(
      (await within(row).findAllByRole('link', { name: /Codex 正式支持 Skills 机制/ }))[0]!,
    )
    await screen.findByRole('heading', { level: 1, name: /Codex 正式支持 Skills 机制/ })
    await act(() => router.navigate(-1))
    await screen.findByRole('heading', { level: 1, name: '时间线' })
    // The list came back with the heights it had measured, so the restored position shows the
    // same rows where they were (with estimates, 1,400 px would fall inside row 0).
    await waitFor(() => expect(layout()).toEqual(before))
    expect(window.scrollY).toBe(1400)
  })

  test('a head that fails to load shows an error whose retry button recovers', async () => {
    // The timeline's loader needs the head only now (was: the newest month's chunk).
    const { user, failure } = await renderApp('/', { fail: '/data/head.' })
    const retry = await screen.findByRole('button', { name: '重试' })
    expect(screen.getByRole('heading', { level: 1, name: '内容加载失败' })).toBeTruthy()
    failure!.restore()
    await user.click(retry)
    const heading = await screen.findByRole('heading', { level: 1, name: '时间线' })
    expect((await screen.findAllByRole('article')).length).toBeGreaterThan(0)
    // The retry button is gone: focus moves to the page's heading, not back to <body>.
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })

  test('a chunk that fails shows a retry in its rows only, and retrying recovers them', async () => {
    const { user, failure, content } = await renderApp('/', { fail: '/data/chunks/2025-12-p2.' })
    const failing = summariesOf(content).filter(
      (d) => d.chunk.includes('2025-12-p2.') && !content.head.newest.some((n) => n.id === d.id),
    )
    expect(failing.length).toBeGreaterThan(0)
    const alerts = await screen.findAllByRole('alert')
    expect(alerts).toHaveLength(failing.length)
    // The head's digests are there in full meanwhile.
    const first = screen.getByRole('region', { name: '12月22日 04:00' })
    await waitFor(() => expect(within(first).getAllByRole('article')).toHaveLength(11))
    failure!.restore()
    await user.click(within(alerts[0]!).getByRole('button', { name: '重试' }))
    await waitFor(() => expect(screen.queryAllByRole('alert')).toEqual([]))
    for (const summary of failing) {
      const region = screen.getByRole('region', { name: formatSlotOf(summary) })
      await waitFor(() => expect(within(region).getAllByRole('article')).toHaveLength(11))
    }
  })
})
