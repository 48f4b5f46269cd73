import * as v from 'valibot'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { headSchema } from '../src/types/content.ts'
import { writeCompiled } from './write-output.ts'
import { compiled } from './test-support.ts'

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

/** Runs the CLI with its own cache folder (unless the test gives `--cache`/`--no-cache`). */
/** Every file under `dir` with its inode. */
async function inodesOf(dir: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    out.set(path.slice(dir.length + 1), (await stat(path)).ino)
  }
  return out
}

function cli(...args: string[]) {
  const cache = args.some((a) => a.includes('cache')) ? [] : ['--cache', join(tmp, 'cache')]
  return promisify(execFile)('node_modules/.bin/tsx', ['pipeline/cli.ts', ...args, ...cache]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  )
}

describe('writeCompiled', () => {
  test('replaces the output folder: stale files disappear, siblings stay clean', async () => {
    const out = join(tmp, 'write', 'data')
    // A previous output: it holds a head.json.
    await writeTree(out, { 'head.json': '{}', 'stale.json': '{}' })
    const content = await compiled({ 'a.md': GOOD })
    await writeCompiled(content, out)
    const files = await snapshot(out)
    expect(Object.keys(files).sort()).toEqual(['head.json', ...content.files.keys()].sort())
    expect(v.parse(headSchema, JSON.parse(files['head.json']!))).toEqual(content.head)
    expect(await readdir(join(tmp, 'write'))).toEqual(['data'])
  })

  test('refuses to replace a non-empty folder that is not a previous output', async () => {
    const out = join(tmp, 'write-notes')
    await writeTree(out, { 'notes.md': 'mine' })
    const content = await compiled({ 'a.md': GOOD })
    await expect(writeCompiled(content, out)).rejects.toThrow(
      `refusing to write: --out ${out} is a non-empty folder without head.json (not a previous output)`,
    )
    expect(await snapshot(out)).toEqual({ 'notes.md': 'mine' })
  })
})

// Each test starts CLI processes (tsx start-up each): seconds apiece on a busy 2-core machine.
describe('the CLI', { timeout: 60_000 }, () => {
  test('compiles a folder, then a failed run leaves that output byte for byte', async () => {
    const input = join(tmp, 'in')
    const out = join(tmp, 'out')
    await writeTree(input, { '2025/a.md': GOOD })
    const first = await cli('--in', input, '--out', out)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`wrote 1 digests, 1 items to ${out}`)
    const before = await snapshot(out)
    expect(Object.keys(before)).toContain('head.json')

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

  test('a rebuild reuses the cache and the previous output, and writes what a cold build writes', async () => {
    const input = join(tmp, 'warm-in')
    const files: Record<string, string> = {}
    // Two years: a new digest in the newest month leaves the older year's files as they were.
    for (let h = 0; h < 20; h++) {
      const hh = String(h).padStart(2, '0')
      files[`2024/${hh}.md`] = GOOD.replace('2025-12-22T04:00', `2024-06-01T${hh}:00`).replace(
        '/1)',
        `/${h})`,
      )
      files[`2025/${hh}.md`] = GOOD.replace('T04:00', `T${hh}:00`).replace('/1)', `/${h + 50})`)
    }
    await writeTree(input, files)
    const warmOut = join(tmp, 'warm-out')
    const coldOut = join(tmp, 'cold-out')
    expect((await cli('--in', input, '--out', warmOut, '--cache', join(tmp, 'c2'))).code).toBe(0)
    const inodes = await inodesOf(warmOut)
    await writeTree(input, {
      '2025/20.md': GOOD.replace('T04:00', 'T20:00').replace('/1)', '/99)'),
    })
    const warm = await cli('--in', input, '--out', warmOut, '--cache', join(tmp, 'c2'))
    expect(warm.code).toBe(0)
    // The head, and the few files the new digest touches; everything else is the previous output.
    const [, written, reused] = /\((\d+) files written, (\d+) unchanged\)/.exec(warm.stdout)!
    const after = await inodesOf(warmOut)
    const older = [...after.keys()].filter((name) => /^(chunks|months|search)\/2024/.test(name))
    expect(older.length).toBeGreaterThan(4)
    // 2024's files are the very files of the previous output (hard links), not written again.
    for (const name of older) expect(after.get(name)).toBe(inodes.get(name))
    expect(Number(reused)).toBeGreaterThanOrEqual(older.length)
    expect(Number(written) + Number(reused)).toBe(after.size)
    expect((await cli('--in', input, '--out', coldOut, '--no-cache')).code).toBe(0)
    expect(await snapshot(warmOut)).toEqual(await snapshot(coldOut))
  }, 60_000)

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
      [join(tmp, 'guarded', 'docs'), 'is a non-empty folder without head.json'],
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
