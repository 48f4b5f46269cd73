/**
 * `npm run content -- --in DIR --out DIR [--check] [--lenient] [--cache DIR | --no-cache]`:
 * compiles digests to JSON, reusing the results of unchanged files (by default cached in
 * node_modules/.cache/digest-reader).
 * Exit 0 on success, 1 when any digest has an error (nothing is written then), 2 on bad usage
 * (including an --out that is not a previous output and would be replaced: see unsafeOutDir).
 */
import { stat } from 'node:fs/promises'
import { relative } from 'node:path'
import { parseArgs } from 'node:util'
import type { PublisherStats } from './compile.ts'
import { compileDir } from './compile-dir.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { contentRoot } from './fs-content.ts'
import { createProgress } from './progress.ts'
import { unsafeOutDir, writeCompiled } from './write-output.ts'

const USAGE =
  'usage: npm run content -- [--in DIR] [--out DIR] [--check] [--lenient] [--cache DIR | --no-cache]'

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        in: { type: 'string' },
        out: { type: 'string', default: '.content-out' },
        check: { type: 'boolean', default: false },
        lenient: { type: 'boolean', default: false },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const root = values.in ?? contentRoot()
  if (!(await isDirectory(root))) {
    console.error(`no such content folder: ${root}\n${USAGE}`)
    return 2
  }
  // The output folder is replaced whole: check it before compiling, so a mistyped --out fails fast.
  const unsafe = values.check ? undefined : await unsafeOutDir(values.out, root)
  if (unsafe) {
    console.error(`refusing to write: ${unsafe}\n${USAGE}`)
    return 2
  }
  const result = await compileDir(root, {
    lenient: values.lenient,
    cache: values['no-cache'] ? false : values.cache,
    progress: createProgress(),
  })

  // Paths as the user typed them (or relative to here), so terminals and editors can open them.
  const shown = values.in ?? (relative(process.cwd(), root) || '.')
  for (const d of result.diagnostics) console.error(formatDiagnostic(d, shown))
  printSummary(result.stats)
  const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(
    `compiled in ${sec(result.ms)} (reading ${sec(result.readMs)}: ` +
      `${readSummary(result.read)}; ` +
      `files ${sec(result.timings.files)}, ` +
      `assembly ${sec(result.timings.assemble)})`,
  )
  if (!result.ok) {
    const count = result.diagnostics.filter((d) => d.severity === 'error').length
    console.error(`\n${count} error(s); nothing was written.`)
    return 1
  }
  const { head } = result.content
  if (values.check) {
    console.log(
      `ok: ${head.digestCount} digests, ${head.itemCount} items (--check: nothing written)`,
    )
    return 0
  }
  const { written, reused } = await writeCompiled(result.content, values.out, root)
  console.log(
    `wrote ${head.digestCount} digests, ${head.itemCount} items to ${values.out} ` +
      `(${written} files written, ${reused} unchanged)`,
  )
  return 0
}

/** "12 of 6,571 files read, the rest unchanged since the last build", or "6,571 files read". */
function readSummary({ files, unread }: { files: number; unread: number }): string {
  const read = files - unread
  return unread === 0
    ? `${files} files read`
    : `${read} of ${files} files read, the rest unchanged since the last build`
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

function printSummary(stats: PublisherStats[]): void {
  console.log('\npublisher            files  digests  items  linked  warnings')
  for (const s of stats) {
    const warnings = Object.entries(s.warnings)
      .map(([kind, n]) => `${kind}=${n}`)
      .join(' ')
    console.log(
      `${s.publisher.padEnd(20)} ${String(s.files).padStart(5)}  ${String(s.digests).padStart(7)}  ${String(s.items).padStart(5)}  ${String(s.itemsWithLink).padStart(6)}  ${warnings || '-'}`,
    )
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
