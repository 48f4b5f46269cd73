import { describe, expect, test } from 'vitest'
import type { SearchResult } from '../engine/types'
import type { ClientMessage, SearchMessage, WorkerReply } from '../worker/protocol'
import { createSearchClient, SearchWorkerError, type WorkerLike } from './search-client'

/** A stand-in for the browser's Worker: records messages, and lets the test reply or fail. */
class FakeWorker {
  onmessage: WorkerLike['onmessage'] = null
  onerror: WorkerLike['onerror'] = null
  onmessageerror: WorkerLike['onmessageerror'] = null
  /** Every message posted; `posted` the queries among them (warm-ups get no reply). */
  messages: ClientMessage[] = []
  get posted(): SearchMessage[] {
    return this.messages.filter((m): m is SearchMessage => m.kind === 'search')
  }
  terminated = false
  postMessage(message: ClientMessage) {
    this.messages.push(message)
  }
  terminate() {
    this.terminated = true
  }
  reply(data: WorkerReply) {
    this.onmessage?.call(this as unknown as Worker, new MessageEvent('message', { data }))
  }
  /** What the browser fires when the worker script fails to load (a plain, cancelable Event). */
  failToLoad() {
    const event = new Event('error', { cancelable: true })
    this.onerror?.call(this as unknown as Worker, event as ErrorEvent)
    return event
  }
}

function setup() {
  const workers: FakeWorker[] = []
  const client = createSearchClient(() => {
    const worker = new FakeWorker()
    workers.push(worker)
    return worker as unknown as WorkerLike
  })
  return { workers, search: client.search, warm: client.warm }
}

const result = (query: string): SearchResult => ({
  query,
  total: 0,
  offset: 0,
  hits: [],
  suggestions: [],
})
const ok = (seq: number, query: string): WorkerReply => ({
  seq,
  kind: 'result',
  result: result(query),
  ms: 1,
})

/** An AbortSignal that counts its listeners, to see that settled requests let go of it. */
function countingSignal() {
  const controller = new AbortController()
  const signal = controller.signal
  let listeners = 0
  const add = signal.addEventListener.bind(signal)
  const remove = signal.removeEventListener.bind(signal)
  signal.addEventListener = (...args: Parameters<typeof add>) => {
    listeners++
    add(...args)
  }
  signal.removeEventListener = (...args: Parameters<typeof remove>) => {
    listeners--
    remove(...args)
  }
  return { controller, signal, listeners: () => listeners }
}

describe('search client', () => {
  test('creates one worker on first use and matches replies by sequence number', async () => {
    const { workers, search } = setup()
    const first = search('/data/search/root.a.json', { query: 'RLVR' })
    const second = search('/data/search/root.a.json', { query: 'Claude' })
    expect(workers).toHaveLength(1)
    const [a, b] = workers[0].posted
    workers[0].reply(ok(b.seq, 'Claude'))
    workers[0].reply({ seq: a.seq, kind: 'cancelled' })
    await expect(second).resolves.toEqual(result('Claude'))
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('a worker that fails to load rejects every waiting query; the next query starts afresh', async () => {
    const { workers, search } = setup()
    const waiting = [
      search('/data/search/root.a.json', { query: 'RLVR' }),
      search('/data/search/root.a.json', { query: 'RLV' }),
    ]
    const event = workers[0].failToLoad()
    for (const request of waiting) {
      await expect(request).rejects.toBeInstanceOf(SearchWorkerError)
    }
    expect(event.defaultPrevented).toBe(true)
    expect(workers[0].terminated).toBe(true)

    // "Retry": a fresh worker, which answers.
    const retry = search('/data/search/root.a.json', { query: 'RLVR' })
    expect(workers).toHaveLength(2)
    workers[1].reply(ok(workers[1].posted[0].seq, 'RLVR'))
    await expect(retry).resolves.toEqual(result('RLVR'))
  })

  test('an uncaught exception in the worker carries its message', async () => {
    const { workers, search } = setup()
    const waiting = search('/data/search/root.a.json', { query: 'RLVR' })
    const event = new ErrorEvent('error', { message: 'boom', cancelable: true })
    workers[0].onerror?.call(workers[0] as unknown as Worker, event)
    await expect(waiting).rejects.toThrow(/search worker failed: boom/)
  })

  test('an unreadable reply fails the waiting queries instead of leaving them hanging', async () => {
    const { workers, search } = setup()
    const waiting = search('/data/search/root.a.json', { query: 'RLVR' })
    workers[0].onmessageerror?.call(
      workers[0] as unknown as Worker,
      new MessageEvent('messageerror'),
    )
    await expect(waiting).rejects.toBeInstanceOf(SearchWorkerError)
  })

  test('an error reply (failed data load) rejects that query and keeps the worker', async () => {
    const { workers, search } = setup()
    const waiting = search('/data/search/root.a.json', { query: 'RLVR' })
    workers[0].reply({ seq: workers[0].posted[0].seq, kind: 'error', message: 'HTTP 503' })
    await expect(waiting).rejects.toThrow('HTTP 503')
    expect(workers[0].terminated).toBe(false)
  })

  test('aborting rejects at once; settled requests remove their abort listener', async () => {
    const { workers, search } = setup()
    const aborted = countingSignal()
    const request = search('/data/search/root.a.json', { query: 'RLVR' }, aborted.signal)
    aborted.controller.abort()
    await expect(request).rejects.toMatchObject({ name: 'AbortError' })
    // A late reply to an aborted query is ignored.
    workers[0].reply(ok(workers[0].posted[0].seq, 'RLVR'))

    const answered = countingSignal()
    const done = search('/data/search/root.a.json', { query: 'Claude' }, answered.signal)
    expect(answered.listeners()).toBe(1)
    workers[0].reply(ok(workers[0].posted[1].seq, 'Claude'))
    await expect(done).resolves.toEqual(result('Claude'))
    expect(answered.listeners()).toBe(0)

    const failed = countingSignal()
    const lost = search('/data/search/root.a.json', { query: 'Karpathy' }, failed.signal)
    workers[0].failToLoad()
    await expect(lost).rejects.toBeInstanceOf(SearchWorkerError)
    expect(failed.listeners()).toBe(0)
  })

  test('an already aborted signal posts nothing', async () => {
    const { workers, search } = setup()
    await expect(
      search('/data/search/root.a.json', { query: 'RLVR' }, AbortSignal.abort()),
    ).rejects.toMatchObject({ name: 'AbortError' })
    expect(workers).toHaveLength(0)
  })

  test('queries are posted as `search` messages with the index URL and the request', () => {
    const { workers, search } = setup()
    void search('/data/search/root.a.json', { query: 'RLVR', offset: 20, limit: 20 }).catch(
      () => undefined,
    )
    expect(workers[0].messages).toEqual([
      {
        kind: 'search',
        seq: expect.any(Number),
        url: '/data/search/root.a.json',
        request: { query: 'RLVR', offset: 20, limit: 20 },
      },
    ])
  })

  test('warm posts a `warm` message on the same worker the queries then use', async () => {
    const { workers, search, warm } = setup()
    warm('/data/search/root.a.json')
    expect(workers).toHaveLength(1)
    expect(workers[0].messages).toEqual([{ kind: 'warm', url: '/data/search/root.a.json' }])
    const answered = search('/data/search/root.a.json', { query: 'RLVR' })
    expect(workers).toHaveLength(1)
    workers[0].reply(ok(workers[0].posted[0].seq, 'RLVR'))
    await expect(answered).resolves.toEqual(result('RLVR'))
  })

  test('a worker that cannot start makes warm a no-op and the query the one that fails', async () => {
    let spawns = 0
    const client = createSearchClient(() => {
      spawns++
      throw new Error('Worker is not defined')
    })
    expect(() => client.warm('/data/search/root.a.json')).not.toThrow()
    await expect(client.search('/data/search/root.a.json', { query: 'RLVR' })).rejects.toThrow(
      'Worker is not defined',
    )
    expect(spawns).toBe(2)
  })
})
