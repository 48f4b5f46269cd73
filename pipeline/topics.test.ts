import { describe, expect, test } from 'vitest'
import { mergeTopics } from './topic-merge.ts'
import { parseTopicAliases } from './topic-aliases.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { topicKey } from '../src/lib/topics/topic-key.ts'

const item = (terms: string[], pairs: [string, string][] = []) => ({ terms, pairs })

describe('topic merge rules', () => {
  test('a parenthesised alias merges both names across the archive, also where one is used alone', () => {
    const topics = mergeTopics(
      [
        item(['可验证奖励强化学习', 'RLVR'], [['可验证奖励强化学习', 'RLVR']]),
        item(['可验证奖励强化学习']),
        item(['RLVR']),
        item(['可验证奖励强化学习']),
      ],
      [],
    )
    expect(topics.lookup('RLVR')).toEqual({ name: '可验证奖励强化学习', form: 1 })
    expect(topics.lookup('可验证奖励强化学习')).toEqual({ name: '可验证奖励强化学习', form: 0 })
    expect(topics.formsOf('可验证奖励强化学习')).toEqual(['可验证奖励强化学习', 'RLVR'])
  })

  test('without the pair the two names stay two topics', () => {
    const topics = mergeTopics([item(['可验证奖励强化学习']), item(['RLVR'])], [])
    expect(topics.lookup('RLVR')!.name).toBe('RLVR')
  })

  test('case, full-width forms and spacing are one topic', () => {
    expect(topicKey('Ｎano Banana')).toBe(topicKey('nano banana'))
    expect(topicKey('NanoBanana')).toBe(topicKey('Nano  Banana'))
    const topics = mergeTopics(
      [item(['Nano Banana']), item(['Nano Banana']), item(['nano banana']), item(['NanoBanana'])],
      [],
    )
    for (const spelling of ['Ｎano Banana', 'nano banana', 'NanoBanana', 'NANO BANANA'])
      expect(topics.lookup(spelling)!.name).toBe('Nano Banana')
  })

  test('the alias file merges what cannot be derived and names the topic', () => {
    const topics = mergeTopics(
      [
        item(['Nano Banana Pro']),
        item(['Nano Banana Pro']),
        item(['Nano Banana']),
        item(['思维链']),
      ],
      [
        { name: 'Nano Banana', aliases: ['Nano Banana Pro'] },
        { name: 'CoT', aliases: ['思维链'] },
      ],
    )
    expect(topics.lookup('Nano Banana Pro')).toEqual({ name: 'Nano Banana', form: 1 })
    expect(topics.lookup('思维链')).toEqual({ name: 'CoT', form: 1 })
    expect(topics.formsOf('CoT')).toEqual(['CoT', '思维链'])
  })

  test('the most used spelling names a derived topic', () => {
    const topics = mergeTopics([item(['openai']), item(['OpenAI']), item(['OpenAI'])], [])
    expect(topics.lookup('openai')!.name).toBe('OpenAI')
  })
})

describe('the alias file', () => {
  const errors = (text: string) =>
    parseTopicAliases(text).diagnostics.map((d) => formatDiagnostic(d))

  test('a valid file gives its topics and no diagnostics', () => {
    const parsed = parseTopicAliases(
      'Nano Banana:\n  - Nano Banana Pro\nCoT: [思维链]\nGPT: GPT-5\n',
    )
    expect(parsed.diagnostics).toEqual([])
    expect(parsed.entries).toEqual([
      { name: 'Nano Banana', aliases: ['Nano Banana Pro'] },
      { name: 'CoT', aliases: ['思维链'] },
      { name: 'GPT', aliases: ['GPT-5'] },
    ])
  })

  test('each error is path:line: message', () => {
    expect(errors('a: [b\n')[0]).toMatch(/^topics\.yml:\d+:1: topics: invalid YAML: /)
    expect(errors('- a\n- b\n')).toEqual([
      'topics.yml:1:1: topics: the file must map each topic to a list of its other names',
    ])
    expect(errors('ok: [x]\nbad:\n  nested: 1\n')).toEqual([
      'topics.yml:2:1: topics: "bad": its other names must be a list of names',
    ])
    expect(errors('a:\n  - b\n  - ""\n')).toEqual([
      'topics.yml:3:1: topics: "a": each other name must be non-empty text',
    ])
    expect(errors('a: [x]\nb:\n  - y\n  - X\n')).toEqual([
      'topics.yml:4:1: topics: "X" already belongs to "a" (line 1)',
    ])
    expect(errors('CoT: [cot]\n')).toEqual([
      'topics.yml:1:1: topics: "CoT": "cot" is the topic\'s own name',
    ])
    expect(errors('a: [x]\na: [y]\n')).toEqual([
      'topics.yml:2:1: topics: "a" is listed twice (line 1)',
    ])
    expect(errors('a: [x, x]\n')).toEqual(['topics.yml:1:1: topics: "a" names "x" twice (line 1)'])
    expect(errors('a: [x]\nx: [y]\n')).toEqual([
      'topics.yml:2:1: topics: "x" is also a name of "a" (line 1)',
    ])
    expect(errors('"": [x]\n')).toEqual([
      'topics.yml:1:1: topics: a topic name must be non-empty text',
    ])
  })
})
