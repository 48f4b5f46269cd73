/**
 * `npm run bench:size`: what a first visit to `/` downloads, gzip and brotli as deploy/nginx serves
 * them, against budgets (on gzip, the larger) and against a baseline built in the same run (a bare
 * React + ReactDOM page with the same Vite config), so the figures say what the app adds on top of
 * React itself. Exits non-zero when a budget is missed.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'vite'
import react from '@vitejs/plugin-react'
import { fmtBytes } from './stats.ts'
import { BUDGET_MISSED_EXIT } from './support/report.ts'

/** Budgets for the first screen (gzip bytes). */
const BUDGETS = {
  'app JS': 175_000,
  'app CSS': 15_000,
  head: 60_000,
  'first screen total': 260_000,
}

interface Served {
  gzip: number
  brotli: number
}

/**
 * Bytes of a file as deploy/nginx/digest-reader.conf sends it: the build's precompressed `.gz` /
 * `.br` beside a file when there is one (gzip_static, brotli_static: JS and CSS), else compressed on
 * the fly at the config's levels (gzip 6, brotli 5), and files under its 512-byte minimum as they are.
 */
function served(path: string): Served {
  const raw = readFileSync(path)
  const small = raw.length < 512
  const gzip = existsSync(`${path}.gz`)
    ? readFileSync(`${path}.gz`).length
    : small
      ? raw.length
      : gzipSync(raw, { level: 6 }).length
  const brotli = existsSync(`${path}.br`)
    ? readFileSync(`${path}.br`).length
    : small
      ? raw.length
      : brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length
  return { gzip, brotli }
}

const add = (a: Served, b: Served): Served => ({
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
})
const NONE: Served = { gzip: 0, brotli: 0 }

/**
 * Files a first visit to `/` fetches: index.html, the entry JS/CSS it names (modulepreloads too),
 * and the head file it names (`data-digest-head`), which holds the newest digests in full.
 */
function firstScreen(outDir: string) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const assets = [
    ...new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1]!)),
  ]
  const sum = (list: string[]) => list.reduce((n, a) => add(n, served(join(outDir, a))), NONE)
  const head = html.match(/data-digest-head="\/?([^"]+)"/)?.[1]
  if (!head) throw new Error('index.html names no head file (data-digest-head)')
  return {
    html: served(join(outDir, 'index.html')),
    js: sum(assets.filter((a) => a.endsWith('.js'))),
    css: sum(assets.filter((a) => a.endsWith('.css'))),
    head: served(join(outDir, head)),
  }
}

async function buildBaseline(): Promise<Served> {
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
    return assets.reduce((n, f) => add(n, served(join(root, 'dist', 'assets', f))), NONE)
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

/** Served bytes of the files under `dir` of `after` that `before` lacks (names are content-hashed). */
function newFiles(before: string, after: string, dir: string): { files: string[]; bytes: Served } {
  const known = new Set(readdirSync(join(before, dir), { recursive: true }).map(String))
  const files = readdirSync(join(after, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css') || f.endsWith('.json'))
    .filter((f) => !known.has(f))
  return { files, bytes: files.reduce((n, f) => add(n, served(join(after, dir, f))), NONE) }
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
  const total = [app.html, app.js, app.css, app.head].reduce(add, NONE)
  const rows: [string, Served, number | undefined][] = [
    ['index.html', app.html, undefined],
    ['app JS', app.js, BUDGETS['app JS']],
    ['app CSS', app.css, BUDGETS['app CSS']],
    ['head (newest digests in full)', app.head, BUDGETS.head],
    ['first screen total', total, BUDGETS['first screen total']],
    ['baseline: bare React + ReactDOM JS', baseline, undefined],
  ]
  console.log('First visit to / (bytes as deploy/nginx serves them), bundled content:\n')
  console.log('| file | gzip | brotli | budget (gzip) | status |\n|---|---|---|---|---|')
  const failures: string[] = []
  for (const [name, bytes, budget] of rows) {
    const ok = budget === undefined || bytes.gzip <= budget
    if (!ok) failures.push(`${name}: ${fmtBytes(bytes.gzip)} > ${fmtBytes(budget!)}`)
    console.log(
      `| ${name} | ${fmtBytes(bytes.gzip)} (${bytes.gzip} B) | ${fmtBytes(bytes.brotli)} (${bytes.brotli} B) | ` +
        `${budget ? fmtBytes(budget) : '—'} | ${budget ? (ok ? 'ok' : 'OVER') : ''} |`,
    )
  }
  console.log(
    `\napp JS / baseline React JS: ${(app.js.gzip / baseline.gzip).toFixed(2)}× gzip ` +
      `(the app adds ${fmtBytes(app.js.gzip - baseline.gzip)} gzip, ` +
      `${fmtBytes(app.js.brotli - baseline.brotli)} brotli on top of React)`,
  )

  // A reader who comes back after the publisher added a digest should fetch the new data, not the
  // app again: the JS and CSS must be byte-identical.
  const updatedDir = mkdtempSync(join(tmpdir(), 'size-app-updated-'))
  try {
    await buildWithNewDigest(updatedDir)
    const code = newFiles(outDir, updatedDir, 'assets')
    const data = newFiles(outDir, updatedDir, 'data')
    const html = served(join(updatedDir, 'index.html'))
    console.log('\nReturning after one new digest (bytes fetched again, as served):\n')
    console.log('| what | files | gzip | brotli | budget | status |\n|---|---|---|---|---|---|')
    console.log(`| index.html | 1 | ${fmtBytes(html.gzip)} | ${fmtBytes(html.brotli)} | — | |`)
    console.log(
      `| new data files (head, month, chunk, search segment…) | ${data.files.length} | ` +
        `${fmtBytes(data.bytes.gzip)} | ${fmtBytes(data.bytes.brotli)} | — | |`,
    )
    const ok = code.files.length === 0
    console.log(
      `| JS and CSS | ${code.files.length} | ${fmtBytes(code.bytes.gzip)} | ${fmtBytes(code.bytes.brotli)} | 0 B | ${ok ? 'ok' : 'OVER'} |`,
    )
    if (!ok) failures.push(`a content update changed the app's code: ${code.files.join(', ')}`)
  } finally {
    rmSync(updatedDir, { recursive: true, force: true })
  }
  if (failures.length) {
    console.error(`\nBudget missed:\n${failures.join('\n')}`)
    process.exitCode = BUDGET_MISSED_EXIT
  } else console.log('All size budgets met.')
} finally {
  rmSync(outDir, { recursive: true, force: true })
}
