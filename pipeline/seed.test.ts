import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { compileContent } from './compile.ts'
import { readContentDir } from './fs-content.ts'
import { digestsOf } from './test-support.ts'

const SEED_ROOT = fileURLToPath(new URL('../content/digests', import.meta.url))

describe('the bundled seed digest', async () => {
  // The bundled folder itself, not contentRoot(): a DIGESTS_DIR in the environment must not swap
  // another archive in under this test.
  const result = await compileContent(await readContentDir(SEED_ROOT))
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  const digests = digestsOf(result.content)
  const digest = digests[0]!

  test('compiles to digest 2025-12-22-04 with 4 categories and 11 items', () => {
    expect(digests.map((d) => d.id)).toEqual(['2025-12-22-04'])
    expect(digest.categories).toEqual(['AI 发展', '模型应用', '行业洞察', '技术创新'])
    expect(digest.items).toHaveLength(11)
    expect(result.diagnostics).toEqual([])
  })

  test('item 1 links to the vista8 status and carries its bold terms', () => {
    const first = digest.items[0]!
    expect(first.url).toBe('https://x.com/vista8/status/2002765844682862597')
    expect(first.source).toEqual({
      host: 'x.com',
      handle: 'vista8',
      statusId: '2002765844682862597',
    })
    expect(first.terms).toEqual(
      expect.arrayContaining(['RLVR', 'Cursor', 'Claude Code', 'Nano Banana']),
    )
    expect(first.terms).toContain('可验证奖励强化学习')
  })

  test("item 3's terms include its bold phrase", () => {
    expect(digest.items[2]!.terms).toContain('基于视觉的验证器')
  })
})
