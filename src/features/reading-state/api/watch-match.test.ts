import { describe, expect, test } from 'vitest'
import { queryWords } from '@/lib/search-text/normalize'
import { matchesTerm, prepareWatches, watchesMatching } from './watch-match'

const item = (title: string, text = '', terms: string[] = []) => ({ title, text, terms })

describe('matchesTerm', () => {
  test('every word, folded; Latin words at a word start, CJK anywhere', () => {
    expect(matchesTerm(queryWords('nano banana'), item('Google 的 Nano Banana Pro'))).toBe(true)
    expect(matchesTerm(queryWords('ＮＡＮＯ banana'), item('', 'nano…banana'))).toBe(true)
    expect(matchesTerm(queryWords('nano banana'), item('Nano 模型'))).toBe(false)
    expect(matchesTerm(queryWords('ban'), item('a banana'))).toBe(true)
    expect(matchesTerm(queryWords('nana'), item('a banana'))).toBe(false)
    expect(matchesTerm(queryWords('强化学习'), item('', '可验证奖励强化学习成为范式'))).toBe(true)
    expect(matchesTerm(queryWords('Cursor'), item('x', 'y', ['Cursor']))).toBe(true)
    expect(matchesTerm([], item('anything'))).toBe(false)
  })

  test('only items newer than what the watch has seen', () => {
    const prepared = prepareWatches([
      { term: 'Cursor', kind: 'search', seenThrough: 100, addedAt: 0 },
    ])
    expect(watchesMatching(prepared, item('Cursor 3'), 101)).toHaveLength(1)
    expect(watchesMatching(prepared, item('Cursor 3'), 100)).toHaveLength(0)
  })
})
