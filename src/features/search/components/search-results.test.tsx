import { render, screen, within } from '@testing-library/react'
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { afterEach, describe, expect, test } from 'vitest'
import { setLanguage } from '@/lib/i18n'
import type { Aggregates, Head, SearchDoc } from '@/types/content'
import type { HitDigest, SearchResult } from '../engine/types'
import { SearchFilters, SOURCE_OPTIONS } from './search-filters'
import { SearchResults } from './search-results'

afterEach(() => setLanguage('zh'))

const digest: HitDigest = {
  id: '2025-12-22-04',
  publisher: 'ai-4h',
  title: 'AI 摘要',
  date: '2025-12-22T04:00:00+08:00',
  time: Date.parse('2025-12-22T04:00:00+08:00'),
  offsetMinutes: 480,
}
const doc: SearchDoc = {
  id: '2025-12-22-04-0123abcd',
  digestId: digest.id,
  publisher: 'ai-4h',
  time: digest.time,
  title: 'Andrej Karpathy 2025 年 LLM 回顾',
  url: 'https://x.com/karpathy/status/1',
  text: '可验证奖励强化学习（RLVR）成为新阶段',
  terms: ['RLVR'],
  categories: ['模型应用'],
  handle: 'karpathy',
  host: 'x.com',
}
const result: SearchResult = {
  query: 'RLVR',
  total: 1,
  offset: 0,
  hits: [
    {
      doc,
      digest,
      exact: true,
      titleRanges: [],
      snippet: { text: doc.text, ranges: [[8, 12]], cutStart: false, cutEnd: false },
      termRanges: [],
    },
  ],
  suggestions: [],
}

function renderInRouter(element: React.ReactNode) {
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: ['/search'] })
  render(<RouterProvider router={router} />)
}

/** A settled one-page infinite query, as the search page hands it over. */
function settled(pages: SearchResult[]) {
  return {
    data: { pages, pageParams: pages.map((p) => p.offset) },
    isPending: false,
    isError: false,
    isPlaceholderData: false,
    hasNextPage: false,
    isFetchingNextPage: false,
    fetchNextPage: () => Promise.reject(new Error('no next page')),
    refetch: () => Promise.reject(new Error('not expected')),
  } as unknown as UseInfiniteQueryResult<InfiniteData<SearchResult>>
}

function renderResults(publishers: Map<string, string>) {
  renderInRouter(
    <SearchResults search={settled([result])} publishers={publishers} historyKey="search:test" />,
  )
}

describe('search results', () => {
  test('one result is "1 result" in English', () => {
    setLanguage('en')
    renderResults(new Map())
    expect(screen.getByRole('status').textContent).toBe('1 result')
  })

  test('a card shows the year, the publisher when there are several, and marks Chinese content', () => {
    renderResults(new Map([['ai-4h', 'AI 四小时']]))
    const card = screen.getByRole('article')
    expect(card.getAttribute('data-item-id')).toBe(doc.id)
    expect(card.tabIndex).toBe(-1)
    expect(within(card).getByText('2025年12月22日 04:00')).toBeTruthy()
    expect(within(card).getByText('AI 四小时')).toBeTruthy()
    expect(within(card).getByRole('heading').getAttribute('lang')).toBe('zh-CN')
    expect(card.querySelector('mark')?.closest('[lang]')?.getAttribute('lang')).toBe('zh-CN')
    // `o` opens the focused card's original: the link carries the marker it looks for.
    const original = card.querySelector('a[data-original-link]')
    expect(original?.getAttribute('href')).toBe(doc.url)
  })

  test('a single publisher is not named on every card', () => {
    renderResults(new Map())
    expect(screen.queryByText('AI 四小时')).toBeNull()
  })
})

describe('search filters', () => {
  const head = { publishers: [] } as unknown as Head
  const aggregates = {
    categories: [{ name: '模型应用', count: 3, months: {} }],
    sources: Array.from({ length: 875 }, (_, n) => ({ name: `@user${n}`, count: 1000 - n })),
  } as unknown as Aggregates

  test('the source menu lists the most frequent sources plus the selected one, with units', () => {
    renderInRouter(
      <SearchFilters
        head={head}
        aggregates={aggregates}
        filters={{ source: '@user800' }}
        onChange={() => {}}
      />,
    )
    const source = screen.getByRole('combobox', { name: '来源' })
    const options = within(source).getAllByRole('option')
    // "All", the top sources, and the selected rare one.
    expect(options).toHaveLength(SOURCE_OPTIONS + 2)
    expect(options[1].textContent).toBe('@user0 · 1000 条')
    expect((source as HTMLSelectElement).value).toBe('@user800')
    const category = screen.getByRole('combobox', { name: '分类' })
    expect(within(category).getAllByRole('option')[1].textContent).toBe('模型应用 · 3 期')
  })
})
