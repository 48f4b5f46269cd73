import { link, mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve, sep } from 'node:path'
import type { CompiledContent } from './assemble.ts'

/** The head's fixed name in a compiled output folder (the build names it by hash in index.html). */
export const HEAD_FILE = 'head.json'
/** What older outputs were marked by; still accepted as "a previous output". */
const OLD_MARKER = 'manifest.json'

/** The output folder would destroy something that is not a previous output; nothing was written. */
export class UnsafeOutDirError extends Error {}

/**
 * Why `outDir` must not be replaced by compiled output, or undefined when it is safe: the output
 * folder is swapped in whole, so it must not be (or hold, or sit inside) the content folder, and an
 * existing folder must be a previous output (it holds `head.json`) or empty.
 */
export async function unsafeOutDir(outDir: string, inDir?: string): Promise<string | undefined> {
  const out = await realPathOf(outDir)
  if (inDir !== undefined) {
    const input = await realPathOf(inDir)
    const inside = (child: string, parent: string) => child.startsWith(parent + sep)
    if (out === input) return `--out ${outDir} is the content folder itself`
    if (inside(input, out)) return `--out ${outDir} contains the content folder ${inDir}`
    if (inside(out, input)) return `--out ${outDir} is inside the content folder ${inDir}`
  }
  const info = await stat(out).catch(() => undefined)
  if (!info) return undefined
  if (!info.isDirectory()) return `--out ${outDir} is a file, not a folder`
  const children = await readdir(out)
  if (children.length > 0 && !children.includes(HEAD_FILE) && !children.includes(OLD_MARKER)) {
    return `--out ${outDir} is a non-empty folder without ${HEAD_FILE} (not a previous output)`
  }
  return undefined
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
async function realPathOf(path: string): Promise<string> {
  const full = resolve(path)
  try {
    return await realpath(full)
  } catch {
    const parent = dirname(full)
    return parent === full ? full : join(await realPathOf(parent), basename(full))
  }
}

/**
 * Writes compiled content to `outDir` atomically: everything goes to a sibling temp folder first,
 * which then replaces `outDir`, so a failed run never leaves half-written output. Data files are
 * named by their content, so one the previous output already has is hard-linked rather than
 * written again: a rebuild after one new digest writes a handful of files, not thousands. Refuses
 * (with an UnsafeOutDirError, before writing anything) to replace what is not a previous output.
 * Returns how many files were written and how many reused.
 */
export async function writeCompiled(
  content: CompiledContent,
  outDir: string,
  inDir?: string,
): Promise<{ written: number; reused: number }> {
  const unsafe = await unsafeOutDir(outDir, inDir)
  if (unsafe) throw new UnsafeOutDirError(`refusing to write: ${unsafe}`)
  const target = resolve(outDir)
  const temp = `${target}.tmp-${process.pid}-${Date.now()}`
  const old = `${target}.old-${process.pid}-${Date.now()}`
  let written = 0
  let reused = 0
  try {
    const made = new Set<string>()
    const ensureDir = async (dir: string) => {
      if (made.has(dir)) return
      await mkdir(dir, { recursive: true })
      made.add(dir)
    }
    await ensureDir(temp)
    await writeFile(join(temp, HEAD_FILE), content.headJson)
    for (const [name, text] of content.files) {
      const path = join(temp, name)
      await ensureDir(dirname(path))
      const linked = await link(join(target, name), path).then(
        () => true,
        () => false,
      )
      if (linked) reused++
      else {
        await writeFile(path, text.text())
        written++
      }
    }
    await rename(target, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
    try {
      await rename(temp, target)
    } catch (error) {
      await rename(old, target).catch(() => undefined)
      throw error
    }
    await rm(old, { recursive: true, force: true })
  } finally {
    await rm(temp, { recursive: true, force: true })
  }
  return { written: written + 1, reused }
}
