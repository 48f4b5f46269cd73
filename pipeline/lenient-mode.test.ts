import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { contentRoot } from './fs-content.ts'
import { readText } from './test-support.ts'

/** Fixtures are written here for these tests; none is copied from the corpora. */
const FM = '---\ntitle: "测试日报"\ndate: 2026-03-01\n---\n\n'

function parse(
  text: string,
  file = 'pub/2026-03-01-daily.md',
  options: { timeZone?: string } = {},
) {
  return readText(text, { file, ...options })
}

function items(text: string, file?: string) {
  const { parsed } = parse(text, file)
  return (parsed?.items ?? []).map((i) => ({ title: i.title, url: i.url }))
}

describe('shapes recognised as items', () => {
  test('numbered and bulleted list entries led by a linked title', () => {
    const text =
      FM +
      '1. [Alpha 发布](https://a.example/1)\n\n   Alpha 的摘要。\n\n' +
      '2. [Beta 上线](https://a.example/2) - Beta 的摘要\n\n' +
      '- [Gamma](https://a.example/3)\n- [Delta](https://a.example/4)\n'
    const { parsed, kinds } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url])).toEqual([
      ['Alpha 发布', 'https://a.example/1'],
      ['Beta 上线', 'https://a.example/2'],
      ['Gamma', 'https://a.example/3'],
      ['Delta', 'https://a.example/4'],
    ])
    expect(parsed!.items[0]!.text).toBe('Alpha 的摘要。')
    expect(parsed!.items[1]!.text).toBe('Beta 的摘要')
    expect(kinds).toEqual([])
  })

  test('headings holding a linked title, with a score after it that stays out of the item', () => {
    const text =
      FM +
      '## [模型甲开源](https://b.example/a) ⭐️ 9.0/10\n\n甲的摘要。\n\n' +
      '### [Tool B](https://b.example/b) 🔥\n\nB summary.\n\n' +
      '#### [工具丙](https://b.example/c)\n\n丙。\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url, i.text])).toEqual([
      ['模型甲开源', 'https://b.example/a', '甲的摘要。'],
      ['Tool B', 'https://b.example/b', 'B summary.'],
      ['工具丙', 'https://b.example/c', '丙。'],
    ])
  })

  test('plain (numbered) headings take the original link written further down', () => {
    const text =
      FM +
      '### 1. 第一条\n\n> 📰 **某博客** | 🔗 [原文链接](https://c.example/1)\n\n**核心内容**: 一。\n\n' +
      '### 2. 第二条\n\n正文提到 [别的网站](https://other.example/x)。\n\n🔗 **[阅读原文](https://c.example/2)**\n\n' +
      '### 3. 第三条\n\n正文。\n\n**链接**：https://c.example/3\n\n' +
      "### 4. 第四条\n\n正文。['更多详情'](https://c.example/4)\n\n" +
      '### 5. 第五条\n\n正文。 Source: [Example News](https://c.example/5)\n\n' +
      '### 6. 第六条\n\n**👍 12** · [arXiv](https://c.example/6)\n\n摘要。\n'
    expect(items(text)).toEqual([
      { title: '第一条', url: 'https://c.example/1' },
      { title: '第二条', url: 'https://c.example/2' },
      { title: '第三条', url: 'https://c.example/3' },
      { title: '第四条', url: 'https://c.example/4' },
      { title: '第五条', url: 'https://c.example/5' },
      { title: '第六条', url: 'https://c.example/6' },
    ])
    // A short line that only carries the original link is left out of the summary.
    expect(
      parse(text)
        .parsed!.items.map((i) => i.text)
        .slice(0, 3),
    ).toEqual(['核心内容: 一。', '正文提到 别的网站。', '正文。'])
  })

  test('list entries led by a bold title, summary inline or indented', () => {
    const text =
      FM +
      '## 版本更新\n\n' +
      '- **Tool v1.2**: 修复了问题。 [Release](https://d.example/r1)\n' +
      '- **Tool v1.3**：新增功能。\n\n' +
      '## 行业动态\n\n' +
      '1. **某公司发布新模型**\n   新模型的摘要。\n   [某媒体](https://d.example/n1)\n\n' +
      '2. **另一条消息**\n   另一条的摘要。\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url ?? null])).toEqual([
      ['Tool v1.2', 'https://d.example/r1'],
      ['Tool v1.3', null],
      ['某公司发布新模型', 'https://d.example/n1'],
      ['另一条消息', null],
    ])
    expect(parsed!.items[0]!.text).toMatch(/^修复了问题。/)
    expect(parsed!.items[2]!.text).toMatch(/^新模型的摘要。/)
  })

  test('list entries whose plain first line is the title and whose last line links out', () => {
    const text =
      FM +
      '## 开源热门\n> 数据来源：[Trending](https://d.example/trending)\n\n*今日暂无数据。*\n\n' +
      '## 版本更新\n\n- Tool v3.0\n  新版本的说明。\n  [Release 链接](https://d.example/v3)\n\n' +
      '- Tool v3.1\n  又一个版本。\n  [Release 链接](https://d.example/v31)\n\n' +
      '## 💡 核心洞察\n\n- 一句话\n  [原文链接](https://d.example/insight)\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url, i.text])).toEqual([
      ['Tool v3.0', 'https://d.example/v3', '新版本的说明。'],
      ['Tool v3.1', 'https://d.example/v31', '又一个版本。'],
    ])
  })

  test('paragraphs whose first line is a bold title, with the link at the end', () => {
    const text =
      FM +
      '## 行业动态\n\n' +
      '**甲公司推出新产品**\n甲的摘要。\n[阅读原文](https://e.example/1)\n\n' +
      '**乙团队开源框架**\n乙的摘要。\n[阅读原文](https://e.example/2)\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url])).toEqual([
      ['甲公司推出新产品', 'https://e.example/1'],
      ['乙团队开源框架', 'https://e.example/2'],
    ])
    // The "read the original" link is the item's url: it is not repeated in the summary.
    expect(parsed!.items.map((i) => i.text)).toEqual(['甲的摘要。', '乙的摘要。'])
  })

  test('items without any link are kept without a url, each with a no-link warning', () => {
    const text =
      FM +
      '# 周报\n\n### 1. 第一个趋势\n**背景：** 一，**DeepSeek** 领先。\n**分析：** 二。\n\n' +
      '### 2. 第二个趋势\n**背景：** 三。\n\n---\n\n### 本周观察\n总结的话。\n'
    const { parsed, messages } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url])).toEqual([
      ['第一个趋势', undefined],
      ['第二个趋势', undefined],
    ])
    // Field labels are bold but name no topic: only the real bold phrase is a term.
    expect(parsed!.items[0]!.terms).toEqual(['DeepSeek'])
    expect(messages).toEqual([
      'pub/2026-03-01-daily.md:8:1: warning: item "第一个趋势" has no http(s) link (kept without one)',
      'pub/2026-03-01-daily.md:12:1: warning: item "第二个趋势" has no http(s) link (kept without one)',
    ])
  })

  test('the seed digest read leniently gives the same 11 items as the strict reader', () => {
    const seed = readFileSync(`${contentRoot()}/ai-4h/2025/12/2025-12-22-04.md`, 'utf8')
    const { parsed, kinds } = parse(seed, 'ai-4h/2025/12/2025-12-22-04.md')
    expect(parsed!.items).toHaveLength(11)
    expect(parsed!.items[0]!.url).toBe('https://x.com/vista8/status/2002765844682862597')
    expect(parsed!.date.written).toBe('2025-12-22T04:08:38+08:00')
    expect(kinds).toEqual([])
  })
})

describe('what is not an item', () => {
  test('a table of contents pointing at #anchors is skipped with one warning', () => {
    const text =
      FM +
      '1. [甲](#item-1) ⭐️ 8.0/10\n2. [乙](#item-2) ⭐️ 7.0/10\n\n---\n\n' +
      '<a id="item-1"></a>\n## [甲](https://f.example/1) ⭐️ 8.0/10\n\n甲。\n\n---\n\n' +
      '<a id="item-2"></a>\n## [乙](https://f.example/2) ⭐️ 7.0/10\n\n乙。\n'
    const { parsed, kinds } = parse(text)
    expect(parsed!.items.map((i) => i.url)).toEqual(['https://f.example/1', 'https://f.example/2'])
    expect(kinds.filter((k) => k === 'toc')).toHaveLength(1)
  })

  test('intro and insight sections, source counts and tables are not items', () => {
    const text =
      FM +
      '> 期号 #1 | 精选 2 条\n\n' +
      '## 💡 核心洞察\n\n- 一句洞察。\n- 另一句。\n\n' +
      '## 📰 深度观察\n\n**【趋势：从甲到乙】**\n\n**现象层面**，一段分析。\n\n' +
      '## ⭐ 编辑精选\n\n### 1. 条目甲\n\n> 🔗 [原文链接](https://g.example/1)\n\n' +
      '## 📊 热门话题\n\n| 话题 | 数量 |\n|---|---|\n| 甲 | 1 |\n\n' +
      '## 📚 数据来源\n\n- **Hacker News**: 11 条\n- **arXiv**: 9 条\n'
    expect(items(text)).toEqual([{ title: '条目甲', url: 'https://g.example/1' }])
  })

  test('headings that only group deeper item headings are sections, not items', () => {
    const text =
      FM +
      '## 🔍 分类热点\n\n### 📈 产业动态 (2条)\n\n*本节导语。*\n\n' +
      '#### 1. 条目一\n\n> 🔗 [原文](https://h.example/1)\n\n' +
      '#### 2. 条目二\n\n> 🔗 [原文](https://h.example/2)\n\n' +
      '### 💼 空分类\n\n## 开源热门\n> 来源：[Trending](https://h.example/trending)\n\n' +
      '### [owner/repo](https://h.example/repo)\n**⭐ 1,234 · Rust**\n\n一个仓库。\n'
    expect(items(text)).toEqual([
      { title: '条目一', url: 'https://h.example/1' },
      { title: '条目二', url: 'https://h.example/2' },
      { title: 'owner/repo', url: 'https://h.example/repo' },
    ])
    // The bold star count is a meta line, not a search term.
    expect(parse(text).parsed!.items[2]!.terms).toEqual([])
  })

  test('tags listed after a tags label become the item terms; the labels do not', () => {
    const text =
      FM +
      '## [模型甲开源](https://b.example/a) ⭐️ 9.0/10\n\n甲的摘要，用到 **MoE**。\n\n' +
      '**背景**: 背景甲。\n\n**标签**: `#ai-agents`, `#llm`, `#MoE`\n\n---\n\n' +
      '## [Tool B](https://b.example/b)\n\nB summary.\n\n**Tags**: `#open-source`\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => i.terms)).toEqual([
      ['MoE', 'ai-agents', 'llm'],
      ['open-source'],
    ])
  })

  test('bold field bullets under an item heading stay in that item', () => {
    const text =
      FM +
      '## 本周论文亮点\n\n### 论文甲\n- **核心贡献**：贡献甲。\n- **工程影响**：影响甲。\n\n' +
      '### 论文乙\n- **核心贡献**：贡献乙。\n\n## 论文精选\n\n**论文丙**\n- **核心贡献**：贡献丙。\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => i.title)).toEqual(['论文甲', '论文乙', '论文丙'])
    expect(parsed!.items[0]!.text).toBe('核心贡献：贡献甲。\n\n工程影响：影响甲。')
    expect(parsed!.items[2]!.text).toBe('核心贡献：贡献丙。')
  })

  test('release notes pasted into an item keep their headings inside it', () => {
    const text =
      FM +
      '## 版本更新\n\n### Tool v2.0\n\n## Highlights\n\n- 新功能。\n\n### Bug Fixes\n\n- 修复。\n\n' +
      '# Comments: 12\n\n**链接**：https://i.example/v2\n\n### Tool v2.1\n\n**链接**：https://i.example/v21\n'
    const { parsed } = parse(text)
    expect(parsed!.items.map((i) => [i.title, i.url])).toEqual([
      ['Tool v2.0', 'https://i.example/v2'],
      ['Tool v2.1', 'https://i.example/v21'],
    ])
    expect(parsed!.items[0]!.text).toContain('Highlights')
    expect(parsed!.title).toBe('测试日报')
  })

  test('a front-matter-only stub is reported and skipped', () => {
    const { parsed, messages } = parse('---\ntitle: "空"\ndate: 2026-03-01\n---\n')
    expect(parsed).toBeNull()
    expect(messages).toEqual([
      'pub/2026-03-01-daily.md:5:1: empty digest: no items found (file skipped)',
    ])
  })

  test('a file with text but no items is reported and skipped', () => {
    const text = FM + '> 今日暂无重要动态。\n\n可能原因：\n- 信息源较平静\n\n1. 降低阈值\n'
    const { parsed, kinds } = parse(text)
    expect(parsed).toBeNull()
    expect(kinds).toEqual(['empty-digest'])
  })

  test('drafts are skipped silently', () => {
    const text =
      '---\ntitle: "草稿"\ndate: 2026-03-01\ndraft: true\n---\n\n- [甲](https://j.example/1)\n'
    const { parsed, kinds } = parse(text)
    expect(parsed).toBeNull()
    expect(kinds).toEqual([])
  })
})

describe('odd cases', () => {
  test('raw HTML never passes through: tags dropped with warnings, their text kept', () => {
    const text =
      FM +
      "<div align='center'>\n\n**本期精选**\n\n</div>\n\n" +
      '## [甲](https://k.example/1)\n\n<span style="color: red">Hacker News</span> 🔥 25 upvotes\n\n' +
      '<video src="https://k.example/v.mp4"></video>\n\n' +
      '<details><summary>参考链接</summary>\n<ul>\n<li><a href="https://k.example/ref">ref</a></li>\n</ul>\n</details>\n\n' +
      '摘要结束。\n'
    const { parsed, sink } = parse(text)
    const item = parsed!.items[0]!
    expect(item.text).toBe('Hacker News 🔥 25 upvotes\n\n摘要结束。')
    expect(JSON.stringify(parsed)).not.toMatch(/<(div|span|video|details|a)\b/)
    const html = sink.list.filter((d) => d.kind === 'raw-html').map((d) => [d.line, d.message])
    expect(html).toEqual([
      [6, 'raw HTML dropped: <div>'],
      [14, 'raw HTML dropped: <span>'],
      [16, 'raw HTML dropped: <video>'],
      [18, 'raw HTML dropped: <details>'],
    ])
  })

  test('an unclosed <think and a <think> tag stay as text', () => {
    const text =
      FM +
      '## [漏洞](https://l.example/1)\n\n发送未闭合的<think 标签会泄露对话。\n\n模型输出 <think>推理</think> 片段。\n'
    const { parsed, sink } = parse(text)
    expect(parsed!.items[0]!.text).toBe(
      '发送未闭合的<think 标签会泄露对话。\n\n模型输出 <think>推理</think> 片段。',
    )
    expect(sink.list.map((d) => d.message)).toEqual(['unknown tag <think> kept as text'])
  })

  test('an HTML tag cut off by a truncated line is dropped, not kept as text', () => {
    const text = FM + '### [甲](https://l.example/2)\n\n摘要<p><a href="https://l.example/cut\n'
    const { parsed, sink } = parse(text)
    expect(parsed!.items[0]!.summary).toEqual([
      { kind: 'text', text: '摘要' },
      { kind: 'link', text: 'https://l.example/cut', href: 'https://l.example/cut' },
    ])
    expect(sink.list.map((d) => d.message)).toEqual([
      'raw HTML dropped: <p>',
      'cut-off HTML tag dropped',
    ])
  })

  test('no front matter: title from the first # heading, date from the file name', () => {
    const text = '# 每日速递\n\n## [甲](https://m.example/1)\n\n甲。\n'
    const { parsed, kinds } = parse(text, 'pub/2026-08-02-daily.md')
    expect(parsed!.title).toBe('每日速递')
    expect(parsed!.date.written).toBe('2026-08-02')
    expect(kinds).toEqual(['no-front-matter'])
  })

  test('no front matter and no # heading: the file name is the title', () => {
    const { parsed, kinds } = parse('## [甲](https://m.example/1)\n', 'x/2026-08-03-daily.md')
    expect(parsed!.title).toBe('Daily 2026-08-03')
    expect(kinds).toEqual(['no-front-matter', 'missing-title'])
  })

  test('a date only in the file name is read in the publisher time zone', () => {
    const text = '---\ntitle: "无日期"\n---\n\n- [甲](https://n.example/1)\n'
    const shanghai = parse(text, 'p/2026-02-28-daily.md').parsed!.date
    expect(shanghai.time).toBe(Date.parse('2026-02-28T00:00:00+08:00'))
    expect(shanghai.offsetMinutes).toBe(480)
    const berlin = parse(text, 'p/2026-02-28-daily.md', { timeZone: 'Europe/Berlin' }).parsed!.date
    expect(berlin.time).toBe(Date.parse('2026-02-28T00:00:00+01:00'))
  })

  test('front matter dates without an offset use the zone; no date anywhere is an error', () => {
    const dated = parse(FM + '- [甲](https://n.example/1)\n', 'p/notes.md')
    expect(dated.parsed!.date.time).toBe(Date.parse('2026-03-01T00:00:00+08:00'))
    const { parsed, messages } = parse('# 无\n\n- [甲](https://n.example/1)\n', 'p/notes.md')
    expect(parsed).toBeNull()
    expect(messages).toContain(
      'p/notes.md:1:1: no date: neither front matter nor the file name (YYYY-MM-DD) has one',
    )
  })

  test('CRLF line endings read like LF, with the same lines', () => {
    const lf =
      FM + '### 1. 甲\n\n摘要一。\n\n[原文链接](https://o.example/1)\n\n### 2. 乙\n\n摘要二。\n'
    const crlf = parse(lf.replace(/\n/g, '\r\n'))
    expect(crlf.parsed!.items).toEqual(parse(lf).parsed!.items)
    expect(crlf.parsed!.items.map((i) => i.line)).toEqual([6, 12])
  })

  test('URLs with parentheses, <…> destinations and http:// links are kept whole', () => {
    const text =
      FM +
      '## [甲](https://p.example/wiki/A_(b)_c) ⭐️ 7.0/10\n\n' +
      '## [乙](<https://p.example/a b>)\n\n' +
      '## [丙](http://p.example/old)\n\n' +
      '### 丁\n\n🔗 [原文链接](<https://p.example/(d)>)\n'
    expect(items(text).map((i) => i.url)).toEqual([
      'https://p.example/wiki/A_(b)_c',
      'https://p.example/a%20b',
      'http://p.example/old',
      'https://p.example/(d)',
    ])
  })

  test('a non-http title link keeps the item without a url', () => {
    const { parsed, kinds } = parse(FM + '- [甲](ftp://q.example/f)\n')
    expect(parsed!.items.map((i) => i.url)).toEqual([undefined])
    expect(kinds).toEqual(['bad-link', 'no-link'])
  })

  test('truncated summaries are kept as written, with a warning', () => {
    const text = FM + '### [甲](https://r.example/1)\n\nA long abstract that was cut off here...\n'
    const { parsed, kinds } = parse(text)
    expect(parsed!.items[0]!.text).toBe('A long abstract that was cut off here...')
    expect(kinds).toEqual(['truncated'])
  })

  test('the same item twice in one digest becomes one item', () => {
    const text =
      FM +
      '## ⭐ 编辑精选\n\n### 1. 甲（精选）\n\n> 🔗 [原文链接](https://s.example/1)\n\n' +
      '## 分类\n\n### 技术\n\n#### 1. 甲\n\n> 🔗 [原文](https://s.example/1)\n\n' +
      '#### 2. 乙\n\n> 🔗 [原文](https://s.example/2)\n\n' +
      '### 周报\n\n#### 3. 无链接\n\n#### 3. 无链接\n'
    const { parsed, messages } = parse(text)
    expect(parsed!.items.map((i) => i.title)).toEqual(['甲（精选）', '乙', '无链接'])
    expect(messages.filter((m) => m.includes('duplicate'))).toEqual([
      'pub/2026-03-01-daily.md:16:1: warning: duplicate item: https://s.example/1 already appears at line 8 (dropped)',
      'pub/2026-03-01-daily.md:28:1: warning: duplicate item: "无链接" already appears at line 26 (dropped)',
    ])
  })

  test('broken front matter skips the file with its error', () => {
    const { parsed, kinds } = parse('---\ntitle: [unclosed\n---\n\n- [甲](https://t.example/1)\n')
    expect(parsed).toBeNull()
    expect(kinds).toEqual(['invalid-yaml'])
  })
})
