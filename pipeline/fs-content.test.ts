import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, realpath, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { compileContent } from './compile.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { readContentDir } from './fs-content.ts'
import { compileDir } from './compile-dir.ts'
import { diskCache } from './compile-cache.ts'

const digest = (hour: string, title: string) =>
  `---\ntitle: "${title}"\ndate: 2025-12-22T${hour}:00:00+08:00\n---\n1. [${title}](https://a.example/${hour})\n`
const SECRET = '绝不应该发布的内容'

let tmp: string
/** A content root, and beside it (outside) a folder with a digest that must never be read. */
let root: string
let outside: string
beforeAll(async () => {
  // Real path: messages name where a link really leads (macOS's tmpdir is itself a link).
  tmp = await realpath(await mkdtemp(join(tmpdir(), 'fs-content-')))
  root = join(tmp, 'content')
  outside = join(tmp, 'private')
  await write(join(root, 'ok.md'), digest('04', '正常'))
  await write(join(outside, 'secret.md'), digest('08', SECRET))
})
afterAll(() => rm(tmp, { recursive: true, force: true }))

async function write(path: string, text: string) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

/** A fresh copy of the root with `links` added (name inside the root → target). */
async function rootWith(name: string, links: Record<string, string>): Promise<string> {
  const dir = join(tmp, name)
  await write(join(dir, 'ok.md'), digest('04', '正常'))
  for (const [link, target] of Object.entries(links)) {
    await mkdir(dirname(join(dir, link)), { recursive: true })
    await symlink(target, join(dir, link))
  }
  return dir
}

const errorsOf = async (dir: string) =>
  (await readContentDir(dir)).diagnostics.map((d) => formatDiagnostic(d))

describe('files outside the content folder', () => {
  test('a .md symlink that leads outside is refused with its path, and not read', async () => {
    const dir = await rootWith('file-link', { 'leak.md': join(outside, 'secret.md') })
    const source = await readContentDir(dir)
    expect(source.files.map((f) => f.path)).toEqual(['ok.md'])
    expect(source.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      `leak.md:1:1: links to ${join(outside, 'secret.md')}, outside the content folder ${dir}: refused (only files inside it are published)`,
    ])
    const result = await compileContent(source)
    expect(result.ok).toBe(false)
    expect(JSON.stringify(result)).not.toContain(SECRET)
  })

  test('a folder symlink that leads outside is refused, whatever it holds', async () => {
    const dir = await rootWith('folder-link', { 'pub/archive': outside })
    expect(await errorsOf(dir)).toEqual([
      `pub/archive:1:1: links to the folder ${outside}, outside the content folder ${dir}: refused (only files inside it are published)`,
    ])
    expect((await readContentDir(dir)).files.map((f) => f.path)).toEqual(['ok.md'])
  })

  test('a link made relative (../) is judged by where it really leads', async () => {
    const dir = await rootWith('relative-link', { 'a/b.md': '../../private/secret.md' })
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/^a\/b\.md:1:1: links to .*secret\.md/),
    ])
  })

  test('a publisher.json that leads outside is refused too', async () => {
    await write(join(outside, 'publisher.json'), '{ "name": "x" }')
    const dir = await rootWith('config-link', {
      'pub/publisher.json': join(outside, 'publisher.json'),
    })
    expect(await errorsOf(dir)).toEqual([
      expect.stringMatching(/^pub\/publisher\.json:1:1: links to /),
    ])
  })

  test('a dangling .md link is an error, not a crash; other dangling links are ignored', async () => {
    const dir = await rootWith('dangling', {
      'gone.md': join(tmp, 'nowhere.md'),
      'gone.png': join(tmp, 'nowhere.png'),
    })
    expect(await errorsOf(dir)).toEqual(['gone.md:1:1: broken symlink: its target does not exist'])
  })

  test('links that stay inside the root are followed, each real folder once', async () => {
    const dir = await rootWith('inside', {})
    await write(join(dir, 'real/d.md'), digest('12', '链接内'))
    await symlink(join(dir, 'real'), join(dir, 'alias'))
    await symlink(join(dir, 'real/d.md'), join(dir, 'again.md'))
    await symlink(dir, join(dir, 'real/loop'))
    const source = await readContentDir(dir)
    expect(source.diagnostics).toEqual([])
    // `alias` and `real` are one folder: read once, under whichever name the walk met first.
    const paths = source.files.map((f) => f.path)
    expect(paths).toHaveLength(3)
    expect(paths).toEqual(['again.md', expect.stringMatching(/^(alias|real)\/d\.md$/), 'ok.md'])
  })

  test('a content root reached through a symlink is still inside itself', async () => {
    const via = join(tmp, 'via-link')
    await symlink(root, via)
    const source = await readContentDir(via)
    expect(source.diagnostics).toEqual([])
    expect(source.files.map((f) => f.path)).toEqual(['ok.md'])
  })

  test('the CLI fails with path: message and writes nothing', async () => {
    const dir = await rootWith('cli', { 'leak.md': join(outside, 'secret.md') })
    const out = join(tmp, 'cli-out')
    const run = await promisify(execFile)('node_modules/.bin/tsx', [
      'pipeline/cli.ts',
      '--in',
      dir,
      '--out',
      out,
    ]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    )
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain(`${dir}/leak.md:1:1: links to ${join(outside, 'secret.md')}`)
    expect(existsSync(out)).toBe(false)
  })
})

describe('files the last build read', () => {
  /** Whole seconds, which `utimes` sets exactly (a Date loses the sub-millisecond part). */
  const LAST_YEAR = 1_735_000_000
  /** A root of three digests, last modified a year ago. */
  async function archiveRoot(name: string) {
    const dir = join(tmp, name)
    for (const hour of ['04', '08', '12']) {
      await write(join(dir, `${hour}.md`), digest(hour, '正常'))
      await utimes(join(dir, `${hour}.md`), LAST_YEAR, LAST_YEAR)
    }
    return dir
  }

  test('are not read again while their stamp holds; one edited in place is, even with its size and time put back', async () => {
    const dir = await archiveRoot('stamped')
    const cacheDir = join(tmp, 'stamped-cache')
    const build = () => compileDir(dir, { cache: diskCache(cacheDir, { freshMs: 0 }) })
    expect((await build()).read).toEqual({ files: 3, unread: 0 })
    expect((await build()).read).toEqual({ files: 3, unread: 3 })

    const path = join(dir, '08.md')
    const before = await stat(path)
    await writeFile(path, digest('08', '异常'))
    await utimes(path, LAST_YEAR, LAST_YEAR)
    const after = await stat(path)
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs])
    const edited = await build()
    expect(edited.read).toEqual({ files: 3, unread: 2 })
    if (!edited.ok) throw new Error('compile failed')
    expect(edited.content.headJson).toContain('异常')
  })

  test('a file changed just before a build is read again by the next one (its stamp too fresh to trust)', async () => {
    const dir = await archiveRoot('fresh')
    const cacheDir = join(tmp, 'fresh-cache')
    await compileDir(dir, { cache: cacheDir })
    expect((await compileDir(dir, { cache: cacheDir })).read).toEqual({ files: 3, unread: 0 })
  })
})
