import { describe, expect, test } from 'vitest'
import { frequentTopics } from './topic-list'

describe('frequentTopics', () => {
  const terms = [
    { name: 'OpenAI', count: 9 },
    { name: 'RLVR', count: 4 },
    { name: 'Claude Code', count: 2 },
    { name: 'Cursor', count: 1 },
    { name: 'Deceptive', count: 1 },
  ]

  test('keeps topics named by more than one item, most named first', () => {
    expect(frequentTopics(terms, [])).toEqual(['OpenAI', 'RLVR', 'Claude Code'])
  })

  test('leaves out the recent topics already shown, whatever their case', () => {
    expect(frequentTopics(terms, ['openai', 'Cursor'])).toEqual(['RLVR', 'Claude Code'])
  })

  test('a one-digest archive, where every topic counts once, has none', () => {
    expect(frequentTopics([{ name: 'RLVR', count: 1 }], [])).toEqual([])
  })

  test('stops at the limit', () => {
    expect(frequentTopics(terms, [], 2)).toEqual(['OpenAI', 'RLVR'])
  })
})
