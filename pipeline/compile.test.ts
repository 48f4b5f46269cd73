import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import {
  aggregatesSchema,
  chunkSchema,
  headSchema,
  monthPageSchema,
  type Digest,
} from '../src/types/content.ts'
import {
  postingsShardSchema,
  searchRootSchema,
  segmentDocsSchema,
  textShardSchema,
  vocabSchema,
} from '../src/types/search-index.ts'
import { compileContent } from './compile.ts'
import { compileThreads } from './compile-threads.ts'
import { memoryCache } from './compile-cache.ts'
import { assemble, CHUNK_TARGET_BYTES, HEAD_DIGESTS, termCounts } from './assemble.ts'
import {
  aggregatesOf,
  chunksOf,
  compiled,
  digestsOf,
  fileJson,
  fileNames,
  sourceOf,
  summariesOf,
} from './test-support.ts'

const digest = (date: string, cats: string, body: string) =>
  `---\ntitle: "摘要 ${date}"\ndate: ${date}\ncategories: [${cats}]\n---\n${body}`

const FILES = {
  'ai/publisher.json': '{ "name": "过去4小时", "default": true, "mode": "strict" }',
  'ai/2025/11/a.md': digest(
    '2025-11-30T20:00:00+08:00',
    'AI, 模型',
    '1. [A1](https://x.com/alice/status/1)\n\n   **Cursor** 与 **RLVR**\n2. [A2](https://www.example.com/a2)\n\n   **Cursor**\n',
  ),
  'ai/2025/12/b.md': digest(
    '2025-12-01T08:00:00+08:00',
    'AI',
    '1. [B1](https://twitter.com/alice/status/2)\n\n   **可验证奖励强化学习（RLVR）**\n',
  ),
  'ai/2025/12/c.md': digest(
    '2025-12-22T04:08:38+08:00',
    '行业',
    '- [C1](https://example.com/c1)\n  text\n',
  ),
}

/** Every compiled file's text, by name. */
const texts = (content: Awaited<ReturnType<typeof compiled>>) =>
  new Map([...content.files].map(([name, body]) => [name, body.text()]))

describe('compiled output', async () => {
  const content = await compiled(FILES)
  const { head } = content

  test('a head, a page per month, a chunk per publisher-month, aggregates and a search index', () => {
    expect(head.months.map((m) => [m.month, m.digestCount, m.itemCount])).toEqual([
      ['2025-12', 2, 2],
      ['2025-11', 1, 2],
    ])
    expect(fileNames(content, /^months\//)).toEqual(head.months.map((m) => m.file).sort())
    expect(
      fileNames(content, /^chunks\//).map((n) => n.replace(/\.[0-9a-f]{10}\./, '.#.')),
    ).toEqual(['chunks/2025-11.#.json', 'chunks/2025-12.#.json'])
    expect(head.aggregates).toMatch(/^aggregates\.[0-9a-f]{10}\.json$/)
    expect(head.search).toMatch(/^search\/root\.[0-9a-f]{10}\.json$/)
    const december = chunksOf(content).find((c) => c.key === '2025-12')!
    expect(december.digests.map((d) => d.id)).toEqual(['2025-12-22-04', '2025-12-01-08'])
  })

  test('every file validates against the schema the app reads it with', () => {
    expect(v.parse(headSchema, JSON.parse(content.headJson))).toEqual(head)
    for (const m of head.months) v.parse(monthPageSchema, fileJson(content, m.file))
    for (const c of fileNames(content, /^chunks\//)) v.parse(chunkSchema, fileJson(content, c))
    v.parse(aggregatesSchema, fileJson(content, head.aggregates))
    const root = v.parse(searchRootSchema, fileJson(content, head.search))
    expect(root.contentHash).toBe(head.contentHash)
    expect(root.segments.map((s) => [s.key, s.docCount])).toEqual([
      ['2025-12', 2],
      ['2025', 2],
    ])
    for (const segment of root.segments) {
      v.parse(segmentDocsSchema, fileJson(content, `${segment.dir}/docs.json`))
      v.parse(vocabSchema, fileJson(content, `${segment.dir}/vocab.json`))
      for (let n = 0; n < segment.shardCount; n++)
        v.parse(postingsShardSchema, fileJson(content, `${segment.dir}/p${n}.json`))
      for (let n = 0; n < segment.textCount; n++)
        v.parse(textShardSchema, fileJson(content, `${segment.dir}/t${n}.json`))
    }
  })

  test('the head carries the newest digests in full, and counts', () => {
    expect(head.newest.map((d) => [d.id, d.items.length])).toEqual([
      ['2025-12-22-04', 1],
      ['2025-12-01-08', 1],
      ['2025-11-30-20', 2],
    ])
    expect(head.newest.length).toBeLessThanOrEqual(HEAD_DIGESTS)
    expect(head.newest[0]!.chunk).toBe(summariesOf(content)[0]!.chunk)
    expect(head.publishers).toEqual([
      { id: 'ai', name: '过去4小时', idPrefix: '', digestCount: 3, itemCount: 4 },
    ])
    expect([head.digestCount, head.itemCount]).toEqual([3, 4])
  })

  test('month pages list summaries newest first, each naming the chunk that holds it', () => {
    const summaries = summariesOf(content)
    expect(summaries.map((d) => [d.id, d.itemCount])).toEqual([
      ['2025-12-22-04', 1],
      ['2025-12-01-08', 1],
      ['2025-11-30-20', 2],
    ])
    for (const s of summaries) {
      expect(v.parse(chunkSchema, fileJson(content, s.chunk)).digests.map((d) => d.id)).toContain(
        s.id,
      )
    }
  })

  test('the aggregates count categories (per month and publisher), terms and sources', () => {
    const aggregates = aggregatesOf(content)
    expect(aggregates.categories).toEqual([
      { name: 'AI', count: 2, months: { '2025-11': { ai: 1 }, '2025-12': { ai: 1 } } },
      { name: '模型', count: 1, months: { '2025-11': { ai: 1 } } },
      { name: '行业', count: 1, months: { '2025-12': { ai: 1 } } },
    ])
    expect(aggregates.terms).toEqual([
      { name: 'Cursor', count: 2 },
      { name: 'RLVR', count: 2 },
      { name: '可验证奖励强化学习', count: 1 },
    ])
    expect(aggregates.sources).toEqual([
      { name: '@alice', count: 2 },
      { name: 'example.com', count: 2 },
    ])
    expect(aggregates.recentTerms).toEqual(['可验证奖励强化学习', 'RLVR', 'Cursor'])
  })

  test('the same content compiles to the same bytes', async () => {
    const again = await compiled({ ...FILES })
    expect(again.headJson).toBe(content.headJson)
    expect(texts(again)).toEqual(texts(content))
  })

  test("a changed digest renames its own month's files and the head, never another month's", async () => {
    const changed = await compiled({
      ...FILES,
      'ai/2025/12/c.md': FILES['ai/2025/12/c.md'].replace('text', 'changed text'),
    })
    const before = new Set(content.files.keys())
    const added = [...changed.files.keys()].filter((n) => !before.has(n))
    expect(added.some((n) => n.startsWith('chunks/2025-12.'))).toBe(true)
    expect(added.some((n) => n.startsWith('chunks/2025-11.'))).toBe(false)
    expect(added.some((n) => n.startsWith('months/2025-11.'))).toBe(false)
    // The year before the newest month is a segment of its own, untouched.
    expect(added.some((n) => n.startsWith('search/2025.'))).toBe(false)
    expect(changed.head.contentHash).not.toBe(head.contentHash)
  })

  test('a renamed publisher changes the content hash (the head file name)', async () => {
    const renamed = await compiled({
      ...FILES,
      'ai/publisher.json': '{ "name": "x", "default": true }',
    })
    expect(renamed.head.contentHash).not.toBe(head.contentHash)
  })

  test('warnings do not stop a run; drafts are left out', async () => {
    const result = await compileContent(
      sourceOf({
        ...FILES,
        'ai/2025/12/d.md': '---\ntitle: d\ndate: 2025-12-02T00:00:00Z\ndraft: true\n---\n',
        'ai/2025/12/e.md': digest(
          '2025-12-03T00:00:00Z',
          'AI',
          '- [E](https://e.com/1) <b>x</b>\n',
        ),
      }),
    )
    expect(result.ok).toBe(true)
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}:${d.kind}`)).toEqual([
      'ai/2025/12/e.md:6:24:raw-html',
    ])
    if (result.ok) expect(result.content.head.digestCount).toBe(4)
  })
})

describe('the incremental compiler', () => {
  const more = (n: number) => {
    const files: Record<string, string> = { ...FILES }
    for (let i = 1; i <= n; i++) {
      const dd = String(i).padStart(2, '0')
      files[`ai/2026/01/${dd}.md`] = digest(
        `2026-01-${dd}T08:00:00+08:00`,
        i % 2 ? 'AI' : '行业',
        `1. [N${i}](https://x.com/bob/status/${100 + i})\n\n   **Topic${i % 3}** 新闻 ${i}\n`,
      )
    }
    return files
  }

  test('a rebuild from the cache is byte-identical to a cold build, and compiles only new files', async () => {
    const cache = memoryCache()
    const compiledFiles: string[] = []
    const counting = { cache, onProgress: undefined }
    await compileContent(sourceOf(more(5)), counting)
    await cache.save()
    // One new digest, one edited digest.
    const next = more(6)
    next['ai/2025/12/c.md'] = next['ai/2025/12/c.md']!.replace('text', 'edited')
    const warm = await compileContent(sourceOf(next), {
      cache,
      compileFiles: async (jobs, onDone) => {
        const { compileFile } = await import('./compile-file.ts')
        const source = sourceOf(next)
        return jobs.map(({ file }) => {
          compiledFiles.push(file.path)
          const result = compileFile(file, source.publishers.get(file.publisher)!)
          onDone(result)
          return result
        })
      },
    })
    const cold = await compileContent(sourceOf(next))
    if (!warm.ok || !cold.ok) throw new Error('compile failed')
    expect(compiledFiles.sort()).toEqual(['ai/2025/12/c.md', 'ai/2026/01/06.md'])
    expect(warm.content.headJson).toBe(cold.content.headJson)
    expect(texts(warm.content)).toEqual(texts(cold.content))
  })

  test('compiled on a worker thread beside this one, the output is byte-identical', async () => {
    // Three segments (2025, 2026, its newest month): the thread builds the largest, this thread
    // the others; files are shared between both in batches.
    const files = more(25)
    for (let i = 1; i <= 40; i++) {
      const dd = String(((i - 1) % 28) + 1).padStart(2, '0')
      files[`ai/2026/02/${i}.md`] = digest(
        `2026-02-${dd}T${i <= 28 ? '09' : '15'}:30:00+08:00`,
        'AI',
        `1. [M${i}](https://x.com/carol/status/${500 + i})\n\n   **Topic${i % 5}** 二月 ${i}\n`,
      )
    }
    const threads = compileThreads(sourceOf(files), { threads: 1, minFiles: 1 })
    let threaded
    try {
      threaded = await compileContent(sourceOf(files), {
        compileFiles: threads.compileFiles,
        buildSegments: threads.buildSegments,
      })
    } finally {
      await threads.close()
    }
    const here = await compileContent(sourceOf(files))
    if (!threaded.ok || !here.ok) throw new Error('compile failed')
    expect(threaded.diagnostics).toEqual(here.diagnostics)
    expect(threaded.stats).toEqual(here.stats)
    expect(threaded.content.headJson).toBe(here.content.headJson)
    expect(texts(threaded.content)).toEqual(texts(here.content))
  })

  test('a renamed compiler (another version) never reuses cached results', async () => {
    const cache = memoryCache()
    await compileContent(sourceOf(FILES), { cache, compilerVersion: 'a' })
    let compiledCount = 0
    await compileContent(sourceOf(FILES), {
      cache,
      compilerVersion: 'b',
      onProgress: () => compiledCount++,
      compileFiles: async (jobs, onDone) => {
        const { compileFile } = await import('./compile-file.ts')
        const source = sourceOf(FILES)
        return jobs.map(({ file }) => {
          const result = compileFile(file, source.publishers.get(file.publisher)!)
          onDone(result)
          return result
        })
      },
    })
    expect(compiledCount).toBe(3)
  })
})

test('term counts merge spellings that differ only in case, once per item', () => {
  expect(
    termCounts([['OpenAI', 'openai', 'RLVR'], ['openai', 'llm'], ['OpenAI', 'LLM'], ['llm']]),
  ).toEqual([
    // Ties in code-unit order: the same on every machine, whatever its locale.
    { name: 'OpenAI', count: 3 },
    { name: 'llm', count: 3 },
    { name: 'RLVR', count: 1 },
  ])
})

describe('links the schema refuses', () => {
  const withLink = (url: string, mode: 'strict' | 'lenient') => ({
    'ai/publisher.json': `{ "name": "x", "default": true, "mode": "${mode}" }`,
    'ai/a.md': digest(
      '2025-12-22T04:00:00+08:00',
      'AI',
      `- [Bad](${url})\n  see [here](${url})\n- [Good](https://g.com/1)\n`,
    ),
  })

  // Markdown reads `\\` as an escaped backslash: the second link's url is `http:\evil.com`.
  test.each([
    ['https:example.com', 'https:example.com'],
    ['http:\\\\evil.com', 'http:\\evil.com'],
  ])(
    '%s is a bad item link (strict: an error; lenient: the item loses it) and never reaches the JSON',
    async (written, url) => {
      const strict = await compileContent(sourceOf(withLink(written, 'strict')))
      expect(strict.ok).toBe(false)
      expect(strict.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
        `6:3: link is not http(s): "${url}"; only http:// and https:// links are allowed`,
      ])
      const [{ items }] = digestsOf(await compiled(withLink(written, 'lenient'))) as [Digest]
      const [bad, good] = items
      expect(bad!.url).toBeUndefined()
      expect(bad!.summary.filter((r) => r.kind === 'link')).toEqual([])
      expect(good!.url).toBe('https://g.com/1')
    },
  )

  test('assemble refuses to lay out JSON the app would reject (a compiler bug)', async () => {
    const [broken] = digestsOf(await compiled(FILES))
    broken!.items[0]!.url = 'https:example.com'
    const record = {
      summary: broken!,
      fingerprint: 'x',
      load: () => ({ ...broken!, chunk: '2025-12' }),
    }
    await expect(assemble([record], [])).rejects.toThrow(
      'compiler bug: the chunk does not match the content schema (src/types/) at digests.0.items.0.url',
    )
  })
})

describe('oversized months', () => {
  // 40 digests of ~30 KB each: about 1.2 MB of one month, so many parts.
  const bigMonth = (days: number) => {
    const files: Record<string, string> = {
      'ai/publisher.json': '{ "name": "过去4小时", "default": true }',
    }
    for (let day = 1; day <= days; day++) {
      const dd = String(Math.ceil(day / 2)).padStart(2, '0')
      const hh = day % 2 ? '04' : '16'
      const summary = `长摘要${day} `.repeat(3000)
      files[`ai/2026/04/${day}.md`] = digest(
        `2026-04-${dd}T${hh}:00:00+08:00`,
        'AI',
        `1. [T${day}](https://example.com/${day})\n\n   ${summary}\n`,
      )
    }
    return compiled(files)
  }

  test('are cut into parts near the target size, and every digest is found in its part', async () => {
    const content = await bigMonth(40)
    const names = fileNames(content, /^chunks\//)
    expect(names.length).toBeGreaterThan(2)
    for (const name of names) {
      expect(name).toMatch(/^chunks\/2026-04-p\d+\./)
      expect(Buffer.byteLength(content.files.get(name)!.text())).toBeLessThan(
        CHUNK_TARGET_BYTES + 40_000,
      )
    }
    for (const d of summariesOf(content)) {
      expect(v.parse(chunkSchema, fileJson(content, d.chunk)).digests.map((x) => x.id)).toContain(
        d.id,
      )
    }
  })

  test('a new digest at the end of the month leaves the earlier parts unchanged', async () => {
    const before = fileNames(await bigMonth(40), /^chunks\//)
    const after = new Set(fileNames(await bigMonth(41), /^chunks\//))
    // The new digest joins the last part, or starts one: no other part changes.
    const changed = before.filter((n) => !after.has(n))
    expect(changed.length).toBeLessThanOrEqual(1)
    for (const name of changed)
      expect(name).toMatch(new RegExp(`^chunks/2026-04-p${before.length}\\.`))
    expect(after.size - (before.length - changed.length)).toBe(1)
  })
})
