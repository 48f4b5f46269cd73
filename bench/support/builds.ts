/**
 * The archive sizes every benchmark measures, built once and shared: the bundled seed (1 digest),
 * a synthetic year and three years from the seeded generator, and the real corpora beside the seed.
 * Builds live in `.bench-cache/` and are reused while the code and inputs they came from are the
 * same (a stamp of both), so `bench:load` and `bench:search:browser` in one CI run build each
 * size once.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, resolve } from 'node:path'
import { assembleCorporaRoot, defaultCorporaDir } from '../../pipeline/corpora-root.ts'
import { writeSyntheticArchive, DIGESTS_PER_YEAR } from '../synthetic-archive.ts'

export const SIZES = ['1 digest', '1 year', '3 years', 'corpora'] as const
export type SizeName = (typeof SIZES)[number]

const CACHE = resolve('.bench-cache')
const slug = (size: SizeName) => size.replace(/\s+/g, '-')
const DIGESTS: Partial<Record<SizeName, number>> = {
  '1 year': DIGESTS_PER_YEAR,
  '3 years': 3 * DIGESTS_PER_YEAR,
}

/** Whether the shared corpora are here; in CI they must be (see e2e/corpora.e2e.ts). */
export function corporaPresent(): boolean {
  return existsSync(defaultCorporaDir())
}

/**
 * The sizes this machine can measure: the corpora only where they are present. The 1-digest
 * build always comes first: every figure is printed beside it.
 */
export function availableSizes(): SizeName[] {
  // BENCH_SIZES="1 year" narrows a run while working on one size (never in CI).
  const only = process.env.BENCH_SIZES?.split(',').map((x) => x.trim())
  if (only && !process.env.CI)
    return SIZES.filter((size) => size === '1 digest' || only.includes(size))
  if (!corporaPresent() && process.env.CI) {
    throw new Error(`CI is set but the corpora are missing at ${defaultCorporaDir()}`)
  }
  if (!corporaPresent()) {
    console.log(`(skipping the corpora: ${defaultCorporaDir()} is missing)`)
    return SIZES.filter((s) => s !== 'corpora')
  }
  return [...SIZES]
}

/** The content folder of a size (generated on first use). */
export async function contentRootOf(size: SizeName): Promise<string> {
  if (size === '1 digest') return resolve('content/digests')
  const root = join(CACHE, `content-${slug(size)}`)
  if (existsSync(join(root, '.complete'))) return root
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  if (size === 'corpora')
    await assembleCorporaRoot(defaultCorporaDir(), resolve('content/digests'), root)
  else writeSyntheticArchive(root, DIGESTS[size]!)
  writeFileSync(join(root, '.complete'), '')
  return root
}

export interface Build {
  size: SizeName
  dist: string
  contentRoot: string
  /** Wall time of `vite build` (compile from a warm cache included), when built in this run. */
  buildMs?: number
}

/** Hash of what a build depends on: the app, compiler and config sources, and the size. */
function stampOf(size: SizeName): string {
  // The mode is part of the stamp: builds from before NODE_ENV was pinned were development ones.
  const hash = createHash('sha256').update(size).update('NODE_ENV=production')
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) walk(join(path, name))
    } else hash.update(path).update(readFileSync(path))
  }
  for (const path of [
    'src',
    'pipeline',
    'index.html',
    'vite.config.ts',
    'package-lock.json',
    'public',
  ])
    walk(path)
  return hash.digest('hex').slice(0, 16)
}

/** The built app of a size, built now unless an up-to-date build is cached. */
export async function buildOf(size: SizeName, { cache = true } = {}): Promise<Build> {
  const dist = join(CACHE, `dist-${slug(size)}`)
  const stamp = stampOf(size)
  const contentRoot = await contentRootOf(size)
  if (
    cache &&
    existsSync(join(dist, '.stamp')) &&
    readFileSync(join(dist, '.stamp'), 'utf8') === stamp
  ) {
    return { size, dist, contentRoot }
  }
  const start = performance.now()
  await run(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      dist,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    {
      DIGESTS_DIR: contentRoot,
      // Vitest sets NODE_ENV=test, and a `vite build` that inherits it bundles React's development
      // build (3–5× slower to render). The e2e scale test builds through here too, and the benches
      // reuse its output: every build must be the production one a deploy ships.
      NODE_ENV: 'production',
    },
  )
  const buildMs = performance.now() - start
  assertProductionBuild(dist)
  writeFileSync(join(dist, '.stamp'), stamp)
  return { size, dist, contentRoot, buildMs }
}

/** Fails when a build bundled React's development code: its figures would not be a deploy's. */
function assertProductionBuild(dist: string): void {
  const assets = join(dist, 'assets')
  for (const name of readdirSync(assets)) {
    if (name.endsWith('.js') && readFileSync(join(assets, name), 'utf8').includes('jsxDEV')) {
      throw new Error(`${join(assets, name)} is a development build (it calls jsxDEV)`)
    }
  }
}

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${args.join(' ')} failed:\n${output}`)),
    )
  })
}

/** Total bytes and count of the files under a folder (what a deploy uploads). */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    files++
    bytes += statSync(join(entry.parentPath, entry.name)).size
  }
  return { files, bytes }
}
