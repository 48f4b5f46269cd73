import { render } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { describe, expect, test } from 'vitest'
import type { InlineRun } from '@/types/content'
import { SummaryText } from './summary-text'

function renderRuns(runs: InlineRun[], terms = ['RLVR']) {
  const { container } = render(
    <MemoryRouter>
      <div>
        <SummaryText runs={runs} terms={terms} />
      </div>
    </MemoryRouter>,
  )
  return container.firstElementChild!
}

describe('SummaryText', () => {
  test('blank lines inside text runs become paragraphs, single newlines line breaks', () => {
    const root = renderRuns([
      { kind: 'text', text: '第一段开头，' },
      { kind: 'strong', text: 'RLVR' },
      { kind: 'text', text: ' 第一段结尾。\n\n第二段第一行\n第二行\n \n\n第三段。\n' },
    ])
    const paragraphs = [...root.querySelectorAll('p')]
    expect(paragraphs.map((p) => p.textContent)).toEqual([
      '第一段开头，RLVR 第一段结尾。',
      '第二段第一行第二行',
      '第三段。',
    ])
    expect(paragraphs[0]!.querySelector('a strong')?.textContent).toBe('RLVR')
    expect(paragraphs[1]!.querySelectorAll('br')).toHaveLength(1)
    expect(paragraphs[2]!.querySelectorAll('br')).toHaveLength(0)
  })

  test('a summary without breaks is one paragraph, and markup in text stays text', () => {
    const root = renderRuns([{ kind: 'text', text: '<b>不是粗体</b> <script>x()</script>' }])
    expect(root.querySelectorAll('p')).toHaveLength(1)
    expect(root.querySelector('b, script')).toBeNull()
    expect(root.textContent).toBe('<b>不是粗体</b> <script>x()</script>')
  })

  test('bold naming a term links to a search for it; bold labels stay plain bold', () => {
    const root = renderRuns(
      [
        { kind: 'strong', text: '可验证奖励强化学习（RLVR）' },
        { kind: 'text', text: '成为新范式；' },
        { kind: 'strong', text: '背景：' },
        { kind: 'strong', text: 'Cursor：' },
        { kind: 'strong', text: '社区热度 108' },
      ],
      ['可验证奖励强化学习', 'RLVR', 'Cursor'],
    )
    const links = [...root.querySelectorAll('a')].map((a) => [
      a.textContent,
      decodeURIComponent(a.getAttribute('href')!),
    ])
    expect(links).toEqual([
      ['可验证奖励强化学习（RLVR）', '/topics/可验证奖励强化学习'],
      ['Cursor：', '/topics/Cursor'],
    ])
    expect([...root.querySelectorAll('strong')].map((b) => b.textContent)).toEqual([
      '可验证奖励强化学习（RLVR）',
      '背景：',
      'Cursor：',
      '社区热度 108',
    ])
  })

  test('a tag that is one of the item terms links to its topic; other code stays code', () => {
    const root = renderRuns(
      [
        { kind: 'text', text: '运行 ' },
        { kind: 'code', text: '#include' },
        { kind: 'text', text: '\n\n' },
        { kind: 'strong', text: '标签' },
        { kind: 'text', text: ': ' },
        { kind: 'code', text: '#ai-agents' },
        { kind: 'text', text: ', ' },
        { kind: 'code', text: '#llm' },
      ],
      ['ai-agents', 'llm'],
    )
    const links = [...root.querySelectorAll('a')].map((a) => [
      a.textContent,
      decodeURIComponent(a.getAttribute('href')!),
    ])
    expect(links).toEqual([
      ['#ai-agents', '/topics/ai-agents'],
      ['#llm', '/topics/llm'],
    ])
    expect([...root.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      '#include',
      '#ai-agents',
      '#llm',
    ])
  })
})
