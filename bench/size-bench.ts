/**
 * `npm run bench:size`: what a first visit to `/` downloads, gzip, against budgets and against a
 * baseline built in the same run (a bare React + ReactDOM page with the same Vite config), so the
 * figures say what the app adds on top of React itself. Exits non-zero when a budget is missed.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { fmtBytes } from './stats.ts'

/** Budgets for the first screen (gzip bytes). */
const BUDGETS = {
  'app JS': 175_000,
  'app CSS': 15_000,
  manifest: 60_000,
  'first screen total': 260_000,
}

const gz = (path: string) => gzipSync(readFileSync(path)).length

/** Files a first visit to `/` fetches: the entry JS/CSS in index.html, the manifest, its newest chunk. */
function firstScreen(outDir: string) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const assets = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!)
  const js = assets.filter((a) => a.endsWith('.js')).reduce((n, a) => n + gz(join(outDir, a)), 0)
  const css = assets.filter((a) => a.endsWith('.css')).reduce((n, a) => n + gz(join(outDir, a)), 0)
  const manifestName = readdirSync(join(outDir, 'data')).find((f) => f.startsWith('manifest.'))!
  const manifest = JSON.parse(readFileSync(join(outDir, 'data', manifestName), 'utf8')) as {
    digests: { chunk: string }[]
    chunks: Record<string, string>
  }
  const newest = manifest.digests[0]
  const chunk = newest ? gz(join(outDir, 'data', manifest.chunks[newest.chunk]!)) : 0
  return { js, css, manifest: gz(join(outDir, 'data', manifestName)), chunk }
}

async function buildBaseline(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'size-baseline-'))
  try {
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><div id="root"></div><script type="module" src="/main.jsx"></script>',
    )
    writeFileSync(
      join(root, 'main.jsx'),
      "import { createRoot } from 'react-dom/client'\ncreateRoot(document.getElementById('root')).render(<p>hello</p>)\n",
    )
    await build({
      root,
      configFile: false,
      logLevel: 'error',
      plugins: [react()],
      resolve: { alias: { react: resolveDep('react'), 'react-dom': resolveDep('react-dom') } },
      build: { outDir: join(root, 'dist') },
    })
    const assets = readdirSync(join(root, 'dist', 'assets')).filter((f) => f.endsWith('.js'))
    return assets.reduce((n, f) => n + gz(join(root, 'dist', 'assets', f)), 0)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** A digest added by the publisher after the first build (bench-only input, in a temp folder). */
const NEW_DIGEST = `---
title: 过去4小时全球AI发生了什么？
date: 2099-01-01T00:00:00+08:00
categories: [模型应用]
---
1.  [A digest published after the first build](https://example.com/new)
    Its **summary** is short.
`

/** Builds the app again with one more digest than `content/digests` holds, into `outDir`. */
async function buildWithNewDigest(outDir: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'size-content-'))
  const previous = process.env.DIGESTS_DIR
  try {
    cpSync('content/digests', root, { recursive: true })
    mkdirSync(join(root, 'ai-4h', '2099', '01'), { recursive: true })
    writeFileSync(join(root, 'ai-4h', '2099', '01', '2099-01-01-00.md'), NEW_DIGEST)
    process.env.DIGESTS_DIR = root
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } })
  } finally {
    if (previous === undefined) delete process.env.DIGESTS_DIR
    else process.env.DIGESTS_DIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}

/** Gzip bytes of the files under `dir` of `after` that `before` lacks (names are content-hashed). */
function newFiles(before: string, after: string, dir: string): { files: string[]; bytes: number } {
  const known = new Set(readdirSync(join(before, dir), { recursive: true }).map(String))
  const files = readdirSync(join(after, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css') || f.endsWith('.json'))
    .filter((f) => !known.has(f))
  return { files, bytes: files.reduce((n, f) => n + gz(join(after, dir, f)), 0) }
}

function resolveDep(name: string): string {
  return join(process.cwd(), 'node_modules', name)
}

const outDir = mkdtempSync(join(tmpdir(), 'size-app-'))
try {
  // The project's own vite.config.ts, so the bundled digests are compiled as in `npm run build`.
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } })
  const app = firstScreen(outDir)
  const baseline = await buildBaseline()
  const total = app.js + app.css + app.manifest + app.chunk
  const rows: [string, number, number | undefined][] = [
    ['app JS', app.js, BUDGETS['app JS']],
    ['app CSS', app.css, BUDGETS['app CSS']],
    ['manifest', app.manifest, BUDGETS.manifest],
    ['newest month chunk', app.chunk, undefined],
    ['first screen total', total, BUDGETS['first screen total']],
    ['baseline: bare React + ReactDOM JS', baseline, undefined],
  ]
  console.log('First visit to / (gzip bytes), bundled content:\n')
  console.log('| file | gzip | budget | status |\n|---|---|---|---|')
  const failures: string[] = []
  for (const [name, bytes, budget] of rows) {
    const ok = budget === undefined || bytes <= budget
    if (!ok) failures.push(`${name}: ${fmtBytes(bytes)} > ${fmtBytes(budget!)}`)
    console.log(
      `| ${name} | ${fmtBytes(bytes)} (${bytes} B) | ${budget ? fmtBytes(budget) : '—'} | ${budget ? (ok ? 'ok' : 'OVER') : ''} |`,
    )
  }
  console.log(
    `\napp JS / baseline React JS: ${(app.js / baseline).toFixed(2)}× (the app adds ${fmtBytes(app.js - baseline)} gzip on top of React)`,
  )

  // A reader who comes back after the publisher added a digest should fetch the new data, not the
  // app again: the JS and CSS must be byte-identical.
  const updatedDir = mkdtempSync(join(tmpdir(), 'size-app-updated-'))
  try {
    await buildWithNewDigest(updatedDir)
    const code = newFiles(outDir, updatedDir, 'assets')
    const data = newFiles(outDir, updatedDir, 'data')
    const html = gz(join(updatedDir, 'index.html'))
    console.log('\nReturning after one new digest (gzip bytes fetched again):\n')
    console.log('| what | files | gzip | budget | status |\n|---|---|---|---|---|')
    console.log(`| index.html | 1 | ${fmtBytes(html)} | — | |`)
    console.log(
      `| data (manifest, chunk, search) | ${data.files.length} | ${fmtBytes(data.bytes)} | — | |`,
    )
    const ok = code.files.length === 0
    console.log(
      `| JS and CSS | ${code.files.length} | ${fmtBytes(code.bytes)} | 0 B | ${ok ? 'ok' : 'OVER'} |`,
    )
    if (!ok) failures.push(`a content update changed the app's code: ${code.files.join(', ')}`)
  } finally {
    rmSync(updatedDir, { recursive: true, force: true })
  }
  if (failures.length) {
    console.error(`\nBudget missed:\n${failures.join('\n')}`)
    process.exitCode = 1
  } else console.log('All size budgets met.')
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
