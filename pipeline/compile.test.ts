import { describe, expect, test } from 'vitest'
import { chunkSchema, manifestSchema, searchDataSchema, type Chunk } from '../src/types/content.ts'
import { compileContent } from './compile.ts'
import { assemble, CHUNK_TARGET_BYTES, termCounts } from './assemble.ts'
import { sourceOf } from './test-support.ts'

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

function compiled(files: Record<string, string> = FILES) {
  const result = compileContent(sourceOf(files))
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.content
}

describe('compiled output', () => {
  const content = compiled()
  const { manifest, files } = content

  test('one chunk per month, named <month>.<hash>.json, plus the search file', () => {
    expect(Object.keys(manifest.chunks).sort()).toEqual(['2025-11', '2025-12'])
    expect(manifest.chunks['2025-11']).toMatch(/^chunks\/2025-11\.[0-9a-f]{10}\.json$/)
    expect(manifest.search).toMatch(/^search\.[0-9a-f]{10}\.json$/)
    expect([...files.keys()].sort()).toEqual(
      [...Object.values(manifest.chunks), manifest.search].sort(),
    )
    const december = JSON.parse(files.get(manifest.chunks['2025-12']!)!) as Chunk
    expect(december.digests.map((d) => d.id)).toEqual(['2025-12-22-04', '2025-12-01-08'])
  })

  test('every file validates against the shared schema', () => {
    expect(manifestSchema.parse(JSON.parse(content.manifestJson))).toEqual(manifest)
    for (const key of Object.keys(manifest.chunks)) {
      expect(chunkSchema.safeParse(JSON.parse(files.get(manifest.chunks[key]!)!)).success).toBe(
        true,
      )
    }
    const search = searchDataSchema.parse(JSON.parse(files.get(manifest.search)!))
    expect(search.contentHash).toBe(manifest.contentHash)
    expect(search.docs).toHaveLength(4)
  })

  test('the manifest lists digests newest first and counts categories, terms and sources', () => {
    expect(manifest.digests.map((d) => [d.id, d.itemCount, d.chunk, d.file])).toEqual([
      ['2025-12-22-04', 1, '2025-12', 'ai/2025/12/c.md'],
      ['2025-12-01-08', 1, '2025-12', 'ai/2025/12/b.md'],
      ['2025-11-30-20', 2, '2025-11', 'ai/2025/11/a.md'],
    ])
    expect(manifest.categories).toEqual([
      { name: 'AI', count: 2 },
      { name: '模型', count: 1 },
      { name: '行业', count: 1 },
    ])
    expect(manifest.terms).toEqual([
      { name: 'Cursor', count: 2 },
      { name: 'RLVR', count: 2 },
      { name: '可验证奖励强化学习', count: 1 },
    ])
    expect(manifest.sources).toEqual([
      { name: '@alice', count: 2 },
      { name: 'example.com', count: 2 },
    ])
    expect(manifest.publishers).toEqual([{ id: 'ai', name: '过去4小时', digestCount: 3 }])
    expect(manifest.itemCount).toBe(4)
  })

  test('the same content compiles to the same bytes', () => {
    const again = compiled({ ...FILES })
    expect(again.manifestJson).toBe(content.manifestJson)
    expect([...again.files]).toEqual([...files])
  })

  test('a changed digest renames its own chunk, the search file and the manifest only', () => {
    const changed = compiled({
      ...FILES,
      'ai/2025/12/c.md': FILES['ai/2025/12/c.md'].replace('text', 'changed text'),
    })
    expect(changed.manifest.chunks['2025-11']).toBe(manifest.chunks['2025-11'])
    expect(changed.manifest.chunks['2025-12']).not.toBe(manifest.chunks['2025-12'])
    expect(changed.manifest.search).not.toBe(manifest.search)
    expect(changed.manifest.contentHash).not.toBe(manifest.contentHash)
  })

  test('a renamed publisher changes the content hash (the manifest file name)', () => {
    const renamed = compiled({ ...FILES, 'ai/publisher.json': '{ "name": "x", "default": true }' })
    expect(renamed.manifest.contentHash).not.toBe(manifest.contentHash)
  })

  test('warnings do not stop a run; drafts are left out', () => {
    const result = compileContent(
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
    if (result.ok) expect(result.content.manifest.digests).toHaveLength(4)
  })
})

test('term counts merge spellings that differ only in case, once per item', () => {
  expect(
    termCounts([['OpenAI', 'openai', 'RLVR'], ['openai', 'llm'], ['OpenAI', 'LLM'], ['llm']]),
  ).toEqual([
    { name: 'llm', count: 3 },
    { name: 'OpenAI', count: 3 },
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
    (written, url) => {
      const strict = compileContent(sourceOf(withLink(written, 'strict')))
      expect(strict.ok).toBe(false)
      expect(strict.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`)).toEqual([
        `6:3: link is not http(s): "${url}"; only http:// and https:// links are allowed`,
      ])
      const lenient = compileContent(sourceOf(withLink(written, 'lenient')))
      if (!lenient.ok) throw new Error(JSON.stringify(lenient.diagnostics))
      const { manifest, files } = lenient.content
      const chunk = chunkSchema.parse(JSON.parse(files.get(manifest.chunks['2025-12']!)!))
      const [bad, good] = chunk.digests[0]!.items
      expect(bad!.url).toBeUndefined()
      expect(bad!.summary.filter((r) => r.kind === 'link')).toEqual([])
      expect(good!.url).toBe('https://g.com/1')
    },
  )

  test('assemble refuses to lay out JSON the app would reject (a compiler bug)', () => {
    const { files, manifest } = compiled()
    const chunk = chunkSchema.parse(JSON.parse(files.get(manifest.chunks['2025-12']!)!))
    chunk.digests[0]!.items[0]!.url = 'https:example.com'
    expect(() => assemble(chunk.digests, [])).toThrow(
      'compiler bug: the chunk 2025-12 does not match the content schema (src/types/content.ts) at digests.0.items.0.url',
    )
  })
})

describe('oversized months', () => {
  // 40 digests of ~30 KB each: about 1.2 MB of one month, so more than two parts.
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

  test('are cut into parts near the target size, and every digest is found in its part', () => {
    const { manifest, files } = bigMonth(40)
    const keys = Object.keys(manifest.chunks)
    expect(keys.length).toBeGreaterThan(2)
    for (const key of keys) expect(key).toMatch(/^2026-04-p\d+$/)
    for (const name of Object.values(manifest.chunks)) {
      expect(Buffer.byteLength(files.get(name)!)).toBeLessThan(CHUNK_TARGET_BYTES + 100_000)
    }
    for (const d of manifest.digests) {
      const chunk = chunkSchema.parse(JSON.parse(files.get(manifest.chunks[d.chunk]!)!))
      expect(chunk.digests.map((x) => x.id)).toContain(d.id)
    }
  })

  test('a new digest at the end of the month leaves the earlier parts unchanged', () => {
    const before = bigMonth(40).manifest.chunks
    const after = bigMonth(41).manifest.chunks
    const lastBefore = `2026-04-p${Object.keys(before).length}`
    for (const [key, name] of Object.entries(before)) {
      if (key !== lastBefore) expect(after[key]).toBe(name)
    }
  })
})
