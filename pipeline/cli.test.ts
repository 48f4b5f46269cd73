import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { manifestSchema } from '../src/types/content.ts'
import { compileContent } from './compile.ts'
import { writeCompiled } from './fs-content.ts'
import { sourceOf } from './test-support.ts'

const GOOD =
  '---\ntitle: t\ndate: 2025-12-22T04:00:00+08:00\n---\n- [T](https://a.com/1)\n  **RLVR**\n'
const BAD =
  '---\ntitle: t\ndate: 2025-12-22T05:00:00+08:00\n---\n- [T](javascript:alert(1))\n- no link\n'

let tmp: string
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'pipeline-cli-'))
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

async function writeTree(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true })
    await writeFile(join(root, path), text)
  }
}

/** Every file under `dir` with its bytes, for before/after comparisons. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name)
      out[path.slice(dir.length + 1)] = await readFile(path, 'utf8')
    }
  }
  return out
}

function cli(...args: string[]) {
  return promisify(execFile)('node_modules/.bin/tsx', ['pipeline/cli.ts', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
}

describe('writeCompiled', () => {
  test('replaces the output folder: stale files disappear, siblings stay clean', async () => {
    const out = join(tmp, 'write', 'data')
    // A previous output: it holds a manifest.json.
    await writeTree(out, { 'manifest.json': '{}', 'stale.json': '{}' })
    const result = compileContent(sourceOf({ 'a.md': GOOD }))
    if (!result.ok) throw new Error('fixture must compile')
    await writeCompiled(result.content, out)
    const files = await snapshot(out)
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', ...result.content.files.keys()].sort(),
    )
    expect(manifestSchema.parse(JSON.parse(files['manifest.json']!))).toEqual(
      result.content.manifest,
    )
    expect(await readdir(join(tmp, 'write'))).toEqual(['data'])
  })

  test('refuses to replace a non-empty folder that is not a previous output', async () => {
    const out = join(tmp, 'write-notes')
    await writeTree(out, { 'notes.md': 'mine' })
    const result = compileContent(sourceOf({ 'a.md': GOOD }))
    if (!result.ok) throw new Error('fixture must compile')
    await expect(writeCompiled(result.content, out)).rejects.toThrow(
      `refusing to write: --out ${out} is a non-empty folder without manifest.json (not a previous output)`,
    )
    expect(await snapshot(out)).toEqual({ 'notes.md': 'mine' })
  })
})

describe('the CLI', () => {
  test('compiles a folder, then a failed run leaves that output byte for byte', async () => {
    const input = join(tmp, 'in')
    const out = join(tmp, 'out')
    await writeTree(input, { '2025/a.md': GOOD })
    const first = await cli('--in', input, '--out', out)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`wrote 1 digests, 1 items to ${out}`)
    const before = await snapshot(out)
    expect(Object.keys(before)).toContain('manifest.json')

    await writeTree(input, { '2025/b.md': BAD })
    const failed = await cli('--in', input, '--out', out)
    expect(failed.code).toBe(1)
    expect(failed.stderr.trim().split('\n')).toEqual([
      `${input}/2025/b.md:5:3: link is not http(s): "javascript:alert(1)"; only http:// and https:// links are allowed`,
      `${input}/2025/b.md:6:1: list item without a link: an item starts with [title](url)`,
      '',
      '2 error(s); nothing was written.',
    ])
    expect(await snapshot(out)).toEqual(before)
  })

  test('--check compiles but writes nothing', async () => {
    const input = join(tmp, 'check-in')
    const out = join(tmp, 'check-out')
    await writeTree(input, { 'a.md': GOOD })
    const result = await cli('--in', input, '--out', out, '--check')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('ok: 1 digests, 1 items (--check: nothing written)')
    await expect(readdir(out)).rejects.toThrow(/ENOENT/)
  })

  test('refuses an --out that would replace the content or a folder that is not an output', async () => {
    const input = join(tmp, 'guarded', 'content')
    await writeTree(input, { '2025/a.md': GOOD })
    await writeTree(join(tmp, 'guarded', 'docs'), { 'readme.md': 'keep me' })
    const before = await snapshot(join(tmp, 'guarded'))
    const cases: [string, string][] = [
      [input, 'is the content folder itself'],
      [`${input}/`, 'is the content folder itself'],
      [join(tmp, 'guarded'), `contains the content folder ${input}`],
      [join(input, '2025', 'out'), `is inside the content folder ${input}`],
      [join(tmp, 'guarded', 'docs'), 'is a non-empty folder without manifest.json'],
      [join(input, '2025', 'a.md'), 'is inside the content folder'],
    ]
    for (const [out, why] of cases) {
      const result = await cli('--in', input, '--out', out)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`refusing to write: --out ${out} ${why}`)
    }
    expect(await snapshot(join(tmp, 'guarded'))).toEqual(before)
  }, 60_000)

  test('bad usage exits 2 with the usage line', async () => {
    const unknown = await cli('--frobnicate')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('usage: npm run content -- [--in DIR]')
    const missing = await cli('--in', join(tmp, 'nowhere'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`no such content folder: ${join(tmp, 'nowhere')}`)
  })
})
