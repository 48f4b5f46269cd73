import { describe, expect, test, vi } from 'vitest'
import type { SearchDoc } from '@/types/content'
import type { SearchRequest } from '../engine/types'
import type { WorkerReply } from './protocol'
import { createSearchServer, type Searcher } from './search-server'

const URL_A = '/data/search.a.json'

/** A data load the test resolves or fails when it chooses. */
function deferred() {
  let resolve!: (docs: SearchDoc[]) => void
  let reject!: (error: Error) => void
  const promise = new Promise<SearchDoc[]>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const engine: Searcher = {
  search: (request: SearchRequest) => ({
    query: request.query,
    total: 0,
    hits: [],
    suggestions: [],
  }),
}

function setup(loads: Promise<SearchDoc[]>[], searcher: Searcher = engine) {
  const replies: WorkerReply[] = []
  const loadDocs = vi.fn((url: string) => {
    void url
    const next = loads.shift()
    if (!next) throw new Error('unexpected load')
    return next
  })
  const receive = createSearchServer({
    loadDocs,
    buildEngine: () => searcher,
    reply: (message) => replies.push(message),
  })
  const send = (seq: number, query: string) => receive({ seq, url: URL_A, request: { query } })
  const answers = () =>
    replies.map((r) => (r.kind === 'result' ? `${r.seq}:${r.result.query}` : `${r.seq}:${r.kind}`))
  return { send, replies, answers, loadDocs }
}

describe('search worker protocol', () => {
  test('queries sent while the data loads: only the newest runs, the others are cancelled', async () => {
    const load = deferred()
    const { send, answers, replies } = setup([load.promise])
    send(1, 'R')
    send(2, 'RL')
    send(3, 'RLVR')
    expect(answers()).toEqual(['1:cancelled', '2:cancelled'])
    load.resolve([])
    await vi.waitFor(() => expect(answers()).toEqual(['1:cancelled', '2:cancelled', '3:RLVR']))
    // The first answer from a data file carries its load and build times.
    expect(replies[2]).toMatchObject({ setup: { loadMs: expect.any(Number) } })
  })

  test('a newer query supersedes an older one still queued behind a running one', async () => {
    const { send, answers } = setup([Promise.resolve([])])
    send(1, 'a')
    await vi.waitFor(() => expect(answers()).toEqual(['1:a']))
    // Both arrive in the same turn: the first is overtaken before it runs.
    send(2, 'Cl')
    send(3, 'Claude')
    await vi.waitFor(() => expect(answers()).toEqual(['1:a', '2:cancelled', '3:Claude']))
  })

  test('every query gets exactly one answer, however they interleave with the load', async () => {
    const load = deferred()
    const { send, replies } = setup([load.promise])
    for (let seq = 1; seq <= 5; seq++) send(seq, `q${seq}`)
    load.resolve([])
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

  test('a failed load answers with an error, once per query, and is loaded again next time', async () => {
    const first = deferred()
    const second = deferred()
    const { send, answers, loadDocs } = setup([first.promise, second.promise, Promise.resolve([])])
    send(1, 'RL')
    send(2, 'RLVR')
    first.reject(new Error('HTTP 503'))
    // The superseded query was already answered `cancelled`; the newest tries its own load.
    await vi.waitFor(() => expect(loadDocs).toHaveBeenCalledTimes(2))
    second.reject(new Error('HTTP 503'))
    await vi.waitFor(() => expect(answers()).toEqual(['1:cancelled', '2:error']))
    send(3, 'RLVR')
    await vi.waitFor(() => expect(answers()).toEqual(['1:cancelled', '2:error', '3:RLVR']))
    expect(loadDocs).toHaveBeenCalledTimes(3)
  })

  test('a query that throws in the engine is answered with an error, not left hanging', async () => {
    const broken: Searcher = {
      search: () => {
        throw new Error('engine bug')
      },
    }
    const { send, replies } = setup([Promise.resolve([])], broken)
    send(1, 'RLVR')
    await vi.waitFor(() =>
      expect(replies).toEqual([{ seq: 1, kind: 'error', message: 'engine bug' }]),
    )
  })
})
