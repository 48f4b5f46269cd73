import { beforeEach, expect, test, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import { aggregatesOf, fileNames } from '../pipeline/test-support'
import { renderApp } from './app-harness'
import { longArchiveContent, testContent, twoPublisherContent } from './content-fixtures'
import { InThreadSearchWorker } from './in-thread-search-worker'

// The app keeps one search worker for the page's life (a module singleton), and the worker one
// engine per index: each test here searches an archive of its own, so no test sees another's
// fetches or cache.
beforeEach(() => {
  vi.stubGlobal('Worker', InThreadSearchWorker)
  InThreadSearchWorker.log = []
})

test('a first search fetches index pieces only: the text of its hits, never all of it', async () => {
  const { network, content } = await renderApp(`/search?q=${encodeURIComponent('融资')}`, {
    content: twoPublisherContent,
  })
  expect(await screen.findByText('共 1 条结果')).toBeTruthy()
  // jsdom's accessible names put a space around the highlight's <mark>.
  expect(await screen.findByRole('link', { name: /^一家初创公司完成\s*融资$/ })).toBeTruthy()
  const fetched = network.urls.filter((u) => u.includes('/data/search/'))
  const textShards = fileNames(content, /^search\/.*\/t\d+\.json$/)
  expect(textShards.length).toBeGreaterThan(3)
  // The one hit's shard, in the older segment; nothing of the other shards' text.
  expect(fetched.filter((u) => /\/t\d+\.json$/.test(u))).toEqual([
    expect.stringMatching(/\/search\/2025\.\w+\/t0\.json$/),
  ])
  // No chunk or month page is needed to show a result.
  expect(network.urls.filter((u) => /\/data\/(chunks|months)\//.test(u))).toEqual([])
})

test('results come a page at a time: reaching the end of one asks for the next', async () => {
  const { content, user } = await renderApp('/search?q=AI', { content: longArchiveContent })
  const status = await screen.findByText(/^共 \d+ 条结果$/)
  const total = Number(/\d+/.exec(status.textContent!)![0])
  expect(total).toBeGreaterThan(40)
  expect(content.head.itemCount).toBeGreaterThan(total)
  const searches = () =>
    InThreadSearchWorker.log.flatMap((m) => (m.kind === 'search' ? [m.request] : []))
  expect(searches()).toEqual([expect.objectContaining({ query: 'AI', offset: 0, limit: 20 })])
  // Only the cards on screen are in the page (200 px each in jsdom, test/setup-dom.ts).
  const cards = () => document.querySelectorAll('#main [data-index]')
  await waitFor(() => expect(cards()).toHaveLength(7))
  // 2,400 px down, cards 9–18 are in the page: within 5 of the page's end, so the next page is
  // asked for, once, however often the rows on screen change meanwhile.
  act(() => window.scrollTo(0, 2400))
  await waitFor(() => expect(searches().map((r) => r.offset)).toEqual([0, 20]))
  await screen.findByRole('button', { name: '显示更多' })
  expect(searches().map((r) => r.offset)).toEqual([0, 20])
  // Further down, the second page's cards are there.
  act(() => window.scrollTo(0, 5000))
  await waitFor(() => {
    const last = Number([...cards()].at(-1)!.getAttribute('data-index'))
    expect(last).toBeGreaterThanOrEqual(25)
  })
  await act(async () => window.scrollTo(0, 0))
  await waitFor(() => expect(cards()[0]?.getAttribute('data-index')).toBe('0'))
  const before = searches().length
  // The "show more" button asks for the page after.
  await user.click(screen.getByRole('button', { name: '显示更多' }))
  await waitFor(() =>
    expect(
      searches()
        .slice(before)
        .map((r) => r.offset),
    ).toEqual([40]),
  )
  // Every request carried the same query: the worker keeps its ranking between pages.
  expect(new Set(searches().map((r) => r.query))).toEqual(new Set(['AI']))
})

test('at the end of the results each next page is asked for once, up to the last', async () => {
  // A bug this found: every page was asked for twice (the second call cancelled the first).
  await renderApp('/search?q=AI', { content: longArchiveContent })
  const status = await screen.findByText(/^共 \d+ 条结果$/)
  const total = Number(/\d+/.exec(status.textContent!)![0])
  const offsets = () =>
    InThreadSearchWorker.log.flatMap((m) => (m.kind === 'search' ? [m.request.offset] : []))
  await waitFor(() => expect(document.querySelectorAll('#main [data-index]')).toHaveLength(7))
  act(() => window.scrollTo(0, 1_000_000))
  const pages = Math.ceil(total / 20)
  await waitFor(() => expect(offsets()).toHaveLength(pages))
  expect(offsets()).toEqual(Array.from({ length: pages }, (_, i) => i * 20))
  await waitFor(() => expect(screen.queryByRole('button', { name: '显示更多' })).toBeNull())
  await waitFor(() => {
    const rows = document.querySelectorAll('#main [data-index]')
    expect(Number([...rows].at(-1)!.getAttribute('data-index'))).toBe(total - 1)
  })
})

test('the empty search offers recent topics; a topic runs its search', async () => {
  const { content, user, router } = await renderApp('/search')
  const recent = aggregatesOf(content).recentTerms
  const list = (await screen.findByRole('heading', { name: '最近的话题' })).closest('section')!
  const topics = within(list)
    .getAllByRole('link')
    .map((a) => a.textContent)
  expect(topics).toEqual(recent)
  // Opening the page asked the worker to fetch what every query needs, before any query.
  await waitFor(() => expect(InThreadSearchWorker.log[0]).toMatchObject({ kind: 'warm' }))
  await user.click(within(list).getByRole('link', { name: 'RLVR' }))
  await waitFor(() => expect(router.state.location.search).toBe('?q=RLVR'))
  expect(await screen.findByText(/^共 \d+ 条结果$/)).toBeTruthy()
  expect((await screen.findAllByRole('link', { name: /Andrej Karpathy/ })).length).toBeGreaterThan(
    0,
  )
})

test('filters in the URL narrow the results: one publisher', async () => {
  // testContent is the archive of the test above; its engine is cached in the worker already.
  await testContent()
  await renderApp(`/search?q=${encodeURIComponent('模型')}&publisher=wire`, {
    content: twoPublisherContent,
  })
  expect(await screen.findByText('共 1 条结果')).toBeTruthy()
  expect(await screen.findByRole('link', { name: /^某实验室发布开源推理\s*模型$/ })).toBeTruthy()
})
