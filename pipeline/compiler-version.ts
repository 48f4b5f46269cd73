import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the compiler's code lives: its own folder and the app modules it shares. */
const projectRoot = fileURLToPath(new URL('..', import.meta.url))
const SOURCES = ['pipeline', 'src/types', 'src/lib/search-text', 'src/lib/topics']
/** Libraries whose version changes what a digest compiles to. */
const PARSERS = ['markdown-it', 'markdown-it-cjk-friendly', 'linkify-it', 'yaml', 'valibot']

let version: string | undefined

/**
 * A hash of the compiler's own source and its parsers' versions: part of every cache key, so a
 * changed compiler never reuses results of the old one (no version number to forget to bump).
 */
export function compilerVersion(): string {
  if (version) return version
  const hash = createHash('sha256')
  for (const dir of SOURCES) {
    const names = readdirSync(join(projectRoot, dir))
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .sort()
    for (const name of names)
      hash.update(`${dir}/${name}\n`).update(readFileSync(join(projectRoot, dir, name)))
  }
  for (const name of PARSERS) {
    const manifest = JSON.parse(
      readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8'),
    ) as { version: string }
    hash.update(`${name}@${manifest.version}\n`)
  }
  version = hash.digest('hex').slice(0, 16)
  return version
}
