import { describe, expect, test } from 'vitest'
import { snippetOf } from './highlight'

const filler = (n: number) => '这是一段很长的中文摘要内容'.repeat(n)

describe('snippetOf', () => {
  test('never starts or ends inside a Latin word', () => {
    const text = `${filler(3)}Andrej Karpathy 在其年度回顾中提到 RLVR 的作用${filler(4)} Salvatore Sanfilippo 说${filler(3)}`
    for (let at = 30; at < text.length - 30; at += 7) {
      const { text: cut, cutStart, cutEnd } = snippetOf(text, [[at, at + 2]], 60)
      const start = text.indexOf(cut)
      const latin = /[A-Za-z]/
      if (cutStart) expect(latin.test(text[start - 1]) && latin.test(text[start])).toBe(false)
      const end = start + cut.length
      if (cutEnd) expect(latin.test(text[end - 1]) && latin.test(text[end])).toBe(false)
      expect(cut).toBe(cut.trim())
    }
  })

  test('starts at a clause when punctuation is near, not in the middle of a Chinese word', () => {
    const text = `${filler(3)}。Redis创始人Salvatore Sanfilippo发布了对AI的反思，他认为 LLM 的理解力超出预期${filler(4)}`
    const at = text.indexOf('LLM')
    const snippet = snippetOf(text, [[at, at + 3]], 80)
    expect(snippet.text.startsWith('Redis创始人Salvatore')).toBe(true)
    const [[a, b]] = snippet.ranges
    expect(snippet.text.slice(a, b)).toBe('LLM')
    // `GPT-4.5` is one word, not a clause that ends at its dot.
    const version = `${filler(3)}新模型GPT-4.5在推理上明显更强而且更便宜${filler(4)}`
    const hit = version.indexOf('推理')
    expect(snippetOf(version, [[hit, hit + 2]], 60).text).not.toMatch(/^5/)
  })

  test('the highlighted range stays inside the window and points at the same text', () => {
    const text = `${filler(4)}Karpathy 的 RLVR 观点${filler(4)}`
    const at = text.indexOf('RLVR')
    const snippet = snippetOf(text, [[at, at + 4]], 40)
    const [[a, b]] = snippet.ranges
    expect(snippet.text.slice(a, b)).toBe('RLVR')
    expect(snippet.cutStart && snippet.cutEnd).toBe(true)
  })

  test('a word longer than the window is cut rather than dropped', () => {
    const text = `${filler(2)}${'x'.repeat(200)}${filler(2)}`
    const snippet = snippetOf(text, [[60, 62]], 50)
    expect(snippet.text.length).toBeGreaterThan(30)
  })

  test('short texts are kept whole', () => {
    expect(snippetOf('短文本 RLVR', [[4, 8]])).toEqual({
      text: '短文本 RLVR',
      ranges: [[4, 8]],
      cutStart: false,
      cutEnd: false,
    })
  })
})
