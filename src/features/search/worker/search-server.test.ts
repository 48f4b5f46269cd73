import { describe, expect, test, vi } from 'vitest'
import type { SearchRequest, SearchResult } from '../engine/types'
import type { WorkerReply } from './protocol'
import { createSearchServer, type Searcher } from './search-server'

const URL_A = '/data/search/root.a.json'

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: Error) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const answer = (request: SearchRequest): SearchResult => ({
  query: request.query,
  total: 0,
  offset: 0,
  hits: [],
  suggestions: [],
})

/** An engine that answers at once (asynchronously, as the sharded engine does). */
const engine = (): Searcher => ({
  search: async (request) => answer(request),
  warm: async () => undefined,
  prefetch: async () => undefined,
})

/** The server with `openIndex` answering from `opens` in turn; replies recorded in order. */
function setup(opens: Promise<Searcher>[]) {
  const replies: WorkerReply[] = []
  const openIndex = vi.fn((url: string) => {
    void url
    const next = opens.shift()
    if (!next) throw new Error('unexpected open')
    return next
  })
  const receive = createSearchServer({ openIndex, reply: (message) => replies.push(message) })
  const send = (seq: number, query: string) =>
    receive({ kind: 'search', seq, url: URL_A, request: { query } })
  const warm = () => receive({ kind: 'warm', url: URL_A })
  const prefetch = (query: string) => receive({ kind: 'prefetch', url: URL_A, request: { query } })
  const answers = () =>
    replies.map((r) => (r.kind === 'result' ? `${r.seq}:${r.result.query}` : `${r.seq}:${r.kind}`))
  return { send, warm, prefetch, replies, answers, openIndex }
}

describe('search worker protocol', () => {
  test('queries sent while the index opens: only the newest runs, the others are cancelled', async () => {
    const open = deferred<Searcher>()
    const { send, answers, replies } = setup([open.promise])
    send(1, 'R')
    send(2, 'RL')
    send(3, 'RLVR')
    expect(answers()).toEqual(['1:cancelled', '2:cancelled'])
    open.resolve(engine())
    await vi.waitFor(() => expect(answers()).toEqual(['1:cancelled', '2:cancelled', '3:RLVR']))
    // The first answer from an index carries how long opening it took.
    expect(replies[2]).toMatchObject({ setup: { loadMs: expect.any(Number) } })
  })

  test('a newer query supersedes an older one still queued behind a running one', async () => {
    const { send, answers, replies } = setup([Promise.resolve(engine())])
    send(1, 'a')
    await vi.waitFor(() => expect(answers()).toEqual(['1:a']))
    // Both arrive in the same turn: the first is overtaken before it runs.
    send(2, 'Cl')
    send(3, 'Claude')
    await vi.waitFor(() => expect(answers()).toEqual(['1:a', '2:cancelled', '3:Claude']))
    // Only the first answer from an index says how long opening it took.
    expect(replies[2]).toMatchObject({ kind: 'result', setup: undefined })
  })

  test('a query that has started runs to its end; one sent meanwhile runs after it', async () => {
    // New with the sharded engine: a search awaits its fetches, so queries can overlap it.
    const running = deferred<SearchResult>()
    const search = vi.fn((request: SearchRequest) =>
      request.query === 'slow' ? running.promise : Promise.resolve(answer(request)),
    )
    const { send, answers } = setup([Promise.resolve({ ...engine(), search })])
    send(1, 'slow')
    await vi.waitFor(() => expect(search).toHaveBeenCalledTimes(1))
    send(2, 'Cl')
    send(3, 'Claude')
    // The newer of the two overtook the other; the running one is not cancelled.
    expect(answers()).toEqual(['2:cancelled'])
    running.resolve(answer({ query: 'slow' }))
    await vi.waitFor(() => expect(answers()).toEqual(['2:cancelled', '1:slow', '3:Claude']))
  })

  test('every query gets exactly one answer, however they interleave with the load', async () => {
    const open = deferred<Searcher>()
    const { send, replies } = setup([open.promise])
    for (let seq = 1; seq <= 5; seq++) send(seq, `q${seq}`)
    open.resolve(engine())
    await vi.waitFor(() => expect(replies).toHaveLength(5))
    for (let seq = 6; seq <= 12; seq++) {
      send(seq, `q${seq}`)
      if (seq % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 0))
    }
    await vi.waitFor(() => expect(replies.some((r) => r.seq === 12)).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 10))
    const seqs = replies.map((r) => r.seq).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
    expect(replies.find((r) => r.seq === 12)?.kind).toBe('result')
  })

  test('a failed open answers with an error, once per query, and is opened again next time', async () => {
    const first = deferred<Searcher>()
    const second = deferred<Searcher>()
    const { send, answers, openIndex } = setup([
      first.promise,
      second.promise,
      Promise.resolve(engine()),
    ])
    send(1, 'RL')
    send(2, 'RLVR')
    first.reject(new Error('HTTP 503'))
    // The superseded query was already answered `cancelled`; the newest tries its own open.
    await vi.waitFor(() => expect(openIndex).toHaveBeenCalledTimes(2))
    second.reject(new Error('HTTP 503'))
    await vi.waitFor(() => expect(answers()).toEqual(['1:cancelled', '2:error']))
    send(3, 'RLVR')
    await vi.waitFor(() => expect(answers()).toEqual(['1:cancelled', '2:error', '3:RLVR']))
    expect(openIndex).toHaveBeenCalledTimes(3)
  })

  test('a query that throws in the engine is answered with an error, not left hanging', async () => {
    const broken: Searcher = {
      ...engine(),
      search: () => Promise.reject(new Error('engine bug')),
    }
    const { send, replies } = setup([Promise.resolve(broken)])
    send(1, 'RLVR')
    await vi.waitFor(() =>
      expect(replies).toEqual([{ seq: 1, kind: 'error', message: 'engine bug' }]),
    )
    // A shard that failed to load fails that query only: the next one is answered.
    broken.search = async (request) => answer(request)
    send(2, 'RLVR')
    await vi.waitFor(() => expect(replies.at(-1)).toMatchObject({ seq: 2, kind: 'result' }))
  })

  test('warming opens the index once and warms it, with no reply; the next query reuses it', async () => {
    const warmed = vi.fn(async () => undefined)
    const { send, warm, answers, openIndex } = setup([
      Promise.resolve({ ...engine(), warm: warmed }),
    ])
    warm()
    await vi.waitFor(() => expect(warmed).toHaveBeenCalledTimes(1))
    expect(answers()).toEqual([])
    send(1, 'RLVR')
    await vi.waitFor(() => expect(answers()).toEqual(['1:RLVR']))
    expect(openIndex).toHaveBeenCalledTimes(1)
  })

  test('a failed warm-up is silent and forgotten: the first query opens the index again', async () => {
    const failedWarm: Searcher = { ...engine(), warm: () => Promise.reject(new Error('shard 404')) }
    const first = setup([Promise.reject(new Error('HTTP 503')), Promise.resolve(engine())])
    first.warm()
    await vi.waitFor(() => expect(first.openIndex).toHaveBeenCalledTimes(1))
    await new Promise((resolve) => setTimeout(resolve, 0))
    first.send(1, 'RLVR')
    await vi.waitFor(() => expect(first.answers()).toEqual(['1:RLVR']))
    expect(first.openIndex).toHaveBeenCalledTimes(2)
    // An index that opened but failed to warm stays open and answers.
    const second = setup([Promise.resolve(failedWarm)])
    second.warm()
    second.send(1, 'RLVR')
    await vi.waitFor(() => expect(second.answers()).toEqual(['1:RLVR']))
    expect(second.openIndex).toHaveBeenCalledTimes(1)
  })
})

describe('prefetching while the reader types', () => {
  test('one prefetch runs at a time and the newest waiting one runs next; none is answered', async () => {
    const running = deferred<void>()
    const ranked: string[] = []
    const prefetchFn = vi.fn(async (request: SearchRequest) => {
      ranked.push(request.query)
      if (request.query === 'Cl') await running.promise
    })
    const { prefetch, replies } = setup([Promise.resolve({ ...engine(), prefetch: prefetchFn })])
    prefetch('Cl')
    await vi.waitFor(() => expect(ranked).toEqual(['Cl']))
    prefetch('Cla')
    prefetch('Claude')
    running.resolve()
    await vi.waitFor(() => expect(ranked).toEqual(['Cl', 'Claude']))
    expect(replies).toEqual([])
  })

  test('a search drops the prefetch waiting behind a running one, and is answered', async () => {
    const running = deferred<void>()
    const ranked: string[] = []
    const prefetchFn = vi.fn(async (request: SearchRequest) => {
      ranked.push(request.query)
      await running.promise
    })
    const { prefetch, send, answers } = setup([
      Promise.resolve({ ...engine(), prefetch: prefetchFn }),
    ])
    prefetch('Cl')
    await vi.waitFor(() => expect(ranked).toEqual(['Cl']))
    prefetch('Claude')
    send(1, 'Claude')
    await vi.waitFor(() => expect(answers()).toEqual(['1:Claude']))
    running.resolve()
    // The server's loop resumes before this test does (it awaited the same promise first).
    await prefetchFn.mock.results[0]!.value
    prefetch('Gemini')
    await vi.waitFor(() => expect(ranked).toEqual(['Cl', 'Gemini']))
  })
})
