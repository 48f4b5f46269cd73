/**
 * Reads the real archives in `../shared/corpora/` (four other publishers, see its README) when they
 * are there. They are test data only: never copied into the repository, so this suite skips, saying
 * why, on a machine without them, and fails on CI (`CI` set), which always has them.
 */
import * as v from 'valibot'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { headSchema, type Digest } from '../src/types/content.ts'
import { compileContent } from './compile.ts'
import { assembleCorporaRoot } from './corpora-root.ts'
import { contentRoot, readContentDir } from './fs-content.ts'
import { compareSnapshots, snapshotOf, type IdSnapshot } from './ids-snapshot.ts'
import { digestsOf, readText } from './test-support.ts'

const CORPORA = fileURLToPath(new URL('../../shared/corpora/', import.meta.url))
const present = existsSync(CORPORA)
if (!present) {
  // CI always has them: there, their absence fails the suite instead of skipping it.
  if (process.env.CI) throw new Error(`CI must provide the corpora at ${CORPORA}`)
  console.warn(`pipeline/corpora.test.ts skipped: no corpora at ${CORPORA} (test data, not in git)`)
}

/**
 * Item ids per digest of the publishers that compiled before issue 13, from a build of commit
 * b80e705 (`npm run content` there, then `npx tsx pipeline/ids-snapshot.ts --from <out>
 * --publishers ai-4h,horizon,ai-insights,ylq-box`).
 */
const IDS_BEFORE = JSON.parse(
  readFileSync(new URL('../test/fixtures/corpora-ids.json', import.meta.url), 'utf8'),
) as IdSnapshot

/**
 * Counted by hand, reading each file in an editor (the ylq-box weekly recounted for issue 13):
 * - Horizon: the `## [title](url) ⭐️ n/10` headings, one per item; the numbered contents list at the
 *   top (links to `#item-N`) has the same number of lines and is not counted again. No url repeats.
 * - ai-insights 2026-01-13 (oldest template, HTML badges): the `#### title` headings under the
 *   `### 📈/🎓/🔬/🛠️` groups, each with one `🔗 **[阅读原文](…)**`; `### 💼 AI应用` is empty and the
 *   banner ("本期精选 20 个前沿动态") agrees. 2026-01-22: 5 `### N.` editor's picks + 79 `#### N.`
 *   entries = 84 headings; the 5 picks repeat urls of 5 entries further down, which are not counted
 *   again: 79 (the header says 精选: 79条). 2026-05-02: 5 picks + 30 entries, no repeated url; the
 *   header says 35条（5条编辑精选 + 30条分类热点）. Insight, editorial, topic-table and source-count
 *   sections are not items. Numbering (`1.`) is not part of a title.
 * - ylq-box 2026-03-04-daily: 4 `### [owner/repo](url)` + 3 `### paper` (link on the next line) + 3
 *   `- **release**:` entries + 1 `- **tool**:` entry + 7 `1. **news**` entries = 18.
 *   2026-04-27-weekly: 5 `**N. 要点**` paragraphs (no link) + 5 `### [repo](url)` + 4 `### paper`
 *   headings whose `- **核心贡献**` bullets are fields = 14; the version table and 工程师视角 are not
 *   items. data/2026-08-11-daily (no front matter, CRLF and LF mixed): 3 `### release` under 版本更新
 *   + 4 under 开发者工具 (their pasted `# … Release Notes`, `## Highlights`, `## Core` … headings
 *   belong to them; each ends with `**链接**：url`) + 22 `### [title](url)` under 行业动态 = 29.
 * - ai-daily-blog (no links but in trending sections) 2026-01-27: 4 `## N. title` news + the 3 rows
 *   of the table under `## 5. GitHub Trending 热点` (bold project names, a table of items, so that
 *   heading is a section) = 7. 2026-02-05: 5 `### N.` news under `## 🤖 AI 新闻精选` + the 10 rows
 *   of the trending table (`| 1 | [owner/repo](url) | … |`) = 15; `### 项目亮点分析` (bold notes on
 *   the same projects) is commentary. 2026-04-04: 5 `### N.` news + 10 `### N. name ⭐ 14,141`
 *   projects (the star count is no part of the title) = 15; `## 📊 今日观察` and its `### 趋势一…三`
 *   are a closing essay.
 */
const HAND_COUNTED = [
  {
    file: 'super468__Horizon/_posts/2026-05-02-summary-zh.md',
    count: 8,
    first: 'Flock 公司用儿童体操房摄像头进行销售演示',
    last: 'PyPI 包 lightning 遭供应链攻击 窃取开发者凭证',
  },
  {
    file: 'super468__Horizon/_posts/2026-03-28-summary-en.md',
    count: 26,
    first: 'Mamba: Linear-Time Sequence Modeling with Selective State Spaces',
    last: 'Huawei Atlas 350 Accelerator Launched with Ascend 950PR',
  },
  {
    file: 'super468__Horizon/_posts/2026-05-15-summary-en.md',
    count: 29,
    first: 'Critical NGINX RCE Vulnerability Discovered After 18 Years',
    last: "DeepSeek Chat Vulnerability Leaks Other Users' Conversation History",
  },
  {
    file: 'Ming-H__ai-insights/content/daily/2026-01-13-index.md',
    count: 20,
    first: 'Former NYC Mayor Eric Adams rugs his own memecoin just 30 minutes after launch',
    last: 'Show HN: Pane – An agent that edits spreadsheets',
  },
  {
    file: 'Ming-H__ai-insights/content/daily/2026-01-22-index.md',
    count: 79,
    first: 'Horizon 1000：OpenAI携手盖茨基金会推进非洲基层AI医疗',
    last: '2031年人形机器人执行器市场规模或达100亿美元',
  },
  {
    file: 'Ming-H__ai-insights/content/daily/2026-05-02-index.md',
    count: 35,
    first: 'Musk诉Altman案首周：自称被骗，警告AI威胁，承认xAI蒸馏OpenAI模型',
    last: '深度思考：在AI巨头结束“烧钱补贴”前，我们该用廉价API构建什么？',
  },
  {
    file: 'ALVIN-YANG__ylq-box/src/content/docs/ai-news/2026-03-04-daily.md',
    count: 18,
    first: 'koala73/worldmonitor',
    last: 'OpenAI 与五角大楼交易引发用户抵制',
  },
  {
    file: 'ALVIN-YANG__ylq-box/src/content/docs/ai-news/2026-04-27-weekly.md',
    count: 19,
    first: 'DeepSeek-V4 重塑长上下文 Agent 架构范式',
    last: 'OpenAI Codex CLI',
  },
  {
    file: 'ALVIN-YANG__ylq-box/src/data/ai-news-daily/2026-08-11-daily.md',
    count: 29,
    first: 'LangChain langchain-openai==1.4.3',
    last: 'Anthropic is turning Claude Code’s auto mode on by default',
  },
  {
    file: 'nil957__ai-daily-blog/_posts/2026-01-27-ai-news.md',
    count: 7,
    first: 'Google DeepMind 收购 Hume AI 团队',
    last: 'badlogic/pi-mono',
  },
  {
    file: 'nil957__ai-daily-blog/_posts/2026-02-05-ai-daily-news.md',
    count: 15,
    first: 'Elon Musk 宣布合并 SpaceX、xAI 和 X，或为太空 AI 数据中心铺路',
    last: 'microsoft/qlib',
  },
  {
    file: 'nil957__ai-daily-blog/_posts/2026-04-04-ai-daily-news.md',
    count: 15,
    first: 'OpenAI 完成 1220 亿美元融资，周活跃用户达 9 亿',
    last: 'blogosphere',
  },
]

describe.runIf(present)('real archives of other publishers (../shared/corpora)', () => {
  test.each(HAND_COUNTED)('$file: $count items', ({ file, count, first, last }) => {
    const { parsed } = readText(readFileSync(join(CORPORA, file), 'utf8'), { file })
    const titles = parsed?.items.map((i) => i.title) ?? []
    expect(titles).toHaveLength(count)
    expect(titles[0]).toBe(first)
    expect(titles.at(-1)).toBe(last)
  })

  test('a Horizon day with nothing selected is reported and skipped', async () => {
    const file = 'super468__Horizon/_posts/2026-04-25-summary-zh.md'
    const { parsed, kinds } = readText(readFileSync(join(CORPORA, file), 'utf8'), { file })
    expect(parsed).toBeNull()
    expect(kinds).toEqual(['empty-digest'])
  })

  describe('compiling all four archives beside the seed', async () => {
    // Vitest collects a skipped suite too: build nothing when the corpora are absent.
    if (!present) return
    const root = await assembleCorporaRoot(CORPORA, contentRoot())
    afterAll(() => rm(root, { recursive: true, force: true }))
    const result = await compileContent(await readContentDir(root))
    const seedAlone = await compileContent(await readContentDir(contentRoot()))
    if (!result.ok || !seedAlone.ok) throw new Error('the corpora root did not compile')
    const digests: Digest[] = digestsOf(result.content)

    test('never fails: every file is a digest or reported as skipped', async () => {
      const stats = Object.fromEntries(result.stats.map((s) => [s.publisher, s]))
      // File counts as the corpora README lists them (ylq-box: both of its folders).
      expect(stats.horizon!.files).toBe(122)
      expect(stats['ai-insights']!.files).toBe(213)
      expect(stats['ylq-box']!.files).toBe(201)
      expect(stats['ai-daily-blog']!.files).toBe(40)
      for (const s of result.stats) {
        expect(s.errors).toBe(0)
        expect(s.digests + (s.warnings['empty-digest'] ?? 0)).toBe(s.files)
        expect(s.itemsWithLink).toBeLessThanOrEqual(s.items)
      }
      expect(v.parse(headSchema, JSON.parse(result.content.headJson))).toBeTruthy()
    })

    test('digest and item ids are unique across publishers', async () => {
      const ids = digests.map((d) => d.id)
      expect(new Set(ids).size).toBe(ids.length)
      const itemIds = digests.flatMap((d) => d.items.map((i) => i.id))
      expect(new Set(itemIds).size).toBe(itemIds.length)
      expect(ids).toContain('horizon-2026-05-02-00-summary-zh')
      expect(ids).toContain('horizon-2026-05-02-00-summary-en')
      // Each lenient id carries its file's name (e2e/corpora.e2e.ts opens the weekly one).
      expect(ids).toContain('ylq-box-2026-04-27-00-weekly')
      expect(ids).toContain('ylq-box-2026-08-22-00-daily')
      expect(ids).toContain('ai-insights-2026-01-13-00')
    })

    test("the seed's digest keeps its ids when the other publishers are added", async () => {
      const [seed] = digestsOf(seedAlone.content)
      const same = digests.find((d) => d.id === seed!.id)
      expect(same?.items.map((i) => i.id)).toEqual(seed!.items.map((i) => i.id))
    })

    test('digest and item ids of the publishers compiled before stay the same, but for fixes', async () => {
      const changes = compareSnapshots(IDS_BEFORE, snapshotOf(digests, Object.keys(IDS_BEFORE)))
      // No digest appears or disappears; only ylq-box changes, and only in the ways listed.
      expect(changes.filter((c) => c.change !== 'items')).toEqual([])
      expect(changes.filter((c) => c.publisher !== 'ylq-box')).toEqual([])
      const byId = new Map(digests.map((d) => [d.id, d]))
      const fixes = { tableRows: 0, gooseLinks: 0 }
      for (const change of changes) {
        const digest = byId.get(change.digest)!
        const added = digest.items.filter((i) =>
          change.addedItems.includes(i.id.split('-').at(-1)!),
        )
        // A Goose release whose body a pasted `## ✨ Features` heading had cut off its
        // `**链接**` line: it now has its link, and so a url-based id instead of a title-based one.
        const goose = added.filter((i) => /^Goose v[\d.]+$/.test(i.title) && i.url)
        expect(change.lostItems).toHaveLength(goose.length)
        fixes.gooseLinks += goose.length
        // The rows of a weekly's version table (a table of items, decision 031) are new items.
        const rows = added.filter((i) => i.section === '本周版本更新' || i.section === '项目与版本')
        fixes.tableRows += rows.length
        expect(added.length).toBe(goose.length + rows.length)
      }
      expect(fixes).toEqual({ tableRows: 74, gooseLinks: 21 })
    })

    test('no raw HTML element reaches an item, and every link is http(s)', async () => {
      const html = /<\/?(div|span|details|summary|video|img|ul|li|a)(\s|>)/i
      for (const item of digests.flatMap((d) => d.items)) {
        for (const run of item.summary) {
          if (run.kind !== 'code') expect(run.text).not.toMatch(html)
          if (run.kind === 'link') expect(run.href).toMatch(/^https?:\/\//)
        }
        if (item.url) expect(item.url).toMatch(/^https?:\/\//)
      }
    })
  })
})
