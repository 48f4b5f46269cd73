import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Digest } from '../src/types/content.ts'
import { compileContent, type CompileResult } from './compile.ts'
import { readContentDir } from './fs-content.ts'
import { digestsOf as compiledDigests, sourceOf } from './test-support.ts'

const SEED = {
  'ai/publisher.json': '{ "name": "过去4小时", "default": true, "mode": "strict" }',
  'ai/2025/12/a.md':
    '---\ntitle: "种子"\ndate: 2025-12-22T04:00:00+08:00\n---\n1. [S1](https://seed.example/1)\n',
}
const LENIENT = '{ "name": "别家", "mode": "lenient" }'

function digestsOf(result: CompileResult): Digest[] {
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 1))
  return compiledDigests(result.content)
}

describe('lenient publishers in a compile run', () => {
  test('broken and empty files are skipped with warnings; the run still succeeds', async () => {
    const result = await compileContent(
      sourceOf({
        ...SEED,
        'other/publisher.json': LENIENT,
        'other/2026-03-01-daily.md': '## [甲](https://o.example/1)\n\n甲。\n',
        'other/2026-03-02-daily.md': '---\ntitle: [broken\n---\n\n- [乙](https://o.example/2)\n',
        'other/2026-03-03-daily.md': '---\ntitle: 空\ndate: 2026-03-03\n---\n\n今天没有内容。\n',
        'other/notes.md': '- [无日期](https://o.example/3)\n',
      }),
    )
    expect(result.ok).toBe(true)
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true)
    const other = result.stats.find((s) => s.publisher === 'other')
    expect(other).toEqual({
      publisher: 'other',
      files: 4,
      digests: 1,
      items: 1,
      itemsWithLink: 1,
      warnings: {
        'no-front-matter': 2,
        'missing-title': 2,
        'invalid-yaml': 1,
        'empty-digest': 1,
        'missing-date': 1,
      },
      errors: 0,
    })
    expect(digestsOf(result).map((d) => d.id)).toEqual([
      'other-2026-03-01-00-daily',
      '2025-12-22-04',
    ])
  })

  test('--lenient reads a strict publisher leniently: its broken file becomes a warning', async () => {
    const files = {
      ...SEED,
      'ai/2025/12/b.md': '---\ntitle: "坏"\ndate: 2025-12-22T08:00:00+08:00\n---\n- 没有链接\n',
    }
    expect((await compileContent(sourceOf(files))).ok).toBe(false)
    const lenient = await compileContent(sourceOf(files), { lenient: true })
    expect(digestsOf(lenient).map((d) => d.id)).toEqual(['2025-12-22-04'])
    expect(lenient.stats[0]!.warnings).toEqual({ 'empty-digest': 1 })
  })

  test('ids: prefixed per publisher, unique on shared dates and file names, stable when a publisher is added', async () => {
    const notMuch = (date: string) =>
      `---\ntitle: "not much happened today"\ndate: ${date}\n---\n\n- [x](https://n.example/${date})\n`
    const other = {
      'other/publisher.json': LENIENT,
      'other/a/2026-03-01-daily.md': notMuch('2026-03-01'),
      'other/b/2026-03-01-daily.md': notMuch('2026-03-01'),
      'other/a/2026-03-01-weekly.md': notMuch('2026-03-01'),
      'other/a/2026-03-02-daily.md': notMuch('2026-03-02'),
    }
    const alone = digestsOf(await compileContent(sourceOf({ ...SEED, ...other })))
    const ids = alone.map((d) => d.id)
    expect(new Set(ids).size).toBe(5)
    expect(ids).toContain('other-2026-03-02-00-daily')
    expect(ids).toContain('other-2026-03-01-00-weekly')
    // Same name, same date, two folders: a hash of each path keeps both, with a warning.
    expect(ids.filter((id) => /^other-2026-03-01-00-daily-[0-9a-f]{6}$/.test(id))).toHaveLength(2)

    const more = digestsOf(
      await compileContent(
        sourceOf({
          ...SEED,
          ...other,
          'third/publisher.json': LENIENT,
          'third/2026-03-01.md': notMuch('2026-03-01'),
        }),
      ),
    )
    const itemIds = (list: Digest[]) => list.flatMap((d) => d.items.map((i) => i.id)).sort()
    expect(itemIds(more.filter((d) => d.publisher !== 'third'))).toEqual(itemIds(alone))
    expect(more.find((d) => d.publisher === 'third')!.id).toBe('third-2026-03-01-00')
  })
})

describe('lenient digest ids depend on their own file only', () => {
  const day = (title: string, url: string, date = '2026-05-02') =>
    `---\ntitle: "${title}"\ndate: ${date}\n---\n\n- [${title}](${url})\n`
  const horizon = {
    'horizon/publisher.json': LENIENT,
    'horizon/posts/2026-05-02-summary-zh.md': day('中文', 'https://h.example/1'),
  }

  test('a file appearing beside a digest on its day leaves its digest and item ids unchanged', async () => {
    const [alone] = digestsOf(await compileContent(sourceOf(horizon)))
    expect(alone!.id).toBe('horizon-2026-05-02-00-summary-zh')
    const both = digestsOf(
      await compileContent(
        sourceOf({
          ...horizon,
          'horizon/posts/2026-05-02-summary-en.md': day('English', 'https://h.example/1'),
        }),
      ),
    )
    const zh = both.find((d) => d.title === alone!.title)!
    expect(zh.id).toBe(alone!.id)
    expect(zh.items.map((i) => i.id)).toEqual(alone!.items.map((i) => i.id))
    expect(both.map((d) => d.id).sort()).toEqual([
      'horizon-2026-05-02-00-summary-en',
      'horizon-2026-05-02-00-summary-zh',
    ])
  })

  test('a bare date or index name adds nothing; a name without ASCII letters adds its hash', async () => {
    const ids = digestsOf(
      await compileContent(
        sourceOf({
          'p/publisher.json': LENIENT,
          'p/2026-05-01.md': day('a', 'https://p.example/1', '2026-05-01'),
          'p/2026-05-03/index.md': day('b', 'https://p.example/2', '2026-05-03'),
          'p/日报.md': day('c', 'https://p.example/3', '2026-05-04'),
        }),
      ),
    ).map((d) => d.id)
    expect(ids.sort()).toEqual([
      'p-2026-05-01-00',
      'p-2026-05-03-00',
      expect.stringMatching(/^p-2026-05-04-00-[0-9a-f]{6}$/),
    ])
  })

  test('strict publishers still get an error naming both files', async () => {
    const result = await compileContent(
      sourceOf({
        ...SEED,
        'ai/2025/12/b.md': SEED['ai/2025/12/a.md'].replace('seed.example/1', 'seed.example/2'),
      }),
    )
    expect(result.ok).toBe(false)
    expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([
      'ai/2025/12/a.md: duplicate digest id "2025-12-22-04": ai/2025/12/b.md has the same date and hour',
      'ai/2025/12/b.md: duplicate digest id "2025-12-22-04": ai/2025/12/a.md has the same date and hour',
    ])
  })
})

describe('a content root that links an archive in (from inside the root)', () => {
  const fixtures = resolve('test/fixtures/lenient')
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lenient-root-'))
    await mkdir(join(root, 'linked'))
    await cp(join(fixtures, 'publisher.json'), join(root, 'linked', 'publisher.json'))
    // Links must stay inside the root (fs-content.test.ts), so the archive is copied into a
    // hidden folder of the root (not read itself) and linked into the publisher from there.
    await cp(join(fixtures, 'archive'), join(root, '.archives', 'lenient'), { recursive: true })
    await symlink(join(root, '.archives', 'lenient'), join(root, 'linked', 'archive'), 'dir')
    // A link back up must not make the walk loop.
    await symlink(root, join(root, 'linked', 'loop'), 'dir')
    await writeFile(join(root, 'note.txt'), 'not a digest')
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  test('readContentDir follows symlinked folders inside the root, once each', async () => {
    const source = await readContentDir(root)
    expect(source.files.map((f) => f.path)).toEqual([
      'linked/archive/2026-03-01-daily.md',
      'linked/archive/2026-03-02-weekly.md',
    ])
    const digests = digestsOf(await compileContent(source))
    expect(digests.map((d) => [d.id, d.title, d.items.map((i) => i.title)])).toEqual([
      ['linked-2026-03-02-00-weekly', '周报 2026-03-02', ['第一个要点', '第二个要点']],
      [
        'linked-2026-03-01-00-daily',
        'Daily 2026-03-01',
        ['一篇关于检索的论文', '某公司发布新模型'],
      ],
    ])
  })

  test('the CLI ends with the per-publisher summary', async () => {
    const { stdout } = await promisify(execFile)('node_modules/.bin/tsx', [
      'pipeline/cli.ts',
      '--in',
      root,
      '--check',
    ])
    const row = stdout.split('\n').find((line) => line.startsWith('linked '))
    expect(row?.split(/\s+/)).toEqual([
      'linked',
      '2',
      '2',
      '4',
      '2',
      'no-front-matter=1',
      'missing-title=1',
      'truncated=1',
      'no-link=2',
    ])
  })
})
